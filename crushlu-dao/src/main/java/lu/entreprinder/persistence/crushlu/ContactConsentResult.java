package lu.entreprinder.persistence.crushlu;

/** The answer of {@link ConnectionService#consentToShare}. */
public sealed interface ContactConsentResult {

    /** The consent was recorded; the other person has not consented yet (still {@code accepted}). */
    record Recorded(EventConnection connection) implements ContactConsentResult {
    }

    /** The consent was the second one: the connection moved to {@code coach_reviewing}. */
    record BothConsented(EventConnection connection) implements ContactConsentResult {
    }

    /** The user had consented already; nothing changed. */
    record AlreadyConsented(EventConnection connection) implements ContactConsentResult {
    }

    /** The connection is not accepted (pending or declined); nothing changed. */
    record NotConnected(EventConnection connection) implements ContactConsentResult {
    }

    /** No connection with this id that the user is part of (it does not exist, or belongs to others). */
    record NotFound() implements ContactConsentResult {
    }
}
