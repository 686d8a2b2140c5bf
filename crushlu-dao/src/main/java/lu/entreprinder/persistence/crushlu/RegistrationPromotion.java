package lu.entreprinder.persistence.crushlu;

/**
 * A waitlisted registration that was confirmed because a place became free: another registration was cancelled
 * ({@code cancelledUserId} is that user), or the organizer raised the event's capacity ({@code cancelledUserId} is
 * 0, see {@link EventService#changeCapacity}).
 */
public record RegistrationPromotion(long eventId, long userId, long registrationId, long cancelledUserId) {
}
