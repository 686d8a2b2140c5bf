package lu.entreprinder.persistence.crushlu;

import java.util.List;

/**
 * A challenge to insert ({@link JourneyDao#insertChallenge}). Use the factories: they store each format as
 * {@link JourneyChallengeType} documents (timeline sort: the items in {@code options}, the right order as a JSON
 * array in {@code correct_answer}).
 *
 * @param options the options (multiple choice, would-you-rather) or the items shown (timeline sort); null for none
 */
public record JourneyChallengeSpec(JourneyChallengeType type, String question, String correctAnswer,
                                   List<String> options, String hint, int order) {

    public JourneyChallengeSpec {
        options = options == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(options));
    }

    public static JourneyChallengeSpec riddle(String question, String answer, String hint, int order) {
        return new JourneyChallengeSpec(JourneyChallengeType.RIDDLE, question, answer, null, hint, order);
    }

    public static JourneyChallengeSpec wordScramble(String question, String answer, String hint, int order) {
        return new JourneyChallengeSpec(JourneyChallengeType.WORD_SCRAMBLE, question, answer, null, hint, order);
    }

    public static JourneyChallengeSpec multipleChoice(String question, List<String> options, String correct,
                                                      String hint, int order) {
        return new JourneyChallengeSpec(JourneyChallengeType.MULTIPLE_CHOICE, question, correct, options, hint,
                order);
    }

    /**
     * @param shown      the items in the order they are shown
     * @param rightOrder the same items in the right order
     */
    public static JourneyChallengeSpec timelineSort(String question, List<String> shown, List<String> rightOrder,
                                                    String hint, int order) {
        return new JourneyChallengeSpec(JourneyChallengeType.TIMELINE_SORT, question,
                lu.entreprinder.persistence.core.Json.toJsonb(rightOrder).data(), shown, hint, order);
    }

    public static JourneyChallengeSpec wouldYouRather(String question, List<String> options, int order) {
        return new JourneyChallengeSpec(JourneyChallengeType.WOULD_YOU_RATHER, question, "", options, "", order);
    }

    public static JourneyChallengeSpec openText(String question, int order) {
        return new JourneyChallengeSpec(JourneyChallengeType.OPEN_TEXT, question, "", null, "", order);
    }
}
