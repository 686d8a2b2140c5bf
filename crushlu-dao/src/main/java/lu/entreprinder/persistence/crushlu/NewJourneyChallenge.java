package lu.entreprinder.persistence.crushlu;

import java.util.List;

/**
 * A challenge to insert ({@link JourneyDao#insertChallenge}). Use the factories: they store each format as
 * {@link JourneyChallengeType} documents (timeline sort: the items in {@code options}, the right order as a JSON
 * array in {@code correct_answer}); then {@link #withPoints}, {@link #withHintCost} and
 * {@link #withAlternativeAnswers} for the rules of V21.
 *
 * @param options            the options (multiple choice, would-you-rather) or the items shown (timeline sort); null
 *                           for none
 * @param points             points a right answer awards (column default 10)
 * @param hintCost           points taking the hint costs (column default 0)
 * @param alternativeAnswers further accepted answers of a riddle or word scramble, compared after the same
 *                           normalisation as the correct answer; null for none
 */
public record NewJourneyChallenge(JourneyChallengeType type, String question, String correctAnswer,
                                   List<String> options, String hint, int order, int points, int hintCost,
                                   List<String> alternativeAnswers) {

    /** Points of a challenge when nothing else is said (the column's default). */
    public static final int DEFAULT_POINTS = 10;

    public NewJourneyChallenge {
        options = options == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(options));
        alternativeAnswers = alternativeAnswers == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(alternativeAnswers));
    }

    /** A challenge with the default points, a free hint and no alternative answers. */
    public NewJourneyChallenge(JourneyChallengeType type, String question, String correctAnswer,
                                List<String> options, String hint, int order) {
        this(type, question, correctAnswer, options, hint, order, DEFAULT_POINTS, 0, null);
    }

    /** This challenge awarding {@code points} for a right answer. */
    public NewJourneyChallenge withPoints(int points) {
        return new NewJourneyChallenge(type, question, correctAnswer, options, hint, order, points, hintCost,
                alternativeAnswers);
    }

    /** This challenge with a hint costing {@code cost} points. */
    public NewJourneyChallenge withHintCost(int cost) {
        return new NewJourneyChallenge(type, question, correctAnswer, options, hint, order, points, cost,
                alternativeAnswers);
    }

    /** This challenge also accepting {@code answers} (riddles and word scrambles only). */
    public NewJourneyChallenge withAlternativeAnswers(List<String> answers) {
        return new NewJourneyChallenge(type, question, correctAnswer, options, hint, order, points, hintCost,
                answers);
    }

    public static NewJourneyChallenge riddle(String question, String answer, String hint, int order) {
        return new NewJourneyChallenge(JourneyChallengeType.RIDDLE, question, answer, null, hint, order);
    }

    public static NewJourneyChallenge wordScramble(String question, String answer, String hint, int order) {
        return new NewJourneyChallenge(JourneyChallengeType.WORD_SCRAMBLE, question, answer, null, hint, order);
    }

    public static NewJourneyChallenge multipleChoice(String question, List<String> options, String correct,
                                                      String hint, int order) {
        return new NewJourneyChallenge(JourneyChallengeType.MULTIPLE_CHOICE, question, correct, options, hint,
                order);
    }

    /**
     * @param shown      the items in the order they are shown
     * @param rightOrder the same items in the right order
     */
    public static NewJourneyChallenge timelineSort(String question, List<String> shown, List<String> rightOrder,
                                                    String hint, int order) {
        return new NewJourneyChallenge(JourneyChallengeType.TIMELINE_SORT, question,
                lu.entreprinder.persistence.core.internal.Json.toJsonb(rightOrder).data(), shown, hint, order);
    }

    public static NewJourneyChallenge wouldYouRather(String question, List<String> options, int order) {
        return new NewJourneyChallenge(JourneyChallengeType.WOULD_YOU_RATHER, question, "", options, "", order);
    }

    public static NewJourneyChallenge openText(String question, int order) {
        return new NewJourneyChallenge(JourneyChallengeType.OPEN_TEXT, question, "", null, "", order);
    }
}
