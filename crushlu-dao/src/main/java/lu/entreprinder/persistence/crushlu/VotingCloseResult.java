package lu.entreprinder.persistence.crushlu;

/** What {@link VotingService#closeSession} did. */
public sealed interface VotingCloseResult {

    /** The session is now closed: no more ratings. */
    record Closed(VotingSession session) implements VotingCloseResult {
    }

    /** The session was already closed; nothing changed. */
    record AlreadyClosed(VotingSession session) implements VotingCloseResult {
    }

    /** The user is not a coach; nothing changed. */
    record NotCoach(long userId) implements VotingCloseResult {
    }
}
