package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.matching.DislikeIT.disliked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.liked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matchOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * A like and a dislike from the same user must never both stand (and a match stands exactly when both likes do):
 * both verbs take the pair lock, so a racing like and dislike run one after the other.
 */
class DislikeRaceIT {

    static final int ROUNDS = 40;

    /**
     * Deterministic: anna's like is held after its insert (pair locked); her dislike must wait for it and then
     * withdraw it. On SQLite the dislike waits at {@code BEGIN IMMEDIATE}.
     */
    @DatabaseTest
    void aDislikeWaitsForTheHeldLikeAndThenWithdrawsIt(Database db) throws Exception {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var held = new MatchingService(db);
        var other = new MatchingService(db);
        var outcomes = race(held, other, anna, ben);
        assertThat(outcomes.like()).isInstanceOf(LikeOutcome.Liked.class);
        assertThat(outcomes.dislike()).isInstanceOfSatisfying(DislikeOutcome.Disliked.class,
                d -> assertThat(d.likeWithdrawn()).isTrue());
        assertThat(liked(db, anna, ben)).isFalse();
        assertThat(disliked(db, anna, ben)).isTrue();
    }

    /**
     * Negative control, PostgreSQL only (SQLite's {@code BEGIN IMMEDIATE} serialises every writer: there is no
     * unlocked path): without the pair lock the dislike does not see the held, uncommitted like, and both rows stand.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutThePairLockTheLikeAndTheDislikeBothStand(Database db) throws Exception {
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        var held = new MatchingService(db);
        var other = new MatchingService(db);
        held.lockPair = false;
        other.lockPair = false;
        var outcomes = race(held, other, anna, ben);
        assertThat(outcomes.dislike()).isInstanceOfSatisfying(DislikeOutcome.Disliked.class,
                d -> assertThat(d.likeWithdrawn()).isFalse());
        assertThat(liked(db, anna, ben)).as("the rule is broken without the lock").isTrue();
        assertThat(disliked(db, anna, ben)).isTrue();
    }

    record Outcomes(LikeOutcome like, DislikeOutcome dislike) {
    }

    /** {@code held} likes and stops after its insert; {@code other} dislikes meanwhile; then the like goes on. */
    private static Outcomes race(MatchingService held, MatchingService other, long from, long to) throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        held.afterLikeInserted = () -> {
            paused.countDown();
            await(release);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<LikeOutcome> like = pool.submit(() -> held.like(from, to));
            assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
            Future<DislikeOutcome> dislike = pool.submit(() -> other.dislike(from, to));
            Thread.sleep(300);
            boolean waited = !dislike.isDone();
            release.countDown();
            var result = new Outcomes(like.get(10, TimeUnit.SECONDS), dislike.get(10, TimeUnit.SECONDS));
            if (held.lockPair) {
                assertThat(waited).as("the dislike waits for the held like").isTrue();
            }
            return result;
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * {@value #ROUNDS} rounds, each with a fresh pair and four threads released together: a likes b, a dislikes b,
     * b likes a, b dislikes a. Afterwards, per direction, never both a like and a dislike; a match exactly when both
     * likes stand; no errors (no deadlock).
     */
    @DatabaseTest
    void likesAndDislikesAtTheSameInstantKeepTheRules(Database db, Backend backend) throws Exception {
        long[][] pairs = new long[ROUNDS][];
        for (int i = 0; i < ROUNDS; i++) {
            pairs[i] = new long[] {Fixtures.user(db, "a" + i), Fixtures.user(db, "b" + i)};
        }
        var service = new MatchingService(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Throwable> errors = new ArrayList<>();
        try {
            for (long[] pair : pairs) {
                long a = pair[0];
                long b = pair[1];
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<?>> all = List.of(
                        pool.submit(() -> {
                            await(start);
                            return service.like(a, b);
                        }),
                        pool.submit(() -> {
                            await(start);
                            return service.dislike(a, b);
                        }),
                        pool.submit(() -> {
                            await(start);
                            return service.like(b, a);
                        }),
                        pool.submit(() -> {
                            await(start);
                            return service.dislike(b, a);
                        }));
                for (Future<?> f : all) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        errors.add(e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(errors).isEmpty();
        int matched = 0;
        for (long[] pair : pairs) {
            long a = pair[0];
            long b = pair[1];
            assertThat(liked(db, a, b) && disliked(db, a, b)).as("like and dislike a->b").isFalse();
            assertThat(liked(db, b, a) && disliked(db, b, a)).as("like and dislike b->a").isFalse();
            assertThat(liked(db, a, b) ^ disliked(db, a, b)).as("exactly one of them a->b").isTrue();
            boolean bothLike = liked(db, a, b) && liked(db, b, a);
            assertThat(matchOf(db, a, b) != null).as("match iff both likes").isEqualTo(bothLike);
            matched += bothLike ? 1 : 0;
        }
        System.out.printf("like/dislike race on %s: %d rounds, %d ended matched%n", backend, ROUNDS, matched);
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

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
