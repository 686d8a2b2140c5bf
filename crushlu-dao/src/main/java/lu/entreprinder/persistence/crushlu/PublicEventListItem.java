package lu.entreprinder.persistence.crushlu;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One event of the anonymous visitor's listing ({@link EventDao#listEventsForAnonymous}): the member listing's
 * fields and counts without any per-viewer field. Such an event is always published, upcoming, public and not
 * cancelled.
 *
 * @param confirmedCount      confirmed registrations
 * @param waitlistCount       waitlisted registrations
 * @param totalRegistrations  registrations that are not cancelled
 * @param spotsRemaining      {@code max(0, maxParticipants - confirmedCount)}
 * @param full                {@code confirmedCount >= maxParticipants}
 * @param registrationOpen    before the deadline and not full (at the database clock's now)
 */
public record PublicEventListItem(long id, String title, EventType eventType, OffsetDateTime eventDate,
                                  String location, int maxParticipants, int minAge, int maxAge,
                                  BigDecimal registrationFee, OffsetDateTime registrationDeadline,
                                  int confirmedCount, int waitlistCount, int totalRegistrations, int spotsRemaining,
                                  boolean full, boolean registrationOpen) {
}
