package lu.entreprinder.persistence.crushlu;

import java.util.List;

/** The answer of {@link EventService#changeCapacity}. */
public sealed interface CapacityChangeResult {

    /**
     * The capacity is now {@code capacity} (it was {@code previous}); {@code promoted} are the waitlisted
     * registrations confirmed into the new places, oldest first (empty when none waited, or the event is past or
     * unpublished).
     */
    record Changed(long eventId, int previous, int capacity, List<Registration> promoted)
            implements CapacityChangeResult {
        public Changed {
            promoted = List.copyOf(promoted);
        }
    }

    /**
     * Refused, nothing written: the requested capacity is below the number of confirmed registrations (no confirmed
     * registration is ever demoted).
     */
    record BelowConfirmed(int requested, int confirmed) implements CapacityChangeResult {
    }

    /** Refused, nothing written: the event is cancelled. */
    record EventCancelled() implements CapacityChangeResult {
    }
}
