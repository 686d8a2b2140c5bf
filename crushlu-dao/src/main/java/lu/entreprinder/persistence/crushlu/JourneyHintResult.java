package lu.entreprinder.persistence.crushlu;

/** The expected answers of {@link JourneyService#takeHint}. */
public sealed interface JourneyHintResult {

    /**
     * The hint, taken for the first time: its cost was deducted, never below zero.
     *
     * @param pointsCharged what was deducted: the hint's cost, or all the user's points when they had fewer
     * @param pointsLeft    the user's points afterwards
     */
    record Taken(long challengeId, String hint, int pointsCharged, int pointsLeft) implements JourneyHintResult {
    }

    /** The hint again: it was paid for the first time, nothing is deducted now. */
    record AlreadyTaken(long challengeId, String hint, int pointsLeft) implements JourneyHintResult {
    }

    /** The challenge has no hint; nothing was written. */
    record NoHint(long challengeId) implements JourneyHintResult {
    }
}
