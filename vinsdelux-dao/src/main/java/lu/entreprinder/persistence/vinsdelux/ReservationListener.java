package lu.entreprinder.persistence.vinsdelux;

/**
 * Told by {@link PlotReservationService} after the transaction that changed a reservation has committed (never
 * after a rollback; never inside an outer transaction that is still open). Runs on the committing thread; an
 * exception it throws is logged, not rethrown. Every method does nothing by default.
 */
public interface ReservationListener {

    /** Does nothing. */
    ReservationListener NONE = new ReservationListener() {
    };

    /** A reservation was confirmed: the plot is adopted. */
    default void confirmed(ReservationEvent event) {
    }

    /** A reservation was cancelled by its user: the plot is available again. */
    default void cancelled(ReservationEvent event) {
    }

    /** The expiry sweep released an unconfirmed reservation: the plot is available again. */
    default void released(ReservationEvent event) {
    }
}
