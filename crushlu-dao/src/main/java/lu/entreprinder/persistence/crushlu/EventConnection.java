package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A connection request between two attendees of one event.
 *
 * @param sharingStatus     how far contact sharing is (meaningful once {@code status} is connected)
 * @param requesterConsent  the requester ({@code fromUserId}) consented to share contact details
 * @param recipientConsent  the recipient ({@code toUserId}) consented
 * @param assignedCoachId   the coach who reviews the sharing: the requester's coach, set when the request is
 *                          accepted (empty before, or when the requester has no active coach)
 */
public record EventConnection(long id, long eventId, long fromUserId, long toUserId, ConnectionStatus status,
                         Optional<OffsetDateTime> connectedAt, OffsetDateTime createdAt,
                         ContactSharingStatus sharingStatus, boolean requesterConsent, boolean recipientConsent,
                         OptionalLong assignedCoachId) {
}
