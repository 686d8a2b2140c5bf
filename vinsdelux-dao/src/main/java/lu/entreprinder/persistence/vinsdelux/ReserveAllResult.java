package lu.entreprinder.persistence.vinsdelux;

import java.util.List;

/** The answer of {@link PlotReservationService#reserveAll}: all of the plots, or none of them. */
public sealed interface ReserveAllResult {

    /**
     * Every plot is now reserved for the user, each until its own {@code expiresAt}.
     *
     * @param reservations one per plot, in ascending plot id order
     */
    record Reserved(List<ReserveResult.Reserved> reservations) implements ReserveAllResult {

        public Reserved {
            reservations = List.copyOf(reservations);
        }
    }

    /**
     * At least one plot could not be reserved, so none was: nothing was written.
     *
     * @param unavailablePlotIds plots reserved by someone else, adopted or unavailable (ascending)
     * @param alreadyHeldPlotIds plots the user already holds a live reservation of (ascending)
     */
    record NothingReserved(List<Long> unavailablePlotIds, List<Long> alreadyHeldPlotIds) implements ReserveAllResult {

        public NothingReserved {
            unavailablePlotIds = List.copyOf(unavailablePlotIds);
            alreadyHeldPlotIds = List.copyOf(alreadyHeldPlotIds);
        }
    }
}
