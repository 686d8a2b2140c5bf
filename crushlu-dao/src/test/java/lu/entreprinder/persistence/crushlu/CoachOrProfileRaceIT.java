package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * A user becoming a coach while their dating profile is created: exactly one of the two succeeds (the user's row
 * lock); the unlocked path (negative control) lets both through on PostgreSQL.
 */
class CoachOrProfileRaceIT {

    private static final int ROUNDS = 4;
    private static final ProfileInput INPUT = new ProfileInput(LocalDate.of(1990, 1, 1), "F", "Luxembourg", "Bio",
            "+352 621 000 000", List.of("p/1.jpg"), true, true, false, List.of());

    /** Negative control, PostgreSQL only: SQLite's immediate transactions serialise even the unlocked path. */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedPathLetsAUserBeCoachAndMember(Database db) throws Exception {
        ProfileDao profiles = new ProfileDao(db);
        CoachReviewService coaching = new CoachReviewService(db, CoachReviewListener.none());
        profiles.lockUser = false;
        coaching.lockUser = false;
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        profiles.pauseBeforeInsert = () -> await(bothChecked, 10_000);
        coaching.pauseBeforeCoachInsert = () -> await(bothChecked, 10_000);
        long user = Fixtures.user(db, "kim");

        List<Object> results = race(profiles, coaching, user);

        System.out.printf("coach-or-profile race negative control: %s%n", results);
        assertThat(results).noneMatch(ValidationException.class::isInstance);
        assertThat(rows(db, user)).as("coach and profile: the rule is broken").isEqualTo(2);
    }

    @DatabaseTest
    void exactlyOneOfCoachAndProfileIsCreated(Database db) throws Exception {
        ProfileDao profiles = new ProfileDao(db);
        CoachReviewService coaching = new CoachReviewService(db, CoachReviewListener.none());
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        // With the lock only one thread is past the check at a time: the barrier times out and the holder continues.
        profiles.pauseBeforeInsert = () -> await(bothChecked, 300);
        coaching.pauseBeforeCoachInsert = () -> await(bothChecked, 300);
        for (int round = 0; round < ROUNDS; round++) {
            bothChecked.reset();
            long user = Fixtures.user(db, "kim" + round);

            List<Object> results = race(profiles, coaching, user);

            assertThat(results).filteredOn(ValidationException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("userId"));
            assertThat(results).filteredOn(Long.class::isInstance).hasSize(1);
            assertThat(rows(db, user)).isEqualTo(1);
        }
    }

    private static int rows(Database db, long user) {
        return db.dsl().fetchCount(CRUSH_COACH, CRUSH_COACH.USER_ID.eq((int) user))
                + db.dsl().fetchCount(CRUSH_PROFILE, CRUSH_PROFILE.USER_ID.eq((int) user));
    }

    /** The profile and the coach role for one user at the same moment; each result is an id or the exception. */
    private static List<Object> race(ProfileDao profiles, CoachReviewService coaching, long user) throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var go = new CountDownLatch(1);
            List<Callable<Long>> calls = List.of(() -> profiles.insertProfile(user, INPUT),
                    () -> coaching.insertCoach(user, "first impressions", "", 5));
            List<java.util.concurrent.Future<Long>> futures = new ArrayList<>();
            for (Callable<Long> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (var f : futures) {
                try {
                    results.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    results.add(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
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
}
