package lu.entreprinder.persistence.crushlu;

/** A waitlisted registration that was confirmed because another was cancelled. */
public record RegistrationPromotion(long eventId, long userId, long registrationId, long cancelledUserId) {
}
