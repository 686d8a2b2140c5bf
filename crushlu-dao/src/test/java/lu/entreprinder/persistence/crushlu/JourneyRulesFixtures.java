package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_ATTEMPT;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_HINT_USE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PIECE_UNLOCK;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PROGRESS;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PUZZLE_PIECE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_REWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;

/** Journeys with the rules of V21 (points, hint costs, alternatives, questionnaire, puzzle) for the journey ITs. */
final class JourneyRulesFixtures {

    private JourneyRulesFixtures() {
    }

    /**
     * The ids of {@link #journey}: chapter 1 holds {@code riddle} ("Crème Brûlée", alternatives "Brûlée" and "the
     * burnt cream", 15 points, hint "French" costing 4) and {@code choice} (10 points, hint "small" costing 6);
     * chapter 2 holds {@code scramble} (20 points, no hint) and {@code open} (open text, 5 points). Chapter 1 has a
     * puzzle ({@code puzzle}, pieces costing 5, 10, 20 in {@code pieces}) and a poem ({@code poem}).
     */
    record Rules(long journeyId, long chapter1, long chapter2, long riddle, long choice, long scramble, long open,
                 long puzzle, List<Long> pieces, long poem) {
    }

    static Rules journey(Database db, String name) {
        JourneyDao dao = new JourneyDao(db);
        long journey = dao.insertJourney(name, "Rules", true);
        long ch1 = dao.insertChapter(journey, 1, "One", "");
        long ch2 = dao.insertChapter(journey, 2, "Two", "");
        long riddle = dao.insertChallenge(ch1, NewJourneyChallenge.riddle("First dessert?", "Crème Brûlée", "French", 1)
                .withPoints(15).withHintCost(4).withAlternativeAnswers(List.of("Brûlée", "the burnt cream")));
        long choice = dao.insertChallenge(ch1, NewJourneyChallenge.multipleChoice("Where?",
                List.of("Paris", "Luxembourg", "Rome"), "Luxembourg", "small", 2).withHintCost(6));
        long scramble = dao.insertChallenge(ch2, NewJourneyChallenge.wordScramble("REUOF", "Fouer", "", 1)
                .withPoints(20));
        long open = dao.insertChallenge(ch2, NewJourneyChallenge.openText("A wish?", 2).withPoints(5));
        long puzzle = dao.insertPuzzleReward(ch1, "Our photo", "", "journey_rewards/p.jpg", List.of(5, 10, 20));
        long poem = dao.insertReward(ch1, JourneyRewardType.POEM, "Poem", "Roses", "");
        List<Long> pieces = db.dsl().select(JOURNEY_PUZZLE_PIECE.ID).from(JOURNEY_PUZZLE_PIECE)
                .where(JOURNEY_PUZZLE_PIECE.REWARD_ID.eq(puzzle)).orderBy(JOURNEY_PUZZLE_PIECE.PIECE_NUMBER)
                .fetch(JOURNEY_PUZZLE_PIECE.ID);
        return new Rules(journey, ch1, ch2, riddle, choice, scramble, open, puzzle, pieces, poem);
    }

    /** Every row a journey write can touch, as text: equal before and after a refused call. */
    static String state(Database db) {
        return String.join("\n",
                db.dsl().selectFrom(JOURNEY_PROGRESS).orderBy(JOURNEY_PROGRESS.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_ATTEMPT).orderBy(JOURNEY_ATTEMPT.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_HINT_USE).orderBy(JOURNEY_HINT_USE.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_PIECE_UNLOCK).orderBy(JOURNEY_PIECE_UNLOCK.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_CHALLENGE).orderBy(JOURNEY_CHALLENGE.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_CHAPTER).orderBy(JOURNEY_CHAPTER.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_REWARD).orderBy(JOURNEY_REWARD.ID).fetch().formatCSV(),
                db.dsl().selectFrom(JOURNEY_PUZZLE_PIECE).orderBy(JOURNEY_PUZZLE_PIECE.ID).fetch().formatCSV());
    }

    /** The call is refused with a {@link ValidationException} naming {@code field}, and nothing was written. */
    static void refused(Database db, Runnable call, String field) {
        String before = state(db);
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(state(db)).as("nothing written").isEqualTo(before);
    }
}
