package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.matching.MatchingFixtures.matchOf;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matches;
import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Race;
import org.jooq.impl.DSL;

/** Two users liking each other at the same instant must end with exactly one match. */
class LikeRaceIT {

    static final int ROUNDS = 500;
    static final int CONTROL_ROUNDS = 20;

    /**
     * Deterministic: the first like is held after inserting its like (pair locked); the reverse like must wait for
     * it and then see it, so it creates the match. Runs on both: on SQLite the second writer waits at
     * {@code BEGIN IMMEDIATE} instead of at the row lock.
     */
    @DatabaseTest
    void reverseLikeWaitsForTheHeldLikeAndThenMatches(Database db) throws Exception {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var held = new MatchingService(db);
        var other = new MatchingService(db);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("matching.after-like-inserted", hold);
            Future<LikeResult> first = pool.submit(() -> held.like(anna, ben));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<LikeResult> second = pool.submit(() -> other.like(ben, anna));
            Thread.sleep(300);
            assertThat(second.isDone()).as("the reverse like waits for the held one").isFalse();
            hold.release();
            assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(LikeResult.Liked.class);
            assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(LikeResult.Matched.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(matchOf(db, anna, ben)).isNotNull();
        assertThat(matches(db)).isEqualTo(1);
    }

    /**
     * Negative control, PostgreSQL only (on SQLite {@code BEGIN IMMEDIATE} serialises every writer, so there is no
     * unlocked path to show): without the pair lock, both likes are inserted, both transactions then check for the
     * reverse like before either commits (both held by barriers after the insert and after the check), neither sees
     * the other's, and the pair ends up with no match. Every round misses.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutThePairLockBothLikesMissTheMatch(Database db) throws Exception {
        long[] users = users(db, CONTROL_ROUNDS * 2);
        var service = new MatchingService(db);
        RaceSeam.of(db).locks(false);
        CyclicBarrier bothInserted = new CyclicBarrier(2);
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("matching.after-like-inserted", () -> await(bothInserted));
        RaceSeam.of(db).onPause("matching.after-reverse-checked", () -> await(bothChecked));
        int missed = 0;
        for (int round = 0; round < CONTROL_ROUNDS; round++) {
            long a = users[2 * round];
            long b = users[2 * round + 1];
            List<LikeResult> both = Race.run(Duration.ofSeconds(10),
                    List.<Callable<LikeResult>>of(() -> service.like(a, b), () -> service.like(b, a))).valuesOrFail();
            assertThat(both).hasSize(2).allMatch(LikeResult.Liked.class::isInstance);
            if (matchOf(db, a, b) == null) {
                missed++;
            }
        }
        System.out.printf("negative control: %d of %d rounds missed the match%n", missed, CONTROL_ROUNDS);
        assertThat(missed).as("the unlocked path misses the match in every held round").isEqualTo(CONTROL_ROUNDS);
        assertThat(matches(db)).isZero();
        assertThat(db.dsl().fetchCount(LIKE)).isEqualTo(CONTROL_ROUNDS * 2);
    }

    /**
     * {@value #ROUNDS} rounds, each with a fresh pair whose two users like each other at the same instant (two
     * threads released by a barrier): exactly one match every time, one Liked and one Matched, no error.
     */
    @DatabaseTest
    void mutualLikesAtTheSameInstantMatchExactlyOnce(Database db, Backend backend) throws Exception {
        long[] users = users(db, ROUNDS * 2);
        var service = new MatchingService(db);
        List<Throwable> errors = new ArrayList<>();
        int matchedOutcomes = 0;
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            long a = users[2 * round];
            long b = users[2 * round + 1];
            Race.Outcomes<LikeResult> out = Race.run(Duration.ofSeconds(30),
                    List.<Callable<LikeResult>>of(() -> service.like(a, b), () -> service.like(b, a)));
            errors.addAll(out.errors());
            matchedOutcomes += (int) out.count(LikeResult.Matched.class);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        var perPair = db.dsl().select(MATCH.USER1_ID, MATCH.USER2_ID, DSL.count())
                .from(MATCH).groupBy(MATCH.USER1_ID, MATCH.USER2_ID).fetch();
        System.out.printf("race on %s: %d rounds, %d matches, %d Matched outcomes, %d errors, %d ms%n",
                backend, ROUNDS, matches(db), matchedOutcomes, errors.size(), millis);
        assertThat(errors).isEmpty();
        assertThat(matchedOutcomes).isEqualTo(ROUNDS);
        assertThat(matches(db)).isEqualTo(ROUNDS);
        assertThat(perPair).allSatisfy(r -> assertThat(r.value3()).isEqualTo(1));
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(matchOf(db, users[2 * round], users[2 * round + 1])).isNotNull();
        }
        assertThat(db.dsl().fetchCount(LIKE)).isEqualTo(ROUNDS * 2);
    }

    /** {@code n} users in one multi-row insert, ids ascending. */
    static long[] users(Database db, int n) {
        var step = db.dsl().insertInto(USER, USER.PASSWORD, USER.IS_SUPERUSER, USER.USERNAME, USER.FIRST_NAME,
                USER.LAST_NAME, USER.EMAIL, USER.IS_STAFF, USER.IS_ACTIVE, USER.DATE_JOINED);
        for (int i = 0; i < n; i++) {
            step = step.values("x", false, "racer" + i, "Racer", "Tester", "racer" + i + "@example.com", false, true,
                    db.now());
        }
        step.execute();
        return db.dsl().select(USER.ID).from(USER).where(USER.USERNAME.like("racer%")).orderBy(USER.ID)
                .fetch(r -> r.value1().longValue()).stream().mapToLong(Long::longValue).toArray();
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("barrier", e);
        }
    }
}
