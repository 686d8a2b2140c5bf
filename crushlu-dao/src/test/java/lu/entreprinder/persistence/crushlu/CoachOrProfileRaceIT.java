package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * A user becoming a coach while their dating profile is created: exactly one of the two succeeds (the user's row
 * lock); the unlocked path (negative control) lets both through on PostgreSQL.
 */
class CoachOrProfileRaceIT {

    private static final int ROUNDS = 4;
    private static final NewCrushProfile INPUT = new NewCrushProfile(LocalDate.of(1990, 1, 1), "F", "Luxembourg", "Bio",
            "+352 621 000 000", List.of("p/1.jpg"), true, true, false, List.of());

    /** Negative control, PostgreSQL only: SQLite's immediate transactions serialise even the unlocked path. */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedPathLetsAUserBeCoachAndMember(Database db) throws Exception {
        ProfileDao profiles = new ProfileDao(db);
        CoachReviewService coaching = new CoachReviewService(db, CoachReviewListener.none());
        RaceSeam.of(db).locks(false);
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("profile.before-insert", () -> await(bothChecked, 10_000));
        RaceSeam.of(db).onPause("coach.before-insert", () -> await(bothChecked, 10_000));
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
        RaceSeam.of(db).onPause("profile.before-insert", () -> await(bothChecked, 300));
        RaceSeam.of(db).onPause("coach.before-insert", () -> await(bothChecked, 300));
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
        return db.dsl().fetchCount(CRUSH_COACH, CRUSH_COACH.USER_ID.eq(user))
                + db.dsl().fetchCount(CRUSH_PROFILE, CRUSH_PROFILE.USER_ID.eq(user));
    }

    /** The profile and the coach role for one user at the same moment; each result is an id or the exception. */
    private static List<Object> race(ProfileDao profiles, CoachReviewService coaching, long user) {
        List<Callable<Long>> calls = List.of(() -> profiles.insertProfile(user, INPUT),
                () -> coaching.insertCoach(user, "first impressions", "", 5));
        return Race.run(Duration.ofSeconds(60), calls).outcomes().stream()
                .map(o -> o.error() != null ? (Object) o.error() : o.value()).toList();
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
