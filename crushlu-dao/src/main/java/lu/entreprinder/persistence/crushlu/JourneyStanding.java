package lu.entreprinder.persistence.crushlu;

/**
 * How far one user is in a journey: the current chapter, how many of the journey's challenges they completed, of
 * how many.
 */
public record JourneyStanding(long userId, String username, int currentChapter, int completedChallenges,
                              int totalChallenges, boolean completed) {
}
