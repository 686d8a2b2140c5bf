package lu.entreprinder.persistence.integration;

import static lu.entreprinder.persistence.schema.generated.Tables.CONNECTION_MESSAGE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.crushlu.ConnectionRequestResult;
import lu.entreprinder.persistence.crushlu.NewEvent;
import lu.entreprinder.persistence.crushlu.MessageConversationResult;
import lu.entreprinder.persistence.crushlu.MessageSendResult;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.RegistrationStatus;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.vinsdelux.NewProducer;
import lu.entreprinder.persistence.vinsdelux.PlotDetails;
import lu.entreprinder.persistence.vinsdelux.PlotStatus;
import lu.entreprinder.persistence.vinsdelux.ReserveResult;
import org.jooq.Record;

/**
 * Mixed traffic from many threads for a bounded time: event registrations and cancellations (small events, so the
 * waitlist and promotions work), plot reservations, confirmations, cancellations and expiry sweeps (the sweeping
 * thread moves the clock on; new plots are added as plots get adopted), likes and unlikes over a small set of users, messages (and reads) on connected
 * connections, and outsiders' sends that must be refused. At the end every invariant is checked.
 */
final class SoakRun {

    private static final int MEMBERS = 24;
    private static final int EVENTS = 6;
    private static final int PLOTS = 16;
    private static final int ATTENDEES = 8;

    private final Database db;
    private final TestClock clock;
    private final World w;

    private final List<Long> members = new ArrayList<>();
    private final List<Long> events = new ArrayList<>();
    private final List<Long> plots = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<long[]> connections = new ArrayList<>(); // {id, userA, userB}
    private long outsider;

    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<Long, LongAdder> sentPerConnection = new ConcurrentHashMap<>();
    private final Map<Long, Queue<Long>> heldReservations = new ConcurrentHashMap<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong errorCount = new AtomicLong();

    SoakRun(Database db, TestClock clock) {
        this.db = db;
        this.clock = clock;
        this.w = new World(db, clock);
    }

    /** The figures of a finished run. */
    record Report(Duration duration, Map<String, Long> operations, Map<String, Long> outcomes, List<String> invariants) {
        long total() {
            return operations.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return String.format("duration %.1f s, %d operations (%.0f/s)%n  per type: %s%n  outcomes: %s%n"
                            + "  invariants checked: %s", duration.toMillis() / 1000.0, total(),
                    total() / Math.max(0.001, duration.toMillis() / 1000.0), operations, outcomes, invariants);
        }
    }

    private void setUp() {
        db.useTransaction(tx -> {
            for (int i = 0; i < MEMBERS; i++) {
                long u = Fixtures.user(db, "soak" + i);
                Fixtures.crushProfile(db, u).insert();
                members.add(u);
            }
            outsider = Fixtures.user(db, "outsider");
        });
        OffsetDateTime now = db.now();
        long past = w.events.insertEvent(NewEvent.of("Past", now.plusHours(1), now.plusMinutes(30), 50));
        for (int i = 0; i < ATTENDEES; i++) {
            w.registrations.register(members.get(i), past, RegistrationDetails.none());
        }
        clock.advance(Duration.ofHours(2));
        for (int i = 0; i < ATTENDEES; i++) {
            w.registrations.markAttendance(members.get(i), past, true); // only attendees connect
        }
        for (int i = 0; i < ATTENDEES; i += 2) {
            long a = members.get(i);
            long b = members.get(i + 1);
            long id = ((ConnectionRequestResult.Requested) w.connections.requestConnection(a, b, past)).connection()
                    .id();
            w.connections.respond(b, id, true);
            connections.add(new long[] {id, a, b});
            sentPerConnection.put(id, new LongAdder());
        }
        now = db.now();
        for (int i = 0; i < EVENTS; i++) {
            events.add(w.events.insertEvent(NewEvent.of("Soak " + i, now.plusDays(366), now.plusDays(365),
                    2 + i % 4)));
        }
        w.producer = w.producerDao.insertProducer(new NewProducer("Soak estate", "Moselle", "D", "l", null));
        for (int i = 0; i < PLOTS; i++) {
            plots.add(w.plotDao.insertPlot(new PlotDetails(w.producer, "Soak " + i, BigDecimal.ONE, "G", "S", 1,
                    null)));
        }
    }

    Report run(int threads, Duration duration) throws InterruptedException {
        setUp();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        step();
                    } catch (RuntimeException | Error e) {
                        if (errorCount.incrementAndGet() <= 20) {
                            errors.add(e.toString());
                        }
                    }
                }
            }, "soak-" + t);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            thread.join(TimeUnit.MINUTES.toMillis(5) + duration.toMillis());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> invariants = checkInvariants();
        Map<String, Long> ops = new TreeMap<>();
        operations.forEach((k, v) -> ops.put(k, v.sum()));
        Map<String, Long> outs = new TreeMap<>();
        outcomes.forEach((k, v) -> outs.put(k, v.sum()));
        return new Report(took, ops, outs, invariants);
    }

    private void count(String operation, Object outcome) {
        operations.computeIfAbsent(operation, k -> new LongAdder()).increment();
        String name = outcome instanceof Integer ? "released" : outcome.getClass().getSimpleName();
        outcomes.computeIfAbsent(operation + ":" + name, k -> new LongAdder()).increment();
    }

    private void step() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long member = members.get(random.nextInt(members.size()));
        int dice = random.nextInt(100);
        if (dice < 18) {
            count("register", w.registrations.register(member, events.get(random.nextInt(EVENTS)),
                    RegistrationDetails.none()));
        } else if (dice < 30) {
            count("cancel", w.registrations.cancel(member, events.get(random.nextInt(EVENTS))));
        } else if (dice < 44) {
            var result = w.reservations.reserve(member, plots.get(random.nextInt(plots.size())),
                    Duration.ofSeconds(5 + random.nextInt(60)));
            if (result instanceof ReserveResult.Reserved r) {
                heldReservations.computeIfAbsent(member, k -> new ConcurrentLinkedQueue<>()).add(r.reservationId());
            }
            count("reserve", result);
        } else if (dice < 46) {
            Long r = heldReservations.computeIfAbsent(member, k -> new ConcurrentLinkedQueue<>()).poll();
            if (r != null) {
                count("confirm", w.reservations.confirm(member, r));
            }
        } else if (dice < 54) {
            Long r = heldReservations.computeIfAbsent(member, k -> new ConcurrentLinkedQueue<>()).poll();
            if (r != null) {
                count("cancelReservation", w.reservations.cancel(member, r));
            }
        } else if (dice < 55) {
            // adopted plots stay adopted: the catalogue keeps offering new ones
            plots.add(w.plotDao.insertPlot(new PlotDetails(w.producer, "New " + random.nextInt(), BigDecimal.ONE, "G",
                    "S", 1, null)));
            count("insertPlot", "plot");
        } else if (dice < 60) {
            clock.advance(Duration.ofSeconds(2));
            count("sweep", w.reservations.releaseExpired(1 + random.nextInt(5)));
        } else if (dice < 72) {
            long other = members.get(random.nextInt(12));
            if (other != member) {
                count("like", w.matching.like(member, other));
            }
        } else if (dice < 80) {
            long other = members.get(random.nextInt(12));
            if (other != member) {
                count("unlike", w.matching.unlike(member, other));
            }
        } else if (dice < 94) {
            long[] c = connections.get(random.nextInt(connections.size()));
            long sender = random.nextBoolean() ? c[1] : c[2];
            var result = w.messages.send(sender, c[0], "msg " + random.nextInt(1000));
            if (result instanceof MessageSendResult.Sent) {
                sentPerConnection.get(c[0]).increment();
            }
            count("message", result);
        } else if (dice < 97) {
            long[] c = connections.get(random.nextInt(connections.size()));
            var result = w.messages.send(outsider, c[0], "let me in");
            if (!(result instanceof MessageSendResult.ConnectionUnavailable)) {
                throw new AssertionError("an outsider sent a message: " + result);
            }
            count("outsiderMessage", result);
        } else {
            long[] c = connections.get(random.nextInt(connections.size()));
            var result = w.messages.readConversation(c[1 + random.nextInt(2)], c[0]);
            if (!(result instanceof MessageConversationResult.Conversation)) {
                throw new AssertionError("a participant could not read: " + result);
            }
            count("readConversation", result);
        }
    }

    /** Checks every invariant; returns their names (an AssertionError names the one that fails). */
    private List<String> checkInvariants() {
        List<String> checked = new ArrayList<>();
        assertThat(errors).as("exceptions that escaped the soak (" + errorCount.get() + ")").isEmpty();
        checked.add("no exception escaped (only typed outcomes)");

        var r = EVENT_REGISTRATION;
        for (Record e : db.dsl().select(MEETUP_EVENT.ID, MEETUP_EVENT.MAX_PARTICIPANTS,
                        org.jooq.impl.DSL.field(db.dsl().selectCount().from(r).where(r.EVENT_ID.eq(MEETUP_EVENT.ID),
                                r.STATUS.eq(RegistrationStatus.CONFIRMED.dbValue()))).as("confirmed"),
                        org.jooq.impl.DSL.field(db.dsl().selectCount().from(r).where(r.EVENT_ID.eq(MEETUP_EVENT.ID),
                                r.STATUS.eq(RegistrationStatus.WAITLIST.dbValue()))).as("waiting"))
                .from(MEETUP_EVENT).where(MEETUP_EVENT.ID.in(events)).fetch()) {
            int max = e.get(MEETUP_EVENT.MAX_PARTICIPANTS);
            int confirmed = e.get("confirmed", Integer.class);
            int waiting = e.get("waiting", Integer.class);
            assertThat(confirmed).as("confirmed of event " + e.get(MEETUP_EVENT.ID)).isLessThanOrEqualTo(max);
            assertThat(waiting > 0 && confirmed < max).as("free spot while someone waits, event "
                    + e.get(MEETUP_EVENT.ID) + ": confirmed " + confirmed + "/" + max + ", waiting " + waiting)
                    .isFalse();
        }
        checked.add("no event over max_participants");
        checked.add("no free spot while someone waits");

        w.reservations.releaseExpired(1000);
        OffsetDateTime now = db.now();
        Map<Long, String> statuses = new HashMap<>();
        db.dsl().select(VDL_PLOT.ID, VDL_PLOT.STATUS).from(VDL_PLOT).where(VDL_PLOT.ID.in(plots))
                .forEach(p -> statuses.put(p.value1(), p.value2()));
        Map<Long, List<Record>> holds = new HashMap<>();
        db.dsl().selectFrom(VDL_PLOT_RESERVATION).where(VDL_PLOT_RESERVATION.PLOT_ID.in(plots))
                .forEach(h -> holds.computeIfAbsent(h.getPlotId(), k -> new ArrayList<>()).add(h));
        for (long plot : plots) {
            List<Record> hs = holds.getOrDefault(plot, List.of());
            long confirmed = hs.stream().filter(h -> h.get(VDL_PLOT_RESERVATION.IS_CONFIRMED)).count();
            long live = hs.stream().filter(h -> !h.get(VDL_PLOT_RESERVATION.IS_CONFIRMED)
                    && h.get(VDL_PLOT_RESERVATION.EXPIRES_AT).isAfter(now)).count();
            String status = statuses.get(plot);
            String state = "plot " + plot + " " + status + " with " + hs.size() + " reservations (" + confirmed
                    + " confirmed, " + live + " live)";
            if (PlotStatus.ADOPTED.dbValue().equals(status)) {
                assertThat(confirmed == 1 && hs.size() == 1).as(state).isTrue();
            } else if (PlotStatus.RESERVED.dbValue().equals(status)) {
                assertThat(live == 1 && hs.size() == 1).as(state).isTrue();
            } else {
                assertThat(status).as(state).isEqualTo(PlotStatus.AVAILABLE.dbValue());
                assertThat(hs).as(state).isEmpty();
            }
        }
        checked.add("adopted plot = exactly one confirmed reservation");
        checked.add("reserved plot = exactly one live unconfirmed reservation (after a final sweep)");
        checked.add("available plot = no reservation");

        Set<List<Long>> likes = new HashSet<>();
        db.dsl().select(LIKE.FROM_USER_ID, LIKE.TO_USER_ID).from(LIKE)
                .forEach(l -> likes.add(List.of(l.value1(), l.value2())));
        Set<List<Long>> matches = new HashSet<>();
        int matchRows = 0;
        for (var m : db.dsl().select(MATCH.USER1_ID, MATCH.USER2_ID).from(MATCH).fetch()) {
            matchRows++;
            matches.add(List.of(m.value1(), m.value2()));
            assertThat(likes).as("match " + m + " backed by two likes")
                    .contains(List.of(m.value1(), m.value2()), List.of(m.value2(), m.value1()));
        }
        assertThat(matchRows).as("one match row per pair").isEqualTo(matches.size());
        for (List<Long> l : likes) {
            if (likes.contains(List.of(l.get(1), l.get(0)))) {
                assertThat(matches).as("mutual likes " + l + " have their match")
                        .contains(List.of(Math.min(l.get(0), l.get(1)), Math.max(l.get(0), l.get(1))));
            }
        }
        checked.add("every match backed by two likes");
        checked.add("every mutual like has exactly one match");

        Map<Long, Integer> stored = new HashMap<>();
        db.dsl().select(CONNECTION_MESSAGE.CONNECTION_ID, org.jooq.impl.DSL.count()).from(CONNECTION_MESSAGE)
                .groupBy(CONNECTION_MESSAGE.CONNECTION_ID).forEach(x -> stored.put(x.value1(), x.value2()));
        long totalSent = 0;
        for (var e : sentPerConnection.entrySet()) {
            assertThat(stored.getOrDefault(e.getKey(), 0)).as("messages of connection " + e.getKey())
                    .isEqualTo((int) e.getValue().sum());
            totalSent += e.getValue().sum();
        }
        assertThat(stored.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(totalSent);
        checked.add("messages per connection = messages the threads sent (outsiders' none)");

        assertThat(db.activeConnections()).as("leaked connections").isZero();
        checked.add("db.activeConnections() == 0");
        return checked;
    }
}
