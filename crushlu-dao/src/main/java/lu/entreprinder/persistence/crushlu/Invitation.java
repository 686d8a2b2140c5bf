package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A guest invitation with its event's title and date; never its token (a secret the invited guest holds).
 *
 * @param guestUserId       the user created when the guest accepted (empty before, or after that user was deleted)
 * @param approvedByCoachId the {@code crush_lu_crushcoach} id of the coach who decided on the guest
 */
public record Invitation(long id, long eventId, String eventTitle, OffsetDateTime eventDate, long invitedById,
                         String guestEmail, String guestFirstName, String guestLastName, InvitationStatus status,
                         OffsetDateTime createdAt, OffsetDateTime expiresAt, Optional<OffsetDateTime> acceptedAt,
                         Optional<Long> guestUserId, GuestApproval approval, Optional<Long> approvedByCoachId,
                         Optional<OffsetDateTime> approvedAt) {
}
