package lu.entreprinder.persistence.crushlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Race;

/** Concurrent answers by the same user never lose an update of the progress lists. */
class JourneyProgressRaceIT {

    private static final int THREADS = 6;

    /** Negative control, PostgreSQL only: SQLite's immediate transactions serialise even the unlocked path. */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedPathLosesUpdates(Database db) throws Exception {
        JourneyFixtures.Story story = JourneyFixtures.openChapter(db, "J", THREADS);
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        // create the row first so every thread reads the same (empty) lists
        s.answer(anna, story.challenge(1, 0), new JourneyAnswer.Text("first"));
        RaceSeam.of(db).locks(false);
        CyclicBarrier allRead = new CyclicBarrier(THREADS - 1);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(allRead, 10_000));

        race(s, anna, story.challenges().get(0).subList(1, THREADS));

        int kept = s.findProgress(anna, story.journeyId()).orElseThrow().completedChallenges().size();
        System.out.printf("journey race negative control: %d correct answers, %d completed entries kept%n",
                THREADS, kept);
        assertThat(kept).isLessThan(THREADS).isEqualTo(2);
    }

    @DatabaseTest
    void lockedPathKeepsEveryAnswerEvenWhenPausedAtTheCriticalPoint(Database db) throws Exception {
        JourneyFixtures.Story story = JourneyFixtures.openChapter(db, "J", THREADS);
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        CyclicBarrier allRead = new CyclicBarrier(THREADS);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(allRead, 200));

        race(s, anna, story.challenges().get(0));

        JourneyProgressView p = s.findProgress(anna, story.journeyId()).orElseThrow();
        assertThat(p.completedChallenges()).containsExactlyInAnyOrderElementsOf(story.challenges().get(0));
        assertThat(p.unlockedRewards()).containsExactlyInAnyOrderElementsOf(story.rewards().get(0));
        assertThat(p.completed()).isTrue();
    }

    @DatabaseTest
    void manyRacingAnswersAreAllKept(Database db) throws Exception {
        int rounds = 3;
        int perRound = 8;
        JourneyService s = new JourneyService(db);
        int answers = 0;
        int kept = 0;
        for (int round = 0; round < rounds; round++) {
            JourneyFixtures.Story story = JourneyFixtures.openChapter(db, "J" + round, perRound);
            long user = Fixtures.user(db, "user" + round);
            race(s, user, story.challenges().get(0));
            JourneyProgressView p = s.findProgress(user, story.journeyId()).orElseThrow();
            answers += perRound;
            kept += p.completedChallenges().size();
            assertThat(p.completedChallenges()).hasSize(perRound);
            assertThat(p.unlockedRewards()).hasSize(2);
            assertThat(p.completed()).isTrue();
        }
        System.out.printf("journey race %s: %d answers in %d rounds, %d completed entries%n", db.dialect(),
                answers, rounds, kept);
        assertThat(kept).isEqualTo(answers);
    }

    private static void await(CyclicBarrier barrier, long millis) {
        try {
            barrier.await(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            // the lock holder continues alone (locked path)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every challenge answered at once, one thread each: each answer must be correct. */
    private static void race(JourneyService s, long user, List<Long> challenges) {
        List<JourneyAnswerResult> results = Race.run(Duration.ofSeconds(60), challenges.stream()
                .<Callable<JourneyAnswerResult>>map(c -> () -> s.answer(user, c, new JourneyAnswer.Text("answer " + c)))
                .toList()).valuesOrFail();
        assertThat(results).hasSize(challenges.size()).allMatch(JourneyAnswerResult.Correct.class::isInstance);
    }
}
