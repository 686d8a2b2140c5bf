package lu.entreprinder.persistence.crushlu;

/**
 * A confirmed attendee as other members see them: never the exact birth date, contact details or requests.
 *
 * @param displayName first name, or "first last" when the profile shows the full name
 * @param ageRange    18-24, 25-29, 30-34, 35-39 or 40+ (today in the database's zone); null without a profile
 */
public record EventAttendee(long registrationId, long userId, String displayName, String ageRange) {
}
