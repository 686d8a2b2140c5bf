package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.TestClock;

/**
 * Real threads against the database. Deterministic: the pause hook between check and write holds the first
 * transaction at the critical point until every other thread has started, so the unlocked path overbooks every
 * time and the locked one never does.
 */
class PlotReservationRaceIT {

    private static final int ROUNDS = 5;
    private static final Duration HOLD = Duration.ofMinutes(10);

    @DatabaseTest
    void manyUsersRaceForOnePlotAndExactlyOneGetsIt(Database db, Backend backend) throws Exception {
        int threads = backend == Backend.POSTGRESQL ? 100 : 30;
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long producer = VdlFixtures.producer(db, "Alpha");
        List<Long> users = users(db, "racer", threads);
        for (int round = 1; round <= ROUNDS; round++) {
            long plot = VdlFixtures.plot(db, producer, "Contested " + round);
            AtomicInteger entered = new AtomicInteger();
            AtomicBoolean held = new AtomicBoolean();
            RaceSeam.of(db).onPause("plot.reserve", () -> {
                if (held.compareAndSet(false, true)) {
                    // hold the first transaction (plot locked) until every other thread is on its way
                    await(() -> entered.get() == threads);
                    sleep(150);
                }
            });
            List<Callable<ReserveResult>> racers = new ArrayList<>();
            for (long user : users) {
                racers.add(() -> {
                    entered.incrementAndGet();
                    return service.reserve(user, plot, HOLD);
                });
            }
            Race.Outcomes<ReserveResult> out = Race.run(racers);
            int reserved = 0;
            int notAvailable = 0;
            for (ReserveResult r : out.values()) {
                if (r instanceof ReserveResult.Reserved) {
                    reserved++;
                } else if (r instanceof ReserveResult.NotAvailable na) {
                    assertThat(na.status()).isEqualTo(PlotStatus.RESERVED);
                    notAvailable++;
                }
            }
            List<Throwable> errors = out.errors();
            System.out.printf("[%s] reserve race round %d: attempts=%d reserved=%d notAvailable=%d errors=%d%n",
                    backend, round, threads, reserved, notAvailable, errors.size());
            assertThat(errors).isEmpty();
            assertThat(reserved).isEqualTo(1);
            assertThat(notAvailable).isEqualTo(threads - 1);
            assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.PLOT_ID.eq(plot)))
                    .isEqualTo(1);
            assertThat(VdlFixtures.status(db, plot)).isEqualTo(PlotStatus.RESERVED);
        }
    }

    /**
     * The negative control: the same race through the unlocked path double-reserves. PostgreSQL only: on SQLite
     * every transaction holds the single write lock from its start, so even the unlocked path cannot interleave.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheRowLockTheSameRaceDoubleReserves(Database db) throws Exception {
        int threads = 8; // below the pool size: every thread must hold a connection at the barrier
        var service = new PlotReservationService(db, ReservationListener.NONE);
        RaceSeam.of(db).locks(false);
        long producer = VdlFixtures.producer(db, "Alpha");
        List<Long> users = users(db, "careless", threads);
        for (int round = 1; round <= 3; round++) {
            long plot = VdlFixtures.plot(db, producer, "Overbooked " + round);
            CyclicBarrier everyoneChecked = new CyclicBarrier(threads);
            RaceSeam.of(db).onPause("plot.reserve", () -> {
                try {
                    everyoneChecked.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Callable<ReserveResult>> racers = new ArrayList<>();
            for (long user : users) {
                racers.add(() -> service.reserve(user, plot, HOLD));
            }
            int reserved = (int) Race.run(Duration.ofSeconds(60), racers).count(ReserveResult.Reserved.class);
            int rows = db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.PLOT_ID.eq(plot));
            System.out.printf("[POSTGRESQL] unlocked control round %d: attempts=%d reserved=%d rows=%d%n",
                    round, threads, reserved, rows);
            assertThat(reserved).isEqualTo(threads);
            assertThat(rows).isEqualTo(threads);
        }
    }

    /**
     * Sweeps (several "instances") race with confirmations while the clock crosses the holds' expiry: a confirmed
     * reservation is never released, every hold ends confirmed or released, and no plot stays reserved without a
     * reservation (nor available with one).
     */
    @DatabaseTest
    void sweepsRacingWithConfirmationsNeverReleaseAConfirmedReservation(Database db, Backend backend,
                                                                         TestClock clock) throws Exception {
        int plots = backend == Backend.POSTGRESQL ? 20 : 10;
        int sweepers = 3;
        var listener = new RecordingListener();
        long producer = VdlFixtures.producer(db, "Alpha");
        List<Long> users = users(db, "adopter", plots);
        List<PlotReservationService> instances = new ArrayList<>();
        for (int i = 0; i <= sweepers; i++) {
            instances.add(new PlotReservationService(db, listener));
        }
        RaceSeam.of(db).onPause("plot.sweep", () -> sleep(1));
        RaceSeam.of(db).onPause("plot.confirm", () -> sleep(1));
        PlotReservationService confirmer = instances.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(plots + sweepers + 1);
        Random random = new Random(42);
        int totalConfirmed = 0;
        int totalReleased = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                listener.confirmed.clear();
                listener.released.clear();
                List<Long> roundPlots = new ArrayList<>();
                List<ReserveResult.Reserved> holds = new ArrayList<>();
                for (int i = 0; i < plots; i++) {
                    long plot = VdlFixtures.plot(db, producer, "R" + round + "-" + i);
                    roundPlots.add(plot);
                    holds.add((ReserveResult.Reserved) confirmer.reserve(users.get(i), plot, HOLD));
                }
                OffsetDateTime expiry = holds.get(0).expiresAt();
                clock.set(expiry.toInstant().minusMillis(30));
                AtomicBoolean racing = new AtomicBoolean(true);
                ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
                AtomicInteger releasedDuringRace = new AtomicInteger();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> background = new ArrayList<>();
                background.add(pool.submit(() -> {
                    await(start);
                    while (racing.get()) {
                        clock.advance(Duration.ofMillis(1));
                        sleep(1);
                    }
                }));
                for (int s = 1; s <= sweepers; s++) {
                    PlotReservationService sweeper = instances.get(s);
                    background.add(pool.submit(() -> {
                        await(start);
                        while (racing.get()) {
                            try {
                                releasedDuringRace.addAndGet(sweeper.releaseExpired(3));
                            } catch (RuntimeException e) {
                                errors.add(e);
                            }
                        }
                    }));
                }
                List<Future<ConfirmResult>> confirms = new ArrayList<>();
                for (int i = 0; i < plots; i++) {
                    long user = users.get(i);
                    long reservation = holds.get(i).reservationId();
                    int delay = random.nextInt(50);
                    confirms.add(pool.submit(() -> {
                        start.await();
                        sleep(delay);
                        return confirmer.confirm(user, reservation);
                    }));
                }
                start.countDown();
                Map<Class<?>, Integer> outcomes = new java.util.HashMap<>();
                List<Long> confirmedIds = new ArrayList<>();
                for (Future<ConfirmResult> f : confirms) {
                    try {
                        ConfirmResult r = f.get(120, TimeUnit.SECONDS);
                        outcomes.merge(r.getClass(), 1, Integer::sum);
                        if (r instanceof ConfirmResult.Confirmed c) {
                            confirmedIds.add(c.reservationId());
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add(e.getCause());
                    }
                }
                racing.set(false);
                for (Future<?> f : background) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(errors).isEmpty();
                checkInvariants(db, roundPlots, false);
                clock.advance(Duration.ofHours(1));
                int finalSweep = confirmer.releaseExpired(7);
                checkInvariants(db, roundPlots, true);

                int confirmed = confirmedIds.size();
                int released = releasedDuringRace.get() + finalSweep;
                System.out.printf("[%s] sweep-vs-confirm round %d: holds=%d confirmed=%d expired=%d notFound=%d"
                                + " releasedDuringRace=%d releasedAfter=%d errors=%d%n", backend, round, plots,
                        confirmed, outcomes.getOrDefault(ConfirmResult.Expired.class, 0),
                        outcomes.getOrDefault(ConfirmResult.NotFound.class, 0), releasedDuringRace.get(), finalSweep,
                        errors.size());
                assertThat(confirmed + released).isEqualTo(plots);
                assertThat(listener.confirmed).extracting(ReservationEvent::reservationId)
                        .containsExactlyInAnyOrderElementsOf(confirmedIds);
                assertThat(listener.released).hasSize(released);
                for (long id : confirmedIds) {
                    assertThat(db.dsl().fetchValue(VDL_PLOT_RESERVATION.IS_CONFIRMED,
                            VDL_PLOT_RESERVATION.ID.eq(id))).isTrue();
                }
                totalConfirmed += confirmed;
                totalReleased += released;
                clock.reset();
            }
        } finally {
            pool.shutdownNow();
        }
        // both sides of the race happened
        assertThat(totalConfirmed).isPositive();
        assertThat(totalReleased).isPositive();
    }

    /** Four sweeps at once share the expired holds: each is released exactly once, none twice, no errors. */
    @DatabaseTest
    void concurrentSweepsReleaseEachExpiredHoldExactlyOnce(Database db, Backend backend, TestClock clock)
            throws Exception {
        int holds = 40;
        var listener = new RecordingListener();
        long producer = VdlFixtures.producer(db, "Alpha");
        List<Long> users = users(db, "holder", holds);
        var reserver = new PlotReservationService(db, listener);
        List<Long> plots = new ArrayList<>();
        for (int i = 0; i < holds; i++) {
            long plot = VdlFixtures.plot(db, producer, "S" + i);
            plots.add(plot);
            reserver.reserve(users.get(i), plot, HOLD);
        }
        clock.advance(HOLD);
        RaceSeam.of(db).onPause("plot.sweep", () -> sleep(2));
        List<Callable<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var instance = new PlotReservationService(db, listener);
            sweeps.add(() -> instance.releaseExpired(5));
        }
        int released = 0;
        for (int n : Race.run(Duration.ofSeconds(60), sweeps).valuesOrFail()) {
            released += n;
        }
        int afterwards = reserver.releaseExpired(5);
        System.out.printf("[%s] concurrent sweeps: holds=%d released=%d leftForNextSweep=%d%n", backend, holds,
                released, afterwards);
        assertThat(released + afterwards).isEqualTo(holds);
        assertThat(listener.released).extracting(ReservationEvent::reservationId).doesNotHaveDuplicates()
                .hasSize(holds);
        checkInvariants(db, plots, true);
        assertThat(VdlFixtures.reservations(db)).isZero();
    }

    /**
     * A sweep skips plots another sweep holds instead of waiting for them ({@code FOR UPDATE SKIP LOCKED}).
     * PostgreSQL only: SQLite has one writer, so the second sweep waits for the first by design.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void aSweepSkipsThePlotsAnotherSweepHolds(Database db, TestClock clock) throws Exception {
        long producer = VdlFixtures.producer(db, "Alpha");
        long anna = Fixtures.user(db, "anna");
        var first = new PlotReservationService(db, ReservationListener.NONE);
        List<Long> plots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long plot = VdlFixtures.plot(db, producer, "K" + i);
            plots.add(plot);
            first.reserve(anna, plot, HOLD);
        }
        clock.advance(HOLD);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread tester = Thread.currentThread(); // the second sweep runs here and must not be held
        RaceSeam.of(db).onPause("plot.sweep", () -> {
            if (Thread.currentThread() != tester) {
                holding.countDown();
                await(release);
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> held = pool.submit(() -> first.releaseExpired(2));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            var second = new PlotReservationService(db, ReservationListener.NONE);
            long t0 = System.nanoTime();
            int skippedSweep = second.releaseExpired(10);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            release.countDown();
            int firstSweep = held.get(30, TimeUnit.SECONDS);
            System.out.printf("[POSTGRESQL] skip-locked: second sweep released %d in %d ms while the first held 2;"
                    + " first released %d%n", skippedSweep, millis, firstSweep);
            assertThat(skippedSweep).isEqualTo(1);
            assertThat(firstSweep).isEqualTo(2);
            checkInvariants(db, plots, true);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * Reserved ⇔ exactly one unconfirmed reservation (live, once {@code swept}); adopted ⇔ one confirmed
     * reservation; available ⇔ none.
     */
    private static void checkInvariants(Database db, List<Long> plots, boolean swept) {
        OffsetDateTime now = db.now();
        for (long plot : plots) {
            PlotStatus status = VdlFixtures.status(db, plot);
            var rows = db.dsl().selectFrom(VDL_PLOT_RESERVATION).where(VDL_PLOT_RESERVATION.PLOT_ID.eq(plot)).fetch();
            switch (status) {
                case RESERVED -> {
                    assertThat(rows).as("plot %d reserved", plot).hasSize(1);
                    assertThat(rows.get(0).getIsConfirmed()).isFalse();
                    if (swept) {
                        assertThat(rows.get(0).getExpiresAt()).isAfter(now);
                    }
                }
                case ADOPTED -> {
                    assertThat(rows).as("plot %d adopted", plot).hasSize(1);
                    assertThat(rows.get(0).getIsConfirmed()).isTrue();
                }
                case AVAILABLE -> assertThat(rows).as("plot %d available", plot).isEmpty();
                default -> throw new AssertionError("unexpected status " + status);
            }
        }
    }

    private static List<Long> users(Database db, String prefix, int n) {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(Fixtures.user(db, prefix + i));
        }
        return users;
    }

    private static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not reached in 30 s");
            }
            sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
