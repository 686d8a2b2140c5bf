package lu.entreprinder.persistence.crushlu;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One event of a listing for a viewer, with its counts and the viewer's own registration.
 *
 * @param confirmedCount      confirmed registrations
 * @param waitlistCount       waitlisted registrations
 * @param totalRegistrations  registrations that are not cancelled
 * @param spotsRemaining      {@code max(0, maxParticipants - confirmedCount)}
 * @param full                {@code confirmedCount >= maxParticipants}
 * @param registrationOpen    published, before the deadline and not full (at the database clock's now)
 * @param viewerRegistered    the viewer has a registration that is not cancelled
 * @param viewerStatus        the status of the viewer's registration row, cancelled included; empty without one
 */
public record EventListItem(long id, String title, EventType eventType, OffsetDateTime eventDate, String location,
                            int maxParticipants, int minAge, int maxAge, BigDecimal registrationFee,
                            OffsetDateTime registrationDeadline, boolean published, boolean privateInvitation,
                            int confirmedCount, int waitlistCount, int totalRegistrations, int spotsRemaining,
                            boolean full, boolean registrationOpen, boolean viewerRegistered,
                            Optional<RegistrationStatus> viewerStatus) {
}
