package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The voting session of a speed-dating evening (one per event).
 *
 * @param sessionId      the session's id
 * @param eventId        its event
 * @param openedByUserId the coach who opened it (empty once that user is deleted)
 * @param status         open or closed
 * @param openedAt       when it was opened
 * @param closedAt       when it was closed (empty while open)
 */
public record VotingSession(long sessionId, long eventId, OptionalLong openedByUserId, VotingStatus status,
                            OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt) {

    public VotingSession {
        Objects.requireNonNull(openedByUserId, "openedByUserId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
