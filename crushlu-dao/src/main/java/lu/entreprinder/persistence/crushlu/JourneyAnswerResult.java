package lu.entreprinder.persistence.crushlu;

import java.util.List;

/** The expected answers of {@link JourneyService#answer}. */
public sealed interface JourneyAnswerResult {

    /**
     * The answer was right (or accepted, for open formats): the challenge is now completed.
     *
     * @param unlockedRewards  the rewards this answer unlocked (its chapter's, when it completed the chapter)
     * @param chapterCompleted true when this answer completed its chapter
     * @param journeyCompleted true when this answer completed the journey
     */
    record Correct(JourneyProgressView progress, List<Long> unlockedRewards, boolean chapterCompleted,
                   boolean journeyCompleted) implements JourneyAnswerResult {
        public Correct {
            unlockedRewards = List.copyOf(unlockedRewards);
        }
    }

    /** The answer was wrong; nothing was written. {@code hintAvailable} says whether the challenge has a hint. */
    record Incorrect(long challengeId, boolean hintAvailable) implements JourneyAnswerResult {
    }

    /** The challenge was already completed by this user; nothing changed. */
    record AlreadyCompleted(JourneyProgressView progress) implements JourneyAnswerResult {
    }

    /** The challenge's chapter is after the user's current chapter; nothing changed. */
    record ChapterLocked(long challengeId, int chapterNumber, int currentChapter) implements JourneyAnswerResult {
    }
}
