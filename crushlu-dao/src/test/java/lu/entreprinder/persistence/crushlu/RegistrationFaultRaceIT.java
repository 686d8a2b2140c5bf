package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.RetryableException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;

/**
 * Faults during races (PostgreSQL: backends are terminated from outside, which SQLite has no equivalent of): 16
 * threads register for and cancel from 10 events while a killer terminates a random backend of the pool every
 * 50 ms, for {@code -Dfault.race.seconds} (default 20). Every call ends in a result or a typed
 * {@link RetryableException}; after retrying those, no event is over capacity or has a free spot while someone
 * waits, nobody holds two registrations, every promotion the callers were told of was notified exactly once (and no
 * other: a hook never runs for a rolled-back attempt), and the pool recovers.
 */
class RegistrationFaultRaceIT {

    private static final int THREADS = 16;
    private static final int EVENTS = 10;
    private static final int CAPACITY = 4;
    private static final int USERS = 40;
    private static final long SECONDS = Long.getLong("fault.race.seconds", 20);

    @Test
    void callsUnderBackendTerminationEndInAResultOrARetryableErrorAndNoInvariantBreaks() throws Exception {
        TestClock clock = new TestClock();
        List<RegistrationPromotion> notified = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(TestDatabases.config(Backend.POSTGRESQL, clock)
                .migrateOnStart(true).maximumPoolSize(8).build())) {
            RegistrationService service = new RegistrationService(db, notified::add);
            List<Long> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                events.add(EventFixtures.event(db, "e" + i, CAPACITY));
            }
            List<Long> users = EventFixtures.members(db, "u", USERS);

            List<Long> reportedPromotions = new CopyOnWriteArrayList<>();
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            Map<RetryableException.Reason, AtomicInteger> retries = new ConcurrentHashMap<>();
            AtomicInteger calls = new AtomicInteger();
            AtomicInteger unknownCancels = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger kills = new AtomicInteger();

            ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
            try {
                Future<?> killer = threads.submit(() -> kill(db.config().jdbcUrl(), stop, kills));
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Random random = new Random(t);
                    workers.add(threads.submit(() -> {
                        while (!stop.get()) {
                            long user = users.get(random.nextInt(USERS));
                            long event = events.get(random.nextInt(EVENTS));
                            calls.incrementAndGet();
                            try {
                                if (random.nextInt(10) < 6) {
                                    retrying(() -> service.register(user, event, RegistrationDetails.none()),
                                            retries, null);
                                } else {
                                    RegistrationCancelResult result = retrying(() -> service.cancel(user, event),
                                            retries, unknownCancels);
                                    if (result instanceof RegistrationCancelResult.Cancelled c) {
                                        c.promoted().ifPresent(p -> reportedPromotions.add(p.id()));
                                    }
                                }
                            } catch (Throwable e) {
                                unexpected.add(e);
                            }
                        }
                    }));
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
                stop.set(true);
                killer.get(30, TimeUnit.SECONDS);
                for (Future<?> worker : workers) {
                    worker.get(60, TimeUnit.SECONDS);
                }
            } finally {
                stop.set(true);
                threads.shutdownNow();
            }

            System.out.printf("fault race: %d calls, %d backends terminated, retries %s, %d cancels with an unknown"
                    + " commit outcome, %d promotions%n", calls.get(), kills.get(), retries, unknownCancels.get(),
                    reportedPromotions.size());
            assertThat(unexpected).as("every call ends in a result or a RetryableException").isEmpty();
            assertThat(kills.get()).as("the killer really terminated backends").isGreaterThan(20);
            assertThat(retries).as("the kills really hit calls").isNotEmpty();

            var r = EVENT_REGISTRATION;
            for (long event : events) {
                List<Record3<Long, String, Long>> rows = db.dsl().select(r.USER_ID, r.STATUS, r.ID).from(r)
                        .where(r.EVENT_ID.eq(event)).fetch();
                long confirmed = rows.stream().filter(x -> x.value2().equals("confirmed")).count();
                long waiting = rows.stream().filter(x -> x.value2().equals("waitlist")).count();
                assertThat(confirmed).as("event %d over capacity", event).isLessThanOrEqualTo(CAPACITY);
                if (waiting > 0) {
                    assertThat(confirmed).as("event %d has a free spot while %d wait", event, waiting)
                            .isEqualTo(CAPACITY);
                }
                assertThat(rows.stream().map(Record3::value1).distinct().count())
                        .as("one registration per user of event %d", event).isEqualTo(rows.size());
            }
            List<Long> notifiedIds = notified.stream().map(RegistrationPromotion::registrationId).sorted().toList();
            assertThat(notifiedIds).as("hooks ran exactly for the promotions whose commit was reported")
                    .isEqualTo(reportedPromotions.stream().sorted().toList());
            assertThat(db.activeConnections()).as("the pool recovers").isZero();
            assertThat(service.register(users.get(0), events.get(0), RegistrationDetails.none())).isNotNull();
        }
    }

    /** Repeats a call while it fails with a RetryableException (every service verb is idempotent under retry). */
    private static <T> T retrying(Supplier<T> call, Map<RetryableException.Reason, AtomicInteger> retries,
                                  AtomicInteger unknownOutcomes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RetryableException e) {
                retries.computeIfAbsent(e.reason(), k -> new AtomicInteger()).incrementAndGet();
                if (e.reason() == RetryableException.Reason.COMMIT_OUTCOME_UNKNOWN && unknownOutcomes != null) {
                    // A promotion of this cancel may have committed without its hook: it is not in the reported list
                    // either, so the exactly-once comparison stays exact.
                    unknownOutcomes.incrementAndGet();
                }
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Terminates a random backend of the test database (never its own) every 50 ms until stopped. */
    private static void kill(String url, AtomicBoolean stop, AtomicInteger kills) {
        Random random = new Random(99);
        try (Connection killer = DriverManager.getConnection(url);
             PreparedStatement victims = killer.prepareStatement("select pid from pg_stat_activity"
                     + " where datname = current_database() and pid <> pg_backend_pid()");
             PreparedStatement terminate = killer.prepareStatement("select pg_terminate_backend(?)")) {
            while (!stop.get()) {
                List<Integer> pids = new ArrayList<>();
                try (ResultSet rs = victims.executeQuery()) {
                    while (rs.next()) {
                        pids.add(rs.getInt(1));
                    }
                }
                if (!pids.isEmpty()) {
                    terminate.setInt(1, pids.get(random.nextInt(pids.size())));
                    try (ResultSet rs = terminate.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            kills.incrementAndGet();
                        }
                    }
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the killer lost its own connection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
