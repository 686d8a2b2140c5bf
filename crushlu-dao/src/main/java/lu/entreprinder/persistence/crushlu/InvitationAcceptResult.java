package lu.entreprinder.persistence.crushlu;

/** The answer of {@link InvitationService#accept}. */
public sealed interface InvitationAcceptResult {

    /** The guest's user was created and the invitation is accepted; a coach's approval comes next. */
    record Accepted(long invitationId, long eventId, long guestUserId) implements InvitationAcceptResult {
    }

    /** The invitation was accepted before; nothing was written (no second user). */
    record AlreadyAccepted(long invitationId) implements InvitationAcceptResult {
    }

    /** The invitation has expired (it is marked {@code expired} now if it was still pending); no user created. */
    record Expired(long invitationId) implements InvitationAcceptResult {
    }

    /** The invitation was cancelled; nothing was written. */
    record Cancelled(long invitationId) implements InvitationAcceptResult {
    }

    /** No invitation has this token; nothing was written. */
    record UnknownToken() implements InvitationAcceptResult {
    }

    /**
     * A user with the invitation's e-mail address exists already (case-insensitive; the library's one account per
     * e-mail rule): no second account is created and the invitation stays pending. Nothing was written.
     */
    record EmailInUse(String email) implements InvitationAcceptResult {
    }

    /** Another user has the chosen username; nothing was written, the invitation stays pending. */
    record UsernameTaken(String username) implements InvitationAcceptResult {
    }
}
