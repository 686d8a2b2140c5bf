package lu.entreprinder.persistence.crushlu;

import java.util.List;

/** The expected answers of {@link JourneyService#answer}. */
public sealed interface JourneyAnswerResult {

    /**
     * The answer was right (or accepted, for open formats and questionnaire chapters): the challenge is now
     * completed and its points were added to the progress.
     *
     * @param unlockedRewards  the rewards this answer unlocked (its chapter's, when it completed the chapter)
     * @param chapterCompleted true when this answer completed its chapter
     * @param journeyCompleted true when this answer completed the journey
     * @param pointsAwarded    the challenge's points, now part of {@code progress.totalPoints()}
     */
    record Correct(JourneyProgressView progress, List<Long> unlockedRewards, boolean chapterCompleted,
                   boolean journeyCompleted, int pointsAwarded) implements JourneyAnswerResult {
        public Correct {
            unlockedRewards = List.copyOf(unlockedRewards);
        }

        /** Without points, for callers that build results from the seed's columns alone. */
        public Correct(JourneyProgressView progress, List<Long> unlockedRewards, boolean chapterCompleted,
                       boolean journeyCompleted) {
            this(progress, unlockedRewards, chapterCompleted, journeyCompleted, 0);
        }
    }

    /**
     * The answer was wrong; only the attempt was stored. {@code hintAvailable} says whether the challenge has a
     * hint.
     */
    record Incorrect(long challengeId, boolean hintAvailable) implements JourneyAnswerResult {
    }

    /**
     * The challenge was already completed by this user: no points this time (the attempt is stored with none).
     *
     * @param originalPoints the points the first right answer awarded (0 when it was completed without the library,
     *                       e.g. by the Django app, which stores no attempts)
     */
    record AlreadyCompleted(JourneyProgressView progress, int originalPoints) implements JourneyAnswerResult {

        /** Without the original points, for callers that build results from the seed's columns alone. */
        public AlreadyCompleted(JourneyProgressView progress) {
            this(progress, 0);
        }
    }

    /** The challenge's chapter is after the user's current chapter; nothing changed. */
    record ChapterLocked(long challengeId, int chapterNumber, int currentChapter) implements JourneyAnswerResult {
    }
}
