package lu.entreprinder.persistence.crushlu;

import java.util.OptionalLong;

/**
 * The answer of the coach's steps of contact sharing ({@link ConnectionService#approveContactSharing},
 * {@link ConnectionService#shareContacts}).
 */
public sealed interface CoachSharingResult {

    /** The connection moved on ({@code coach_approved}, or {@code shared}). */
    record Advanced(EventConnection connection) implements CoachSharingResult {
    }

    /** The connection is not in the state this step starts from; nothing changed. */
    record WrongState(EventConnection connection) implements CoachSharingResult {
    }

    /** The coach is not the one assigned to the connection (or none is); nothing changed. */
    record NotAssignedCoach(long connectionId, OptionalLong assignedCoachId) implements CoachSharingResult {
    }

    /** The coach is inactive and cannot review; nothing changed. */
    record CoachInactive(long coachId) implements CoachSharingResult {
    }

    /** No connection with this id. */
    record NotFound() implements CoachSharingResult {
    }
}
