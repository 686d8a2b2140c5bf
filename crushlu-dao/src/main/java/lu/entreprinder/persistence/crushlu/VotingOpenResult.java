package lu.entreprinder.persistence.crushlu;

/** What {@link VotingService#openSession} did. */
public sealed interface VotingOpenResult {

    /** The event's voting session was opened. */
    record Opened(VotingSession session) implements VotingOpenResult {
    }

    /** The event already has its one voting session (open or closed); nothing was written. */
    record AlreadyExists(VotingSession session) implements VotingOpenResult {
    }

    /** The user is not a coach; nothing was written. */
    record NotCoach(long userId) implements VotingOpenResult {
    }
}
