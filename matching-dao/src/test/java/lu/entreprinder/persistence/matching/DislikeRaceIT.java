package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.matching.MatchingFixtures.disliked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.liked;
import static lu.entreprinder.persistence.matching.MatchingFixtures.matchOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
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
        var outcomes = race(db, new MatchingService(db), anna, ben);
        assertThat(outcomes.like()).isInstanceOf(LikeResult.Liked.class);
        assertThat(outcomes.dislike()).isInstanceOfSatisfying(DislikeResult.Disliked.class,
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
        RaceSeam.of(db).locks(false);
        var outcomes = race(db, new MatchingService(db), anna, ben);
        assertThat(outcomes.dislike()).isInstanceOfSatisfying(DislikeResult.Disliked.class,
                d -> assertThat(d.likeWithdrawn()).isFalse());
        assertThat(liked(db, anna, ben)).as("the rule is broken without the lock").isTrue();
        assertThat(disliked(db, anna, ben)).isTrue();
    }

    record Outcomes(LikeResult like, DislikeResult dislike) {
    }

    /** The like is held after its insert (pair locked); a dislike of the same pair is sent meanwhile; then the like goes on. */
    private static Outcomes race(Database db, MatchingService service, long from, long to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("matching.after-like-inserted", hold);
            Future<LikeResult> like = pool.submit(() -> service.like(from, to));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<DislikeResult> dislike = pool.submit(() -> service.dislike(from, to));
            Thread.sleep(300);
            boolean waited = !dislike.isDone();
            hold.release();
            var result = new Outcomes(like.get(10, TimeUnit.SECONDS), dislike.get(10, TimeUnit.SECONDS));
            if (RaceSeam.of(db).locks()) {
                assertThat(waited).as("the dislike waits for the held like").isTrue();
            }
            return result;
        } finally {
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
