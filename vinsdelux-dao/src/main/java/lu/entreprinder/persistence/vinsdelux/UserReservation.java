package lu.entreprinder.persistence.vinsdelux;

import java.time.OffsetDateTime;

/**
 * One of a user's plot reservations.
 *
 * @param expired true when not confirmed and {@code expiresAt <= db.now()} at the time of the read (the sweep has
 *                not released it yet)
 */
public record UserReservation(long id, PlotRef plot, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                              boolean confirmed, boolean expired, String notes) {
}
