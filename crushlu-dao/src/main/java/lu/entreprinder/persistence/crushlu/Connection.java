package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A connection request between two attendees of one event. */
public record Connection(long id, long eventId, long fromUserId, long toUserId, ConnectionStatus status,
                         Optional<OffsetDateTime> connectedAt, OffsetDateTime createdAt) {
}
