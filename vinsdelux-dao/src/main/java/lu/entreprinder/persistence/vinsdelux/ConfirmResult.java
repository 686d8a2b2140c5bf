package lu.entreprinder.persistence.vinsdelux;

import java.time.OffsetDateTime;

/** The answer of {@link PlotReservationService#confirm}. */
public sealed interface ConfirmResult {

    /** The reservation is confirmed and the plot adopted. */
    record Confirmed(long reservationId, long plotId) implements ConfirmResult {
    }

    /** The reservation was confirmed before: nothing was written. */
    record AlreadyConfirmed(long reservationId, long plotId) implements ConfirmResult {
    }

    /** The hold ran out ({@code expiresAt <= now}): nothing was written; the expiry sweep releases it. */
    record Expired(long reservationId, OffsetDateTime expiresAt) implements ConfirmResult {
    }

    /** No such reservation of this user (missing, released, cancelled, or another user's): nothing was written. */
    record NotFound(long reservationId) implements ConfirmResult {
    }
}
