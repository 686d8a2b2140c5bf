package lu.entreprinder.persistence.vinsdelux;

import java.time.OffsetDateTime;

/** What {@link ReservationListener} is told after a commit. {@code at} is the service's {@code db.now()}. */
public record ReservationEvent(long reservationId, long userId, long plotId, OffsetDateTime at) {
}
