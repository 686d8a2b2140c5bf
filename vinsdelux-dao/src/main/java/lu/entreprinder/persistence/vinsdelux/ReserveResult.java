package lu.entreprinder.persistence.vinsdelux;

import java.time.OffsetDateTime;

/** The answer of {@link PlotReservationService#reserve}. */
public sealed interface ReserveResult {

    /** The plot is now reserved for the user until {@code expiresAt}. */
    record Reserved(long reservationId, long plotId, OffsetDateTime expiresAt) implements ReserveResult {
    }

    /** The plot is reserved by someone else, adopted or unavailable: nothing was written. */
    record NotAvailable(long plotId, PlotStatus status) implements ReserveResult {
    }

    /** The user already holds a live reservation of this plot: nothing was written. */
    record AlreadyReserved(long reservationId, long plotId, OffsetDateTime expiresAt) implements ReserveResult {
    }
}
