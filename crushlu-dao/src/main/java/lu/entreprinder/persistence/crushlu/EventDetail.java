package lu.entreprinder.persistence.crushlu;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One event as a member sees it, with its confirmed attendees (the seed's
 * {@code Prefetch('registrations', confirmed, to_attr='confirmed_registrations')}), oldest registration first.
 */
public record EventDetail(long id, String title, String description, EventType eventType, OffsetDateTime eventDate,
                          String location, int maxParticipants, int minAge, int maxAge, BigDecimal registrationFee,
                          OffsetDateTime registrationDeadline, boolean privateInvitation, int confirmedCount,
                          int waitlistCount, int spotsRemaining, boolean full, boolean registrationOpen,
                          Optional<RegistrationStatus> viewerStatus, List<EventAttendee> confirmedRegistrations) {

    public EventDetail {
        confirmedRegistrations = List.copyOf(confirmedRegistrations);
    }
}
