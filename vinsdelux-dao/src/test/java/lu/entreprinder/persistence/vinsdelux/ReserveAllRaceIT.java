package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.list;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.plots;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.producer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * Users reserving overlapping sets of plots at once: exactly one wins each plot, a loser gets nothing (all or nothing
 * holds), and callers naming the same plots in opposite orders never deadlock (rows are locked by ascending id).
 */
class ReserveAllRaceIT {

    private static final int ROUNDS = 5;

    /**
     * Deterministic: anna's call is held between its check and its write (her three plots locked); ben names two of
     * them in the opposite order plus a free one. He waits, then gets nothing; the free plot stays free. SQLite:
     * ben waits at {@code BEGIN IMMEDIATE}.
     */
    @DatabaseTest
    void theSecondCallerWaitsAndThenGetsNothing(Database db) throws Exception {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long[] p = plots(db, producer(db), 4);
        var service = new PlotReservationService(db, ReservationListener.NONE);

        var outcomes = race(db, service, anna, list(p[0], p[1], p[2]), ben, list(p[3], p[2], p[1]));

        assertThat(outcomes.first()).isInstanceOf(ReserveAllResult.Reserved.class);
        assertThat(outcomes.second()).isEqualTo(new ReserveAllResult.NothingReserved(list(p[1], p[2]), List.of()));
        assertThat(outcomes.secondWaited()).as("ben waits for anna's locks").isTrue();
        assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.USER_ID.eq(ben))).isZero();
        assertThat(VdlFixtures.status(db, p[3])).isEqualTo(PlotStatus.AVAILABLE);
        for (int i = 0; i < 3; i++) {
            assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.PLOT_ID.eq(p[i]))).isEqualTo(1);
        }
    }

    /**
     * Negative control, PostgreSQL only (SQLite's immediate transactions serialise every writer, so there is no
     * unlocked path): the same race without the row locks reserves the shared plots twice.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheRowLocksTheSharedPlotsAreReservedTwice(Database db) throws Exception {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long[] p = plots(db, producer(db), 4);
        var service = new PlotReservationService(db, ReservationListener.NONE);
        RaceSeam.of(db).locks(false);

        var outcomes = race(db, service, anna, list(p[0], p[1], p[2]), ben, list(p[3], p[2], p[1]));

        assertThat(outcomes.first()).isInstanceOf(ReserveAllResult.Reserved.class);
        assertThat(outcomes.second()).isInstanceOf(ReserveAllResult.Reserved.class);
        assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.PLOT_ID.eq(p[1])))
                .as("overbooked").isEqualTo(2);
        assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.PLOT_ID.eq(p[2])))
                .as("overbooked").isEqualTo(2);
    }

    record Outcomes(ReserveAllResult first, ReserveAllResult second, boolean secondWaited) {
    }

    /** The first call stops between its check and its write until the second has had 300 ms to run. */
    private static Outcomes race(Database db, PlotReservationService service, long firstUser, List<Long> firstPlots,
                                 long secondUser, List<Long> secondPlots) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("plot.reserve-all", hold);
            Future<ReserveAllResult> first = pool.submit(() -> service.reserveAll(firstUser, firstPlots));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<ReserveAllResult> second = pool.submit(() -> service.reserveAll(secondUser, secondPlots));
            Thread.sleep(300);
            boolean waited = !second.isDone();
            hold.release();
            return new Outcomes(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS), waited);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@value #ROUNDS} rounds: fresh plots, many users each naming a random three of them in random order, released
     * together. No error (a deadlock would be one), at most one reservation per plot, every winner holds all of its
     * plots and every loser none, and the plot statuses agree.
     */
    @DatabaseTest
    void overlappingSetsAtTheSameInstantAreAllOrNothing(Database db, Backend backend) throws Exception {
        int threads = backend == Backend.POSTGRESQL ? 8 : 4;
        int plotsPerRound = 6;
        long producer = producer(db);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            users.add(Fixtures.user(db, "racer" + i));
        }
        var service = new PlotReservationService(db, ReservationListener.NONE);
        Random random = new Random(20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int winners = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Long> roundPlots = list(plots(db, producer, plotsPerRound));
                Map<Long, List<Long>> wanted = new HashMap<>();
                for (long user : users) {
                    List<Long> shuffled = new ArrayList<>(roundPlots);
                    Collections.shuffle(shuffled, random);
                    wanted.put(user, List.copyOf(shuffled.subList(0, 3)));
                }
                CyclicBarrier start = new CyclicBarrier(threads);
                Map<Long, Future<ReserveAllResult>> futures = new HashMap<>();
                for (long user : users) {
                    futures.put(user, pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return service.reserveAll(user, wanted.get(user));
                    }));
                }
                List<Throwable> errors = new ArrayList<>();
                for (long user : users) {
                    try {
                        ReserveAllResult result = futures.get(user).get(60, TimeUnit.SECONDS);
                        var mine = db.dsl().select(VDL_PLOT_RESERVATION.PLOT_ID).from(VDL_PLOT_RESERVATION)
                                .where(VDL_PLOT_RESERVATION.USER_ID.eq(user),
                                        VDL_PLOT_RESERVATION.PLOT_ID.in(roundPlots))
                                .fetch(VDL_PLOT_RESERVATION.PLOT_ID);
                        if (result instanceof ReserveAllResult.Reserved) {
                            winners++;
                            assertThat(mine).containsExactlyInAnyOrderElementsOf(wanted.get(user));
                        } else {
                            assertThat(mine).as("a loser holds nothing").isEmpty();
                            assertThat(((ReserveAllResult.NothingReserved) result).unavailablePlotIds()).isNotEmpty();
                        }
                    } catch (ExecutionException e) {
                        errors.add(e.getCause());
                    }
                }
                assertThat(errors).as("no errors, no deadlocks").isEmpty();
                for (long plot : roundPlots) {
                    int rows = db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.PLOT_ID.eq(plot));
                    assertThat(rows).as("reservations of plot %d", plot).isLessThanOrEqualTo(1);
                    assertThat(VdlFixtures.status(db, plot))
                            .isEqualTo(rows == 1 ? PlotStatus.RESERVED : PlotStatus.AVAILABLE);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[%s] reserveAll race: %d rounds x %d users, %d winners%n", backend, ROUNDS, threads,
                winners);
        assertThat(winners).isGreaterThanOrEqualTo(ROUNDS);
    }
}
