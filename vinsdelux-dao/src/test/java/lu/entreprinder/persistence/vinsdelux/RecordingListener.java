package lu.entreprinder.persistence.vinsdelux;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what {@link PlotReservationService} reported, and whether the database was inside a transaction. */
final class RecordingListener implements ReservationListener {

    final List<ReservationEvent> confirmed = new CopyOnWriteArrayList<>();
    final List<ReservationEvent> cancelled = new CopyOnWriteArrayList<>();
    final List<ReservationEvent> released = new CopyOnWriteArrayList<>();

    @Override
    public void confirmed(ReservationEvent event) {
        confirmed.add(event);
    }

    @Override
    public void cancelled(ReservationEvent event) {
        cancelled.add(event);
    }

    @Override
    public void released(ReservationEvent event) {
        released.add(event);
    }
}
