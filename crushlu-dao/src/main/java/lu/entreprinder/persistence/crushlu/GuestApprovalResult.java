package lu.entreprinder.persistence.crushlu;

/** The answer of {@link InvitationService#approveGuest} and {@link InvitationService#rejectGuest}. */
public sealed interface GuestApprovalResult {

    /** The decision is recorded ({@code approval} is {@code APPROVED} or {@code REJECTED}). */
    record Decided(long invitationId, long guestUserId, GuestApproval approval) implements GuestApprovalResult {
    }

    /** The deciding user is not an active coach (V20); nothing was written. */
    record NotACoach() implements GuestApprovalResult {
    }

    /** The invitation is not accepted (no guest to decide on yet, or it expired or was cancelled); nothing written. */
    record NotAccepted(InvitationStatus status) implements GuestApprovalResult {
    }

    /** A coach decided on this guest before; nothing was written. */
    record AlreadyDecided(GuestApproval approval) implements GuestApprovalResult {
    }
}
