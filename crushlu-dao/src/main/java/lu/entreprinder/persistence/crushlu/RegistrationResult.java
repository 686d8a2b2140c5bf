package lu.entreprinder.persistence.crushlu;

/** The answer of {@link RegistrationService#register}: one success, one waitlist, or a distinct refusal. */
public sealed interface RegistrationResult {

    /** A spot was free: the registration is confirmed. */
    record Confirmed(Registration registration) implements RegistrationResult {
    }

    /** The event is full: the registration waits, {@code position} (1 = next) in the waitlist. */
    record Waitlisted(Registration registration, int position) implements RegistrationResult {
    }

    /** The user already holds a registration that is not cancelled; nothing was written. */
    record AlreadyRegistered(Registration registration) implements RegistrationResult {
    }

    /** The event is not published, is cancelled, or its registration deadline has passed. */
    record NotOpen() implements RegistrationResult {
    }

    /** The user has no Crush.lu profile. */
    record ProfileMissing() implements RegistrationResult {
    }

    /** The user's profile is not approved by a coach, or not active. */
    record ProfileNotApproved() implements RegistrationResult {
    }

    /** The user's age (today, in the database's zone) is outside the event's [minAge, maxAge]. */
    record AgeOutOfRange(int age, int minAge, int maxAge) implements RegistrationResult {
    }

    /** A private invitation event, and the user is no special user and presented no matching code. */
    record PrivateWithoutInvitation() implements RegistrationResult {
    }
}
