package lu.entreprinder.persistence.crushlu;

/** The answer of the organizer's updates of one registration (attendance, payment). */
public sealed interface RegistrationUpdateResult {

    /** The registration after the update. */
    record Updated(Registration registration) implements RegistrationUpdateResult {
    }

    /** The user has no registration of this event, or it is cancelled. */
    record NotRegistered() implements RegistrationUpdateResult {
    }

    /** Attendance can only be recorded once the event has started. */
    record EventNotOver() implements RegistrationUpdateResult {
    }

    /** Attendance is recorded for confirmed registrations only (this one is waitlisted or pending). */
    record NotConfirmed(Registration registration) implements RegistrationUpdateResult {
    }
}
