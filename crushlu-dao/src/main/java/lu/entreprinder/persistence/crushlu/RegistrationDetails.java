package lu.entreprinder.persistence.crushlu;

/**
 * What a member enters when registering.
 *
 * @param dietaryRestrictions at most {@value #MAX_TEXT} characters (null: none); shown to the organizer only
 * @param specialRequests     at most {@value #MAX_TEXT} characters (null: none); shown to the organizer only
 * @param invitationCode      the code of a private invitation event, at most 50 characters (null: none)
 */
public record RegistrationDetails(String dietaryRestrictions, String specialRequests, String invitationCode) {

    public static final int MAX_TEXT = 2_000;

    /** No dietary restrictions, no requests, no code. */
    public static RegistrationDetails none() {
        return new RegistrationDetails(null, null, null);
    }

    /** Only an invitation code. */
    public static RegistrationDetails withCode(String invitationCode) {
        return new RegistrationDetails(null, null, invitationCode);
    }
}
