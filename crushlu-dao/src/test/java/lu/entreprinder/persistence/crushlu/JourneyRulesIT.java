package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.JourneyRulesFixtures.refused;
import static lu.entreprinder.persistence.crushlu.JourneyRulesFixtures.state;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.crushlu.JourneyRulesFixtures.Rules;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

/** The journey rules of V21 (issue 20): points, hints, alternatives, attempts, questionnaires, completion. */
class JourneyRulesIT {

    private static JourneyAnswer text(String t) {
        return new JourneyAnswer.Text(t);
    }

    private static OffsetDateTime at(TestClock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @DatabaseTest
    void aRightAnswerAwardsTheChallengesPointsOnceAndAnsweringAgainAnswersTheOriginalPoints(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "P");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);

        var wrong = Statements.count(db, () -> s.answer(anna, j.riddle(), text("tiramisu")));
        assertThat(wrong.value()).isEqualTo(new JourneyAnswerResult.Incorrect(j.riddle(), true));
        assertThat(wrong.statements()).as("challenge with progress (none), attempt (SQLite: the challenge alone"
                + " before the attempt)").isEqualTo(db.isPostgres() ? 2 : 3);
        assertThat(s.findProgress(anna, j.journeyId())).as("a wrong answer creates no progress").isEmpty();

        var first = Statements.count(db, () -> s.answer(anna, j.riddle(), text("Crème Brûlée")));
        var correct = (JourneyAnswerResult.Correct) first.value();
        assertThat(correct.pointsAwarded()).isEqualTo(15);
        assertThat(correct.progress().totalPoints()).isEqualTo(15);
        assertThat(first.statements()).as("challenge with progress (none), progress created and returned, update"
                + " with attempt (SQLite: the challenge alone; jOOQ reads the returned row apart; update, attempt)")
                .isEqualTo(db.isPostgres() ? 3 : 6);

        // the challenge's points change later: the original award stays what it was
        db.dsl().update(JOURNEY_CHALLENGE).set(JOURNEY_CHALLENGE.POINTS, 99)
                .where(JOURNEY_CHALLENGE.ID.eq(j.riddle())).execute();
        var again = Statements.count(db, () -> s.answer(anna, j.riddle(), text("creme brulee")));
        assertThat(again.value()).isInstanceOfSatisfying(JourneyAnswerResult.AlreadyCompleted.class, a -> {
            assertThat(a.originalPoints()).isEqualTo(15);
            assertThat(a.progress().totalPoints()).isEqualTo(15);
        });
        assertThat(again.statements()).as("(PostgreSQL: challenge with progress, unlocked), challenge with locked"
                + " progress, original points, attempt").isEqualTo(db.isPostgres() ? 4 : 3);

        var locked = Statements.count(db, () -> s.answer(anna, j.scramble(), text("fouer")));
        assertThat(locked.value()).isEqualTo(new JourneyAnswerResult.ChapterLocked(j.scramble(), 2, 1));
        assertThat(locked.statements()).as("challenge with progress (SQLite: locked)").isEqualTo(1);
        var wrongAgain = Statements.count(db, () -> s.answer(anna, j.choice(), new JourneyAnswer.Choice("Rome")));
        assertThat(wrongAgain.value()).isInstanceOf(JourneyAnswerResult.Incorrect.class);
        assertThat(wrongAgain.statements()).as("challenge with progress, attempt").isEqualTo(2);
        var second = Statements.count(db, () -> s.answer(anna, j.choice(), new JourneyAnswer.Choice("Luxembourg")));
        assertThat(((JourneyAnswerResult.Correct) second.value()).progress().totalPoints()).isEqualTo(25);
        assertThat(second.statements()).as("challenge with progress, guarded update with attempt (SQLite: update,"
                + " attempt)").isEqualTo(db.isPostgres() ? 2 : 3);

        var chapterLocked = Statements.count(db, () -> s.answer(anna, j.scramble(), text("fouer")));
        assertThat(chapterLocked.value()).as("chapter 1 is complete: chapter 2 is open").isInstanceOf(
                JourneyAnswerResult.Correct.class);
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isEqualTo(45);
    }

    @DatabaseTest
    void alternativeAnswersAreAcceptedAfterTheSameNormalisation(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "A");
        long anna = Fixtures.user(db, "anna");
        long bert = Fixtures.user(db, "bert");
        long cleo = Fixtures.user(db, "cleo");
        JourneyService s = new JourneyService(db);
        assertThat(s.answer(anna, j.riddle(), text("  BRULEE "))).isInstanceOfSatisfying(
                JourneyAnswerResult.Correct.class, c -> assertThat(c.pointsAwarded()).isEqualTo(15));
        assertThat(s.answer(bert, j.riddle(), text("The   Burnt Créam"))).isInstanceOf(JourneyAnswerResult.Correct.class);
        assertThat(s.answer(cleo, j.riddle(), text("brule"))).isInstanceOf(JourneyAnswerResult.Incorrect.class);
        assertThat(s.answer(cleo, j.riddle(), text("burnt cream"))).isInstanceOf(JourneyAnswerResult.Incorrect.class);
        JourneyPlay play = new JourneyDao(db).getJourneyForPlay(j.journeyId());
        assertThat(play.toString()).as("alternatives never reach the player").doesNotContain("burnt");
        assertThat(play.chapters().get(0).challenges()).extracting(JourneyPlay.Challenge::points,
                JourneyPlay.Challenge::hintCost).containsExactly(
                org.assertj.core.groups.Tuple.tuple(15, 4), org.assertj.core.groups.Tuple.tuple(10, 6));
        assertThat(play.chapters()).extracting(JourneyPlay.Chapter::questionnaire).containsExactly(false, false);
    }

    @DatabaseTest
    void everyAttemptIsStoredWithItsPointsAndTheHintsUsed(Database db, TestClock clock) {
        Rules j = JourneyRulesFixtures.journey(db, "T");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), text("tiramisu"));
        clock.advance(Duration.ofMinutes(1));
        s.takeHint(anna, j.riddle());
        s.answer(anna, j.riddle(), text("  panna cotta"));
        s.answer(anna, j.riddle(), text("Crème brûlée"));
        s.answer(anna, j.riddle(), text("brulee"));
        s.answer(anna, j.choice(), new JourneyAnswer.Choice("rome"));

        var attempts = Statements.count(db, () -> s.listAttempts(anna, j.riddle()));
        assertThat(attempts.statements()).isEqualTo(1);
        assertThat(attempts.value()).extracting(JourneyAttempt::answer, JourneyAttempt::correct,
                        JourneyAttempt::pointsAwarded, JourneyAttempt::hintsUsed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tiramisu", false, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("  panna cotta", false, 0, 1),
                        org.assertj.core.groups.Tuple.tuple("Crème brûlée", true, 15, 1),
                        org.assertj.core.groups.Tuple.tuple("brulee", true, 0, 1));
        assertThat(attempts.value().get(0).createdAt()).isAtSameInstantAs(OffsetDateTime.parse("2026-06-01T10:00:00Z"));
        assertThat(attempts.value().get(1).createdAt()).isAtSameInstantAs(OffsetDateTime.parse("2026-06-01T10:01:00Z"));
        assertThat(s.listAttempts(anna, j.choice())).singleElement().satisfies(a -> {
            assertThat(a.answer()).isEqualTo("Rome");
            assertThat(a.correct()).isFalse();
        });
        assertThat(s.listAttempts(anna, j.scramble())).isEmpty();
    }

    @DatabaseTest
    void aHintCostsItsPointsOnceAndNeverTakesThePointsBelowZero(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "H");
        long anna = Fixtures.user(db, "anna");
        long bert = Fixtures.user(db, "bert");
        JourneyService s = new JourneyService(db);

        // no points yet: the hint is given, nothing can be deducted
        assertThat(s.takeHint(bert, j.riddle())).isEqualTo(new JourneyHintResult.Taken(j.riddle(), "French", 0, 0));
        assertThat(s.findProgress(bert, j.journeyId()).orElseThrow().totalPoints()).isZero();

        s.answer(anna, j.choice(), new JourneyAnswer.Choice("Luxembourg"));
        var taken = Statements.count(db, () -> s.takeHint(anna, j.riddle()));
        assertThat(taken.value()).isEqualTo(new JourneyHintResult.Taken(j.riddle(), "French", 4, 6));
        assertThat(taken.statements()).as("challenge, progress lock, hint use, points").isEqualTo(4);
        var twice = Statements.count(db, () -> s.takeHint(anna, j.riddle()));
        assertThat(twice.value()).isEqualTo(new JourneyHintResult.AlreadyTaken(j.riddle(), "French", 6));
        assertThat(twice.statements()).isEqualTo(3);
        // a hint costing more than the points left takes what is there
        assertThat(s.takeHint(anna, j.choice())).isEqualTo(new JourneyHintResult.Taken(j.choice(), "small", 6, 0));
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().totalPoints()).isZero();

        String before = state(db);
        var none = Statements.count(db, () -> s.takeHint(anna, j.scramble()));
        assertThat(none.value()).isEqualTo(new JourneyHintResult.NoHint(j.scramble()));
        assertThat(none.statements()).isEqualTo(1);
        assertThat(state(db)).as("no hint: nothing written").isEqualTo(before);
        assertThatThrownBy(() -> s.takeHint(anna, 999_999)).isInstanceOf(NotFoundException.class);
        assertThat(state(db)).isEqualTo(before);
        refused(db, () -> s.takeHint(0, j.riddle()), "userId");
        refused(db, () -> s.takeHint(anna, 0), "challengeId");
    }

    @DatabaseTest
    void questionnaireChaptersAndOpenTextAcceptAnyNonEmptyAnswer(Database db) {
        JourneyDao dao = new JourneyDao(db);
        long journey = dao.insertJourney("Q", "", true);
        long chapter = dao.insertChapter(journey, 1, "About you", "", true);
        long riddle = dao.insertChallenge(chapter, NewJourneyChallenge.riddle("Favourite colour?", "blue", "", 1));
        long choice = dao.insertChallenge(chapter, NewJourneyChallenge.multipleChoice("City?",
                List.of("Paris", "Rome"), "Paris", "", 2));
        long open = dao.insertChallenge(chapter, NewJourneyChallenge.openText("A wish?", 3));
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);

        assertThat(dao.getJourneyForPlay(journey).chapters().get(0).questionnaire()).isTrue();
        refused(db, () -> s.answer(anna, riddle, text("   ")), "answer");
        refused(db, () -> s.answer(anna, riddle, text("")), "answer");
        refused(db, () -> s.answer(anna, open, text(" \t ")), "answer");
        refused(db, () -> s.answer(anna, open, new JourneyAnswer.Text(null)), "answer");
        refused(db, () -> s.answer(anna, choice, new JourneyAnswer.Choice("Berlin")), "answer");
        refused(db, () -> s.answer(anna, choice, new JourneyAnswer.Choice(" ")), "answer");

        assertThat(s.answer(anna, riddle, text("green"))).isInstanceOf(JourneyAnswerResult.Correct.class);
        assertThat(s.answer(anna, choice, new JourneyAnswer.Choice("rome"))).isInstanceOf(JourneyAnswerResult.Correct.class);
        var last = (JourneyAnswerResult.Correct) s.answer(anna, open, text("to see the sea"));
        assertThat(last.journeyCompleted()).isTrue();
        assertThat(last.progress().totalPoints()).isEqualTo(30);
        assertThat(s.listAttempts(anna, open)).extracting(JourneyAttempt::answer).containsExactly("to see the sea");

        // outside a questionnaire the riddle keeps its answer
        long other = dao.insertChapter(journey, 2, "Quiz", "");
        long strict = dao.insertChallenge(other, NewJourneyChallenge.riddle("Colour?", "blue", "", 1));
        assertThat(s.answer(anna, strict, text("green"))).isInstanceOf(JourneyAnswerResult.Incorrect.class);
    }

    @DatabaseTest
    void chaptersRecordWhenTheyWereCompletedAndTheProgressShowsTheCompletionPercentage(Database db, TestClock clock) {
        Rules j = JourneyRulesFixtures.journey(db, "C");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        s.answer(anna, j.riddle(), text("brulee"));
        assertThat(s.findProgress(anna, j.journeyId()).orElseThrow().completionPercent()).isEqualTo(25);
        clock.advance(Duration.ofHours(1));
        OffsetDateTime first = at(clock);
        var r = (JourneyAnswerResult.Correct) s.answer(anna, j.choice(), new JourneyAnswer.Choice("Luxembourg"));
        assertThat(r.chapterCompleted()).isTrue();
        assertThat(r.progress().chapterCompletedAt()).isEqualTo(Map.of(1, first));
        assertThat(r.progress().completionPercent()).isEqualTo(50);

        clock.advance(Duration.ofDays(2));
        OffsetDateTime second = at(clock);
        s.answer(anna, j.scramble(), text("fouer"));
        var read = Statements.count(db, () -> s.findProgress(anna, j.journeyId()).orElseThrow());
        assertThat(read.statements()).isEqualTo(1);
        assertThat(read.value().chapterCompletedAt()).isEqualTo(Map.of(1, first));
        assertThat(read.value().journeyChallengesCompleted()).isEqualTo(3);
        assertThat(read.value().journeyChallenges()).isEqualTo(4);
        assertThat(read.value().completionPercent()).isEqualTo(75);

        var done = (JourneyAnswerResult.Correct) s.answer(anna, j.open(), text("more of this"));
        assertThat(done.journeyCompleted()).isTrue();
        assertThat(done.progress().chapterCompletedAt()).isEqualTo(Map.of(1, first, 2, second));
        assertThat(done.progress().completionPercent()).isEqualTo(100);
        JourneyProgressView p = s.findProgress(anna, j.journeyId()).orElseThrow();
        assertThat(p.chapterCompletedAt()).isEqualTo(Map.of(1, first, 2, second));
        assertThat(p.completionPercent()).isEqualTo(100);
        assertThat(p.totalPoints()).isEqualTo(50);
        assertThat(p.completedAt().orElseThrow()).isAtSameInstantAs(second);
    }

    @DatabaseTest
    void theFinalResponseIsYesOrThinkingOnlyAfterTheJourneyAndYesIsFinal(Database db, TestClock clock) {
        Rules j = JourneyRulesFixtures.journey(db, "F");
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        assertThat(s.respond(anna, j.journeyId(), "yes"))
                .isEqualTo(new JourneyFinalResponseResult.NotCompleted(j.journeyId()));
        s.answer(anna, j.riddle(), text("brulee"));
        assertThat(s.respond(anna, j.journeyId(), "yes"))
                .isEqualTo(new JourneyFinalResponseResult.NotCompleted(j.journeyId()));
        s.answer(anna, j.choice(), new JourneyAnswer.Choice("Luxembourg"));
        s.answer(anna, j.scramble(), text("fouer"));
        s.answer(anna, j.open(), text("more"));

        for (String bad : new String[] {"no", "YES", " yes", "maybe", "", null}) {
            refused(db, () -> s.respond(anna, j.journeyId(), bad), "response");
        }
        refused(db, () -> s.respond(0, j.journeyId(), "yes"), "userId");
        refused(db, () -> s.respond(anna, 0, "yes"), "journeyId");

        var thinking = Statements.count(db, () -> s.respond(anna, j.journeyId(), "thinking"));
        assertThat(thinking.statements()).as("progress locked with counts, update").isEqualTo(2);
        assertThat(thinking.value()).isInstanceOfSatisfying(JourneyFinalResponseResult.Recorded.class, r -> {
            assertThat(r.progress().finalResponse()).contains(JourneyFinalResponse.THINKING);
            assertThat(r.progress().completionPercent()).isEqualTo(100);
        });
        var same = Statements.count(db, () -> s.respond(anna, j.journeyId(), "thinking"));
        assertThat(same.value()).isEqualTo(new JourneyFinalResponseResult.Unchanged(JourneyFinalResponse.THINKING));
        assertThat(same.statements()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(s.respond(anna, j.journeyId(), "yes")).isInstanceOf(JourneyFinalResponseResult.Recorded.class);
        String before = state(db);
        assertThat(s.respond(anna, j.journeyId(), "thinking"))
                .isEqualTo(new JourneyFinalResponseResult.AlreadyFinal(JourneyFinalResponse.YES));
        assertThat(state(db)).isEqualTo(before);
        JourneyProgressView p = s.findProgress(anna, j.journeyId()).orElseThrow();
        assertThat(p.finalResponse()).contains(JourneyFinalResponse.YES);
        assertThat(p.finalResponseAt().orElseThrow()).isAtSameInstantAs(at(clock));
    }

    @DatabaseTest
    void badChallengeAndPuzzleInputIsRefusedNamingTheFieldAndNothingIsWritten(Database db) {
        Rules j = JourneyRulesFixtures.journey(db, "B");
        JourneyDao dao = new JourneyDao(db);
        long anna = Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        var riddle = NewJourneyChallenge.riddle("Q", "a", "a hint", 1);
        refused(db, () -> dao.insertChallenge(j.chapter1(), riddle.withPoints(-1)), "points");
        refused(db, () -> dao.insertChallenge(j.chapter1(), riddle.withPoints(10_001)), "points");
        refused(db, () -> dao.insertChallenge(j.chapter1(), riddle.withHintCost(-3)), "hintCost");
        refused(db, () -> dao.insertChallenge(j.chapter1(),
                NewJourneyChallenge.riddle("Q", "a", "", 1).withHintCost(2)), "hintCost");
        refused(db, () -> dao.insertChallenge(j.chapter1(), riddle.withAlternativeAnswers(List.of("b", " "))),
                "alternativeAnswers");
        refused(db, () -> dao.insertChallenge(j.chapter1(), riddle.withAlternativeAnswers(
                java.util.Collections.nCopies(21, "x"))), "alternativeAnswers");
        refused(db, () -> dao.insertChallenge(j.chapter1(), NewJourneyChallenge.multipleChoice("Q",
                List.of("a", "b"), "a", "", 1).withAlternativeAnswers(List.of("b"))), "alternativeAnswers");
        refused(db, () -> dao.insertReward(j.chapter1(), JourneyRewardType.PUZZLE, "P", "", ""), "type");
        refused(db, () -> dao.insertPuzzleReward(j.chapter1(), "P", "", "", List.of()), "pieceCosts");
        refused(db, () -> dao.insertPuzzleReward(j.chapter1(), "P", "", "", null), "pieceCosts");
        refused(db, () -> dao.insertPuzzleReward(j.chapter1(), "P", "", "", List.of(5, -1)), "pieceCosts");
        refused(db, () -> dao.insertPuzzleReward(j.chapter1(), "P", "", "", java.util.Arrays.asList(5, null)),
                "pieceCosts");
        refused(db, () -> dao.insertPuzzleReward(j.chapter1(), " ", "", "", List.of(5)), "title");
        refused(db, () -> s.answer(anna, j.riddle(), new JourneyAnswer.Choice("x")), "answer");
        refused(db, () -> s.unlockPiece(0, j.pieces().get(0)), "userId");
        refused(db, () -> s.unlockPiece(anna, -1), "pieceId");
        refused(db, () -> s.listAttempts(anna, 0), "challengeId");
        refused(db, () -> s.getPuzzle(anna, 0), "rewardId");
    }

    @DatabaseTest
    void rowsWrittenWithoutTheNewColumnsGetTheirDatabaseDefaults(Database db) {
        // what the seed's Django app does: its INSERTs name only the seed's columns
        long journey = new JourneyDao(db).insertJourney("D", "", true);
        long chapter = db.dsl().insertInto(JOURNEY_CHAPTER).set(JOURNEY_CHAPTER.JOURNEY_ID, journey)
                .set(JOURNEY_CHAPTER.CHAPTER_NUMBER, 1).set(JOURNEY_CHAPTER.TITLE, "t")
                .set(JOURNEY_CHAPTER.DESCRIPTION, "").returning(JOURNEY_CHAPTER.ID).fetchOne(JOURNEY_CHAPTER.ID);
        long challenge = db.dsl().insertInto(JOURNEY_CHALLENGE).set(JOURNEY_CHALLENGE.CHAPTER_ID, chapter)
                .set(JOURNEY_CHALLENGE.CHALLENGE_TYPE, "riddle").set(JOURNEY_CHALLENGE.QUESTION, "q")
                .set(JOURNEY_CHALLENGE.CORRECT_ANSWER, "a").set(JOURNEY_CHALLENGE.HINT, "")
                .set(JOURNEY_CHALLENGE.ORDER, 0).returning(JOURNEY_CHALLENGE.ID).fetchOne(JOURNEY_CHALLENGE.ID);
        long anna = Fixtures.user(db, "anna");
        db.dsl().insertInto(JOURNEY_PROGRESS).set(JOURNEY_PROGRESS.USER_ID, anna)
                .set(JOURNEY_PROGRESS.JOURNEY_ID, journey).set(JOURNEY_PROGRESS.CURRENT_CHAPTER, 1)
                .set(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, Json.toJsonb(List.of()))
                .set(JOURNEY_PROGRESS.UNLOCKED_REWARDS, Json.toJsonb(List.of()))
                .set(JOURNEY_PROGRESS.COMPLETED, false).execute();
        var ch = db.dsl().selectFrom(JOURNEY_CHALLENGE).where(JOURNEY_CHALLENGE.ID.eq(challenge)).fetchSingle();
        assertThat(ch.getPoints()).isEqualTo(10);
        assertThat(ch.getHintCost()).isZero();
        assertThat(db.dsl().selectFrom(JOURNEY_CHAPTER).where(JOURNEY_CHAPTER.ID.eq(chapter)).fetchSingle()
                .getIsQuestionnaire()).isFalse();
        JourneyProgressView p = new JourneyService(db).findProgress(anna, journey).orElseThrow();
        assertThat(p.totalPoints()).isZero();
        assertThat(p.chapterCompletedAt()).isEmpty();
        assertThat(p.finalResponse()).isEqualTo(Optional.empty());
        assertThat(p.journeyChallenges()).isEqualTo(1);
        var correct = (JourneyAnswerResult.Correct) new JourneyService(db).answer(anna, challenge, text("A"));
        assertThat(correct.pointsAwarded()).isEqualTo(10);
    }
}
