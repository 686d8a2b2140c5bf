package lu.entreprinder.persistence.crushlu;

import java.util.Optional;

/** The answer of {@link RegistrationService#cancel}. */
public sealed interface RegistrationCancelResult {

    /**
     * The registration is cancelled; {@code promoted} is the waitlisted registration that took the freed spot.
     */
    record Cancelled(Registration registration, Optional<Registration> promoted) implements RegistrationCancelResult {
    }

    /** The user has no registration of this event that could be cancelled (none, or already cancelled). */
    record NotRegistered() implements RegistrationCancelResult {
    }

    /** The registration can no longer be cancelled: the event took place (attended / no-show recorded). */
    record AlreadyFinal(Registration registration) implements RegistrationCancelResult {
    }
}
