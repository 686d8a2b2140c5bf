package lu.entreprinder.persistence.crushlu;

/** The expected answers of {@link JourneyService#respond}. */
public sealed interface JourneyFinalResponseResult {

    /** The response was stored (first response, or {@code thinking} becoming {@code yes}). */
    record Recorded(JourneyProgressView progress) implements JourneyFinalResponseResult {
    }

    /** The same response was already stored; nothing changed. */
    record Unchanged(JourneyFinalResponse response) implements JourneyFinalResponseResult {
    }

    /** {@code yes} was already given and is final; nothing changed. */
    record AlreadyFinal(JourneyFinalResponse response) implements JourneyFinalResponseResult {
    }

    /** The user has not completed the journey (or never started it); nothing was written. */
    record NotCompleted(long journeyId) implements JourneyFinalResponseResult {
    }
}
