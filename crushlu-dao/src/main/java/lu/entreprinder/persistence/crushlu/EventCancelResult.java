package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The answer of {@link EventService#cancelEvent}. */
public sealed interface EventCancelResult {

    /** The event is now cancelled, at {@code cancelledAt} (the service's clock). */
    record Cancelled(long eventId, OffsetDateTime cancelledAt) implements EventCancelResult {
    }

    /**
     * The event was already cancelled; nothing was written. {@code cancelledAt} is empty when another writer (the
     * Django app does not know the column) set the flag without a time.
     */
    record AlreadyCancelled(long eventId, Optional<OffsetDateTime> cancelledAt) implements EventCancelResult {
    }
}
