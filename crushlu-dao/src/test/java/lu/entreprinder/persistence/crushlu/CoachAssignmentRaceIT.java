package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.PROFILE_SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;

/**
 * Concurrent submissions never push a coach past {@code max_active_reviews}; the unlocked path does on PostgreSQL.
 */
class CoachAssignmentRaceIT {

    private static final int THREADS = 4;

    /** Negative control, PostgreSQL only: SQLite's immediate transactions serialise even the unlocked path. */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedPathOvershootsCapacity(Database db) throws Exception {
        long coach = ProfileFixtures.coach(db, "coach", 1);
        List<Long> profiles = profiles(db, "neg", THREADS);
        CoachReviewService s = new CoachReviewService(db, CoachReviewListener.none());
        RaceSeam.of(db).locks(false);
        CyclicBarrier allCounted = new CyclicBarrier(THREADS);
        RaceSeam.of(db).onPause("coach-review.between-count-and-write", () -> await(allCounted, 10_000));

        race(profiles, s);

        int assigned = pendingOf(db, coach);
        System.out.printf("coach race negative control: %d submissions, coach max 1, assigned %d%n", THREADS, assigned);
        assertThat(assigned).isEqualTo(THREADS);
    }

    @DatabaseTest
    void lockedPathHoldsCapacityEvenWhenPausedAtTheCriticalPoint(Database db) throws Exception {
        long coach = ProfileFixtures.coach(db, "coach", 1);
        List<Long> profiles = profiles(db, "pos", THREADS);
        CoachReviewService s = new CoachReviewService(db, CoachReviewListener.none());
        CyclicBarrier allCounted = new CyclicBarrier(THREADS);
        // With the lock, only one thread can be past the count at a time: the barrier times out and the holder
        // continues; the others then count its submission.
        RaceSeam.of(db).onPause("coach-review.between-count-and-write", () -> await(allCounted, 300));

        race(profiles, s);

        assertThat(pendingOf(db, coach)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(PROFILE_SUBMISSION, PROFILE_SUBMISSION.COACH_ID.isNull()))
                .isEqualTo(THREADS - 1);
    }

    @DatabaseTest
    void manyRacingSubmissionsNeverExceedAnyCoachCapacity(Database db) throws Exception {
        CoachReviewService s = new CoachReviewService(db, CoachReviewListener.none());
        int rounds = 3;
        int perRound = 12;
        int totalAssigned = 0;
        for (int round = 0; round < rounds; round++) {
            long a = ProfileFixtures.coach(db, "a" + round, 1);
            long b = ProfileFixtures.coach(db, "b" + round, 2);
            long c = ProfileFixtures.coach(db, "c" + round, 3);
            race(profiles(db, "r" + round + "_", perRound), s);
            assertThat(pendingOf(db, a)).isEqualTo(1);
            assertThat(pendingOf(db, b)).isEqualTo(2);
            assertThat(pendingOf(db, c)).isEqualTo(3);
            totalAssigned += 6;
        }
        for (CoachWorkload w : s.listCoachWorkloads()) {
            assertThat(w.pending()).isLessThanOrEqualTo(w.maxActiveReviews());
        }
        int unassigned = db.dsl().fetchCount(PROFILE_SUBMISSION, PROFILE_SUBMISSION.COACH_ID.isNull());
        System.out.printf("coach race %s: %d submissions in %d rounds, assigned %d, unassigned %d, per coach %s%n",
                db.dialect(), rounds * perRound, rounds, totalAssigned, unassigned,
                s.listCoachWorkloads().stream().map(w -> w.pending() + "/" + w.maxActiveReviews()).toList());
        assertThat(unassigned).isEqualTo(rounds * perRound - totalAssigned);
    }

    private static List<Long> profiles(Database db, String prefix, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(ProfileFixtures.profile(db, prefix + i));
        }
        return ids;
    }

    private static int pendingOf(Database db, long coach) {
        return db.dsl().fetchCount(PROFILE_SUBMISSION, PROFILE_SUBMISSION.COACH_ID.eq(coach));
    }

    private static void await(CyclicBarrier barrier, long millis) {
        try {
            barrier.await(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            // the holder continues alone (locked path)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every profile submitted at once, one thread each; fails on any racer's exception. */
    private static void race(List<Long> profiles, CoachReviewService s) {
        Race.run(Duration.ofSeconds(60), profiles.stream().<Callable<SubmissionReceipt>>map(p -> () -> s.submit(p))
                .toList()).valuesOrFail();
    }
}
