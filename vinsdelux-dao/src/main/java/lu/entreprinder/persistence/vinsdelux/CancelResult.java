package lu.entreprinder.persistence.vinsdelux;

/** The answer of {@link PlotReservationService#cancel}. */
public sealed interface CancelResult {

    /** The reservation is deleted and the plot available again. */
    record Cancelled(long reservationId, long plotId) implements CancelResult {
    }

    /** A confirmed reservation (an adoption) cannot be cancelled here: nothing was written. */
    record AlreadyConfirmed(long reservationId, long plotId) implements CancelResult {
    }

    /** No such reservation of this user (missing, released, or another user's): nothing was written. */
    record NotFound(long reservationId) implements CancelResult {
    }
}
