package lu.entreprinder.persistence.crushlu;

import java.util.List;

/**
 * A whole journey for playing: chapters by number, challenges by order, rewards. Never carries a correct answer
 * (nor the hint text: see {@link JourneyDao#getHint}).
 */
public record JourneyPlay(long journeyId, String name, String description, boolean active,
                          List<Chapter> chapters) {

    public JourneyPlay {
        chapters = List.copyOf(chapters);
    }

    /** A chapter; in a {@code questionnaire} chapter any non-empty answer completes a challenge. */
    public record Chapter(long chapterId, int number, String title, String description, List<Challenge> challenges,
                          List<Reward> rewards, boolean questionnaire) {
        public Chapter {
            challenges = List.copyOf(challenges);
            rewards = List.copyOf(rewards);
        }
    }

    /**
     * A challenge without its answer (nor its alternatives); {@code options} are the choices or the items to sort
     * (empty for none); {@code points} a right answer earns, {@code hintCost} what taking the hint costs.
     */
    public record Challenge(long challengeId, JourneyChallengeType type, String question, List<String> options,
                            boolean hasHint, int order, int points, int hintCost) {
        public Challenge {
            options = List.copyOf(options);
        }
    }

    public record Reward(long rewardId, JourneyRewardType type, String title, String content, String photo) {
    }
}
