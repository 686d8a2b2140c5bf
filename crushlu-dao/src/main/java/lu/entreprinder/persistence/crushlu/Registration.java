package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A registration as its own user sees it (no organizer-only fields). */
public record Registration(long id, long eventId, long userId, RegistrationStatus status, boolean paymentConfirmed,
                           Optional<OffsetDateTime> paymentDate, OffsetDateTime createdAt) {
}
