package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_ATTEMPT;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_HINT_USE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PIECE_UNLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.crushlu.JourneyRulesFixtures.Rules;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * The journey rules that concurrent calls could break, raced with real threads: a challenge answered right twice at
 * once awards its points once; a piece unlocked twice at once is paid once, and two pieces with points for one are
 * not both bought; concurrent hint takes never spend more points than there are. Each locked race holds one
 * transaction at the critical point (the pause hook, after the progress row is read) while the other calls run;
 * each negative control (PostgreSQL only: SQLite's immediate transactions serialise even the unlocked path) lets
 * the calls read the same progress without the lock and shows the rule broken.
 */
class JourneyRulesRaceIT {

    private static final long HOLD_MILLIS = 200;

    // ---------------------------------------------------------------------------------------- same answer twice

    @DatabaseTest
    void theSameChallengeAnsweredRightTwiceAtOnceAwardsItsPointsOnce(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "A");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.choice(), new JourneyAnswer.Choice("Luxembourg"));  // the row exists: 10 points
        CyclicBarrier both = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(both, HOLD_MILLIS));

        List<Object> results = race(2, i -> s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee")));

        assertThat(results).filteredOn(JourneyAnswerResult.Correct.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(JourneyAnswerResult.AlreadyCompleted.class::isInstance).singleElement()
                .satisfies(a -> assertThat(((JourneyAnswerResult.AlreadyCompleted) a).originalPoints()).isEqualTo(15));
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isEqualTo(25);
        assertThat(pointsAwarded(db, j.riddle())).isEqualTo(15);
    }

    /** Negative control: without the lock both answers read "not completed" and both award the points. */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheLockTheSameChallengeAwardsItsPointsTwice(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "A");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.choice(), new JourneyAnswer.Choice("Luxembourg"));
        RaceSeam.of(db).locks(false);
        CyclicBarrier both = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(both, 10_000));

        List<Object> results = race(2, i -> s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee")));

        assertThat(results).filteredOn(JourneyAnswerResult.Correct.class::isInstance).hasSize(2);
        assertThat(pointsAwarded(db, j.riddle())).as("awarded twice").isEqualTo(30);
    }

    @DatabaseTest
    void manyRacingRightAnswersAwardEachChallengeOnce(Database db) throws Exception {
        int threads = 6;
        int rounds = 3;
        JourneyService s = new JourneyService(db);
        for (int round = 0; round < rounds; round++) {
            Rules j = JourneyRulesFixtures.journey(db, "M" + round);
            long user = Fixtures.user(db, "user" + round);
            List<Object> results = race(threads, i -> i % 2 == 0
                    ? s.answer(user, j.riddle(), new JourneyAnswer.Text("Brûlée"))
                    : s.answer(user, j.choice(), new JourneyAnswer.Choice("luxembourg")));
            assertThat(results).filteredOn(JourneyAnswerResult.Correct.class::isInstance).hasSize(2);
            assertThat(s.findProgress(user, j.journeyId()).orElseThrow().totalPoints()).isEqualTo(25);
        }
    }

    // ------------------------------------------------------------------------------------------------- pieces

    @DatabaseTest
    void aPieceUnlockedTwiceAtOnceIsPaidOnce(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "P");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));  // 15 points
        long piece = j.pieces().get(1);                                     // costs 10
        CyclicBarrier both = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(both, HOLD_MILLIS));

        List<Object> results = race(2, i -> s.unlockPiece(anna, piece));

        assertThat(results).containsExactlyInAnyOrder(new JourneyPieceResult.Unlocked(piece, 10, 5),
                new JourneyPieceResult.AlreadyUnlocked(piece, 5));
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isEqualTo(5);
        assertThat(db.dsl().fetchCount(JOURNEY_PIECE_UNLOCK)).isEqualTo(1);
    }

    /**
     * Negative control: without the lock both calls see the piece locked and both insert; the second insert fails
     * on {@code crush_lu_journeypieceunlock_progress_id_piece_id_uniq} instead of answering "already unlocked".
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheLockAPieceUnlockedTwiceFailsInsteadOfAnsweringAlreadyUnlocked(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "P");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));
        long piece = j.pieces().get(1);
        RaceSeam.of(db).locks(false);
        CyclicBarrier both = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(both, 10_000));

        List<Object> results = race(2, i -> s.unlockPiece(anna, piece));

        assertThat(results).filteredOn(JourneyPieceResult.AlreadyUnlocked.class::isInstance).isEmpty();
        assertThat(results).filteredOn(ConflictException.class::isInstance).hasSize(1);
    }

    @DatabaseTest
    void twoPiecesAtOnceWithPointsForOneBuyOnlyOne(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "T");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));  // 15 points; pieces cost 5, 10, 20
        long ten = j.pieces().get(1);
        long five = j.pieces().get(0);
        s.unlockPiece(anna, five);  // 10 points left: exactly one of two 10-point pieces
        long other = new JourneyDao(db).insertPuzzleReward(j.chapter1(), "Other", "", "", List.of(10));
        long tenToo = s.getPuzzle(anna, other).pieces().get(0).pieceId();
        CyclicBarrier both = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(both, HOLD_MILLIS));

        List<Object> results = race(2, i -> s.unlockPiece(anna, i == 0 ? ten : tenToo));

        assertThat(results).filteredOn(JourneyPieceResult.Unlocked.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(JourneyPieceResult.NotEnoughPoints.class::isInstance).hasSize(1);
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isZero();
    }

    /** Negative control: without the lock both read 10 points and both pieces are bought for them. */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheLockTwoPiecesAreBoughtWithTheSamePoints(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "T");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));
        s.unlockPiece(anna, j.pieces().get(0));
        long other = new JourneyDao(db).insertPuzzleReward(j.chapter1(), "Other", "", "", List.of(10));
        long tenToo = s.getPuzzle(anna, other).pieces().get(0).pieceId();
        long ten = j.pieces().get(1);
        RaceSeam.of(db).locks(false);
        CyclicBarrier both = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(both, 10_000));

        List<Object> results = race(2, i -> s.unlockPiece(anna, i == 0 ? ten : tenToo));

        assertThat(results).filteredOn(JourneyPieceResult.Unlocked.class::isInstance).as("both bought").hasSize(2);
    }

    // -------------------------------------------------------------------------------------------------- hints

    @DatabaseTest
    void concurrentHintTakesNeverSpendMorePointsThanThereAre(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "H");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));  // 15 points
        JourneyDao dao = new JourneyDao(db);
        // three more hints of 6 in chapter 2: 4 + 6 + 6 + 6 + 6 = 28 asked, 15 there
        List<Long> hinted = new ArrayList<>(List.of(j.riddle(), j.choice()));
        for (int i = 0; i < 3; i++) {
            hinted.add(dao.insertChallenge(j.chapter2(), NewJourneyChallenge.riddle("Q" + i, "a", "h" + i, 10 + i)
                    .withHintCost(6)));
        }
        CyclicBarrier all = new CyclicBarrier(hinted.size());
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(all, HOLD_MILLIS));

        List<Object> results = race(hinted.size(), i -> s.takeHint(anna, hinted.get(i)));

        int charged = results.stream().mapToInt(r -> ((JourneyHintResult.Taken) r).pointsCharged()).sum();
        assertThat(charged).isEqualTo(15);
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isZero();
        assertThat(db.dsl().select(org.jooq.impl.DSL.sum(JOURNEY_HINT_USE.POINTS_SPENT)).from(JOURNEY_HINT_USE)
                .fetchSingle().value1().intValue()).isEqualTo(15);
    }

    /** Negative control: without the lock every take reads 15 points: more is charged than there was. */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheLockHintTakesChargeMorePointsThanThereWere(Database db) throws Exception {
        Rules j = JourneyRulesFixtures.journey(db, "H");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), new JourneyAnswer.Text("brulee"));
        List<Long> hinted = List.of(j.riddle(), j.choice());  // 4 + 6 of 15: fine alone, but each reads 15
        JourneyDao dao = new JourneyDao(db);
        List<Long> more = new ArrayList<>(hinted);
        more.add(dao.insertChallenge(j.chapter2(), NewJourneyChallenge.riddle("Q", "a", "h", 10).withHintCost(12)));
        RaceSeam.of(db).locks(false);
        CyclicBarrier all = new CyclicBarrier(more.size());
        RaceSeam.of(db).onPause("journey.between-read-and-write", () -> await(all, 10_000));

        List<Object> results = race(more.size(), i -> s.takeHint(anna, more.get(i)));

        int charged = results.stream().mapToInt(r -> ((JourneyHintResult.Taken) r).pointsCharged()).sum();
        int left = s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints();
        System.out.printf("hint race negative control: 15 points, %d charged, %d left%n", charged, left);
        assertThat(charged).as("4 + 6 + 12 charged from 15").isEqualTo(22);
        assertThat(charged + left).isGreaterThan(15);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static int pointsAwarded(Database db, long challengeId) {
        return db.dsl().select(org.jooq.impl.DSL.sum(JOURNEY_ATTEMPT.POINTS_AWARDED)).from(JOURNEY_ATTEMPT)
                .where(JOURNEY_ATTEMPT.CHALLENGE_ID.eq(challengeId)).fetchSingle().value1().intValue();
    }

    private interface Call {
        Object run(int index) throws Exception;
    }

    /** Runs {@code n} calls at once (one {@link Race}); each result is the call's value or the exception it threw. */
    private static List<Object> race(int n, Call call) {
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            racers.add(() -> call.run(index));
        }
        return Race.run(Duration.ofSeconds(60), racers).outcomes().stream()
                .map(o -> o.error() != null ? o.error() : o.value()).toList();
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
}
