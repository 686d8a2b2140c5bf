package lu.entreprinder.persistence.integration;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.RetryableException;
import lu.entreprinder.persistence.crushlu.CoachReviewService;
import lu.entreprinder.persistence.crushlu.NewEvent;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.SubmissionReceipt;
import lu.entreprinder.persistence.entreprinder.TagSet;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.vinsdelux.ReserveResult;

/**
 * Lock order: the DAO operations that lock two or more rows, raced in opposite orders with many threads for a fixed
 * number of rounds, must never deadlock (no {@link RetryableException} with reason {@code DEADLOCK} escapes; in fact no
 * exception at all). PostgreSQL only: SQLite serialises every write transaction ({@code BEGIN IMMEDIATE}), so it
 * cannot deadlock on row locks. The negative control proves that a deadlock, when two transactions do lock in
 * opposite orders, is detected and surfaces as {@code RetryableException(DEADLOCK)} in this harness.
 */
class LockOrderIT {

    private static final int THREADS = 16;

    /** Outcomes of one race: result types (or exception reasons) with their counts. */
    static final class Tally {
        final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

        void record(Object result) {
            String name = result == null ? "void" : result instanceof Boolean b ? "boolean " + b
                    : result instanceof Integer ? "int" : result.getClass().getSimpleName();
            outcomes.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        }

        long deadlocks() {
            return errors.stream().filter(e -> e instanceof RetryableException r
                    && r.reason() == RetryableException.Reason.DEADLOCK).count();
        }

        @Override
        public String toString() {
            return new TreeMap<>(outcomes) + ", exceptions " + errors.size() + " (deadlocks " + deadlocks() + ")";
        }
    }

    @FunctionalInterface
    interface Op {
        Object run(int round, int thread);
    }

    /** {@code rounds} rounds; in each, {@code THREADS} threads start together ({@link Race}) and run {@code op} once. */
    static Tally race(String name, int rounds, Op op, Runnable betweenRounds) throws Exception {
        Tally tally = new Tally();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            List<Callable<Object>> racers = new ArrayList<>();
            int r = round;
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                racers.add(() -> op.run(r, thread));
            }
            for (Race.Outcome<Object> outcome : Race.run(Duration.ofSeconds(60), racers).outcomes()) {
                if (outcome.error() == null) {
                    tally.record(outcome.value());
                } else if (outcome.error() instanceof RuntimeException e) {
                    tally.errors.add(e);
                } else {
                    throw new AssertionError("a racer failed", outcome.error());
                }
            }
            betweenRounds.run();
        }
        System.out.printf("lock-order race %-28s %3d rounds x %d threads, %5d ms: %s%n", name, rounds, THREADS,
                (System.nanoTime() - started) / 1_000_000, tally);
        return tally;
    }

    static void assertClean(Tally tally, Database db) {
        assertThat(tally.deadlocks()).as("deadlocks").isZero();
        assertThat(tally.errors).as("exceptions that escaped").isEmpty();
        assertThat(db.activeConnections()).isZero();
    }

    /** The harness sees a deadlock: two transactions lock two user rows in opposite orders. */
    @DatabaseTest(Backend.POSTGRESQL)
    void negativeControlOppositeRawLocksDeadlock(Database db) throws Exception {
        long a = Fixtures.user(db, "a");
        long b = Fixtures.user(db, "b");
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (long[] order : new long[][] {{a, b}, {b, a}}) {
                futures.add(pool.submit(() -> {
                    try {
                        tally.record(db.inTransaction(tx -> {
                            tx.forUpdate(tx.dsl().select(USER.ID).from(USER).where(USER.ID.eq(order[0])))
                                    .fetch();
                            try {
                                bothHoldOne.await(10, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return tx.forUpdate(tx.dsl().select(USER.ID).from(USER)
                                    .where(USER.ID.eq(order[1]))).fetch().size();
                        }));
                    } catch (RuntimeException e) {
                        tally.errors.add(e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("negative control (raw opposite-order locks): " + tally);
        assertThat(tally.deadlocks()).isEqualTo(1);
    }

    /** like(a, b) and like(b, a) (and unlike) over overlapping pairs: both users are locked in id order. */
    @DatabaseTest(Backend.POSTGRESQL)
    void likesAndUnlikesInOppositeDirections(Database db, TestClock clock) throws Exception {
        World w = new World(db, clock);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(Fixtures.user(db, "liker" + i));
        }
        Tally tally = race("like/unlike (a,b) vs (b,a)", 60, (round, thread) -> {
            int pair = thread / 2 % users.size();
            long a = users.get(pair);
            long b = users.get((pair + 1 + round % 2) % users.size());
            boolean reverse = thread % 2 == 1;
            long from = reverse ? b : a;
            long to = reverse ? a : b;
            return (round + thread / 4) % 3 == 2 ? w.matching.unlike(from, to) : w.matching.like(from, to);
        }, () -> { });
        assertClean(tally, db);
    }

    /** Concurrent submissions (each locks every coach row in id order), assignments and reviews. */
    @DatabaseTest(Backend.POSTGRESQL)
    void coachAssignmentAndReviews(Database db, TestClock clock) throws Exception {
        World w = new World(db, clock);
        CoachReviewService coaching = w.coaching;
        List<Long> coaches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            coaches.add(Fixtures.coach(db, Fixtures.user(db, "coach" + i), 3 + i));
        }
        int rounds = 30;
        Queue<Long> profiles = new ConcurrentLinkedQueue<>(db.inTransaction(tx -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < rounds * THREADS; i++) {
                ids.add(Fixtures.crushProfile(db, Fixtures.user(db, "p" + i)).insert());
            }
            return ids;
        }));
        Queue<SubmissionReceipt> assigned = new ConcurrentLinkedQueue<>();
        Tally tally = race("submit/assign/review", rounds, (round, thread) -> {
            switch (thread % 4) {
                case 0, 1 -> {
                    SubmissionReceipt r = coaching.submit(profiles.poll());
                    if (r.coachId().isPresent()) {
                        assigned.add(r);
                    }
                    return r;
                }
                case 2 -> {
                    return coaching.assignUnassigned();
                }
                default -> {
                    SubmissionReceipt r = assigned.poll();
                    if (r == null) {
                        return "nothing to review";
                    }
                    if (round % 2 == 0) {
                        coaching.recordScreeningCall(r.submissionId(), r.coachId().getAsLong(), db.today(), "");
                    }
                    return round % 2 == 0 ? coaching.approve(r.submissionId(), r.coachId().getAsLong(), "n", "")
                            : coaching.requestRevision(r.submissionId(), r.coachId().getAsLong(), "n", "fix it");
                }
            }
        }, () -> { });
        assertClean(tally, db);
        // capacity held under contention
        assertThat(coaching.listCoachWorkloads()).allSatisfy(c -> assertThat(c.pending())
                .isLessThanOrEqualTo(c.maxActiveReviews()));
    }

    /** Reservations, confirmations and cancellations (plot, then reservation) against sweeps (SKIP LOCKED batches). */
    @DatabaseTest(Backend.POSTGRESQL)
    void plotReservationsAgainstSweeps(Database db, TestClock clock) throws Exception {
        World w = new World(db, clock);
        w.producer = w.producerDao.insertProducer(new lu.entreprinder.persistence.vinsdelux.NewProducer("P", "R", "D", "l",
                null));
        List<Long> plots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            plots.add(w.insertPlot("plot" + i));
        }
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            users.add(Fixtures.user(db, "vintner" + i));
        }
        Map<Long, Queue<Long>> held = new ConcurrentHashMap<>();
        Tally tally = race("reserve/confirm/cancel/sweep", 80, (round, thread) -> {
            long user = users.get(thread);
            Queue<Long> mine = held.computeIfAbsent(user, k -> new ConcurrentLinkedQueue<>());
            Random random = new Random(round * 31L + thread);
            switch ((thread + round) % 5) {
                case 0 -> {
                    return w.reservations.releaseExpired(1 + random.nextInt(3));
                }
                case 1 -> {
                    Long r = mine.poll();
                    return r == null ? "none held" : round % 3 == 0 ? w.reservations.cancel(user, r)
                            : w.reservations.confirm(user, r);
                }
                case 2 -> {
                    Long r = mine.poll();
                    return r == null ? "none held" : w.reservations.confirm(user, r);
                }
                default -> {
                    var result = w.reservations.reserve(user, plots.get(random.nextInt(plots.size())),
                            Duration.ofMinutes(2 + random.nextInt(4)));
                    if (result instanceof ReserveResult.Reserved r) {
                        mine.add(r.reservationId());
                    }
                    return result;
                }
            }
        }, () -> clock.advance(Duration.ofSeconds(30)));
        assertClean(tally, db);
    }

    /**
     * Across modules, on shared rows: likes lock both users (FOR NO KEY UPDATE, in id order) while registrations lock
     * the event and reference the user (FOR KEY SHARE through the foreign key), logins update the user row, connection
     * requests lock the event, and profile set replacements lock the entrepreneur profile.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void crossModuleOperationsOnSharedRows(Database db, TestClock clock) throws Exception {
        World w = new World(db, clock).build();
        List<Long> members = new ArrayList<>(List.of(w.anna, w.ben, w.carl));
        for (int i = 0; i < 5; i++) {
            long u = Fixtures.user(db, "x" + i);
            Fixtures.crushProfile(db, u).insert();
            members.add(u);
        }
        long event = w.events.insertEvent(NewEvent.of("Tiny", db.now().plusDays(3), db.now().plusDays(2), 3));
        Tally tally = race("like/register/login/connect/tags", 50, (round, thread) -> {
            long a = members.get((thread + round) % members.size());
            long b = members.get((thread + round + 1 + thread % 3) % members.size());
            if (a == b) {
                b = members.get((members.indexOf(a) + 1) % members.size());
            }
            return switch (thread % 8) {
                case 0 -> w.matching.like(a, b);
                case 1 -> w.matching.like(b, a);
                case 2 -> w.registrations.register(a, event, RegistrationDetails.none());
                case 3 -> w.registrations.cancel(b, event);
                case 4 -> w.users.recordLogin(a);
                case 5 -> w.connections.requestConnection(a, b, w.pastEvent);
                case 6 -> w.entProfiles.replaceIndustries(w.entProfile, TagSet.ofNames("Wine", "Tag" + round % 3));
                default -> w.matching.unlike(a, b);
            };
        }, () -> { });
        assertClean(tally, db);
    }
}
