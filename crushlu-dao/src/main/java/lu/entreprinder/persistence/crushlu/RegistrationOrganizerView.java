package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A registration as the event's organizer sees it: the only record carrying dietary restrictions and special
 * requests.
 *
 * @param age      exact age today (database zone); empty without a profile
 * @param approved the user's Crush.lu profile is approved (false without a profile)
 */
public record RegistrationOrganizerView(long registrationId, long userId, String username, String email,
                                        String firstName, String lastName, RegistrationStatus status,
                                        boolean paymentConfirmed, Optional<OffsetDateTime> paymentDate,
                                        String dietaryRestrictions, String specialRequests, OffsetDateTime createdAt,
                                        Optional<Integer> age, String gender, String location, boolean approved) {
}
