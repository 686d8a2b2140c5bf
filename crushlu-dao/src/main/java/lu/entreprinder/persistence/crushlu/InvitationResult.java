package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;

/** The answer of {@link InvitationService#invite}. */
public sealed interface InvitationResult {

    /** The invitation is written; {@code token} goes to the guest (in the link of an e-mail) and nowhere else. */
    record Invited(long invitationId, String token, OffsetDateTime expiresAt) implements InvitationResult {
    }

    /** This e-mail address already has an invitation to the event (whatever its status); nothing was written. */
    record AlreadyInvited(long invitationId, InvitationStatus status) implements InvitationResult {
    }

    /** The event is not a private invitation event, is cancelled, or has started; nothing was written. */
    record NotInvitable() implements InvitationResult {
    }
}
