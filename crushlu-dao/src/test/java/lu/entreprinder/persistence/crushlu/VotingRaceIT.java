package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.VotingFixtures.evening;
import static lu.entreprinder.persistence.crushlu.VotingFixtures.open;
import static lu.entreprinder.persistence.schema.generated.Tables.PRESENTATION_RATING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;

/** A rating submitted twice at once becomes exactly one row: the second submission updates the first. */
class VotingRaceIT {

    private static final int ROUNDS = 8;

    record Outcomes(Future<RatingResult> first, Future<RatingResult> second, boolean secondWaited) {
    }

    /** The first submission stops between its check and its insert until the second has had 300 ms to run. */
    private static Outcomes race(Database db, VotingService service, long session, long rater, long presenter)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("voting.rate", hold);
            Future<RatingResult> first = pool.submit(() -> service.rate(session, rater, presenter, 4));
            hold.awaitHeld(java.time.Duration.ofSeconds(10));
            Future<RatingResult> second = pool.submit(() -> service.rate(session, rater, presenter, 5));
            Thread.sleep(300);
            boolean waited = !second.isDone();
            hold.release();
            // wait for both before the pool goes
            try {
                first.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException ignored) {
                // the caller inspects the future
            }
            try {
                second.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException ignored) {
                // the caller inspects the future
            }
            return new Outcomes(first, second, waited);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Deterministic: the first submission is held after its check (session locked); the second waits for it, then
     * sees its rating and updates it. SQLite: the second waits at {@code BEGIN IMMEDIATE}.
     */
    @DatabaseTest
    void theSecondSubmissionWaitsAndUpdatesTheFirst(Database db) throws Exception {
        var e = evening(db, "anna", "ben");
        var service = new VotingService(db);
        long session = open(service, e);

        var outcomes = race(db, service, session, e.attendees().get(0), e.attendees().get(1));

        assertThat(outcomes.secondWaited()).isTrue();
        long id = ((RatingResult.Rated) outcomes.first().get()).ratingId();
        assertThat(outcomes.second().get()).isEqualTo(new RatingResult.Updated(id, 4, 5));
        assertThat(db.dsl().fetchCount(PRESENTATION_RATING)).isEqualTo(1);
    }

    /**
     * Negative control, PostgreSQL only (SQLite's immediate transactions serialise every writer): without the session
     * lock both submissions find no rating and both insert; the held one then fails on the unique constraint
     * instead of updating.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheSessionLockTheHeldSubmissionFailsOnTheConstraint(Database db) throws Exception {
        var e = evening(db, "anna", "ben");
        var service = new VotingService(db);
        long session = open(service, e);
        RaceSeam.of(db).locks(false);

        var outcomes = race(db, service, session, e.attendees().get(0), e.attendees().get(1));

        assertThat(outcomes.secondWaited()).isFalse();
        assertThat(outcomes.second().get()).isInstanceOf(RatingResult.Rated.class);
        assertThat(outcomes.first()).failsWithin(java.time.Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ConflictException.class);
    }

    /**
     * {@value #ROUNDS} rounds, each with its own rater and presenter: several threads submit the same rating at
     * once (released together). Exactly one row per pair, one {@code Rated} and the rest {@code Updated}, no error.
     */
    @DatabaseTest
    void manySubmissionsAtOnceMakeExactlyOneRow(Database db, Backend backend) throws Exception {
        int threads = backend == Backend.POSTGRESQL ? 6 : 3;
        String[] names = new String[ROUNDS * 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = "guest" + i;
        }
        var e = evening(db, names);
        var service = new VotingService(db);
        long session = open(service, e);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long rater = e.attendees().get(2 * round);
                long presenter = e.attendees().get(2 * round + 1);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<RatingResult>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int score = 1 + t % 5;
                    futures.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return service.rate(session, rater, presenter, score);
                    }));
                }
                int rated = 0;
                int updated = 0;
                List<Throwable> errors = new ArrayList<>();
                for (Future<RatingResult> f : futures) {
                    try {
                        RatingResult r = f.get(30, TimeUnit.SECONDS);
                        rated += r instanceof RatingResult.Rated ? 1 : 0;
                        updated += r instanceof RatingResult.Updated ? 1 : 0;
                    } catch (ExecutionException x) {
                        errors.add(x.getCause());
                    }
                }
                assertThat(errors).isEmpty();
                assertThat(rated).isEqualTo(1);
                assertThat(updated).isEqualTo(threads - 1);
                assertThat(db.dsl().fetchCount(PRESENTATION_RATING,
                        PRESENTATION_RATING.RATER_USER_ID.eq(rater)
                                .and(PRESENTATION_RATING.PRESENTER_USER_ID.eq(presenter)))).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.dsl().fetchCount(PRESENTATION_RATING)).isEqualTo(ROUNDS);
    }
}
