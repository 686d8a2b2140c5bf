package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A user's progress in a journey: completed challenge ids and unlocked reward ids in the order they happened. */
public record JourneyProgressView(long progressId, long userId, long journeyId, int currentChapter,
                                  List<Long> completedChallenges, List<Long> unlockedRewards, boolean completed,
                                  Optional<OffsetDateTime> completedAt) {

    public JourneyProgressView {
        completedChallenges = List.copyOf(completedChallenges);
        unlockedRewards = List.copyOf(unlockedRewards);
    }
}
