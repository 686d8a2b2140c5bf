package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's progress in a journey: completed challenge ids and unlocked reward ids in the order they happened, and
 * (since V21) the points, when each chapter was completed, how much of the journey is done and the final response.
 *
 * @param totalPoints         points earned by right answers, minus hint costs and puzzle pieces; never below zero
 * @param chapterCompletedAt  chapter number to the time its last challenge was completed (chapters completed before
 *                            V21, or by another writer, have no entry)
 * @param journeyChallengesCompleted how many of the journey's current challenges are completed
 * @param journeyChallenges   how many challenges the journey has
 * @param finalResponse       the answer to the journey's final question, empty until given
 */
public record JourneyProgressView(long progressId, long userId, long journeyId, int currentChapter,
                                  List<Long> completedChallenges, List<Long> unlockedRewards, boolean completed,
                                  Optional<OffsetDateTime> completedAt, int totalPoints,
                                  Map<Integer, OffsetDateTime> chapterCompletedAt, int journeyChallengesCompleted,
                                  int journeyChallenges, Optional<JourneyFinalResponse> finalResponse,
                                  Optional<OffsetDateTime> finalResponseAt) {

    public JourneyProgressView {
        completedChallenges = List.copyOf(completedChallenges);
        unlockedRewards = List.copyOf(unlockedRewards);
        chapterCompletedAt = Map.copyOf(chapterCompletedAt);
    }

    /**
     * The seed's part of a progress only (no points, no chapter times, no counts, no final response), for callers
     * that build a view from the seed's columns alone.
     */
    public JourneyProgressView(long progressId, long userId, long journeyId, int currentChapter,
                               List<Long> completedChallenges, List<Long> unlockedRewards, boolean completed,
                               Optional<OffsetDateTime> completedAt) {
        this(progressId, userId, journeyId, currentChapter, completedChallenges, unlockedRewards, completed,
                completedAt, 0, Map.of(), 0, 0, Optional.empty(), Optional.empty());
    }

    /**
     * Completed challenges of the journey over all its challenges, in whole percent rounded down (0 for a journey
     * without challenges).
     */
    public int completionPercent() {
        return journeyChallenges == 0 ? 0 : (int) (100L * journeyChallengesCompleted / journeyChallenges);
    }
}
