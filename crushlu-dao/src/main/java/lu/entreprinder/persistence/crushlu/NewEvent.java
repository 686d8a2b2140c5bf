package lu.entreprinder.persistence.crushlu;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A new meetup event, as an organizer enters it. {@link EventDao#insertEvent} validates every field before SQL.
 *
 * @param title                 1..200 characters
 * @param description           required, at most {@value #MAX_DESCRIPTION} characters
 * @param eventType             required
 * @param eventDate             required
 * @param location              1..200 characters
 * @param maxParticipants       1..{@value #MAX_PARTICIPANTS}
 * @param minAge                18..{@value #MAX_AGE}
 * @param maxAge                minAge..{@value #MAX_AGE}
 * @param registrationFee       0..9999.99, at most 2 decimals
 * @param registrationDeadline  required, not after {@code eventDate}
 * @param published             visible to members
 * @param privateInvitation     visible only to its special users and to holders of the invitation code
 * @param invitationCode        at most 50 characters; required (not blank) for a private invitation event
 */
public record NewEvent(String title, String description, EventType eventType, OffsetDateTime eventDate,
                         String location, int maxParticipants, int minAge, int maxAge, BigDecimal registrationFee,
                         OffsetDateTime registrationDeadline, boolean published, boolean privateInvitation,
                         String invitationCode) {

    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_PARTICIPANTS = 10_000;
    public static final int MAX_AGE = 120;

    /** A published, public speed-dating event with ages 18-99, no fee, the given date, deadline and capacity. */
    public static NewEvent of(String title, OffsetDateTime eventDate, OffsetDateTime registrationDeadline,
                                int maxParticipants) {
        return new NewEvent(title, "", EventType.SPEED_DATING, eventDate, "Luxembourg", maxParticipants, 18, 99,
                BigDecimal.ZERO, registrationDeadline, true, false, "");
    }

    public NewEvent withAges(int min, int max) {
        return new NewEvent(title, description, eventType, eventDate, location, maxParticipants, min, max,
                registrationFee, registrationDeadline, published, privateInvitation, invitationCode);
    }

    public NewEvent withPublished(boolean value) {
        return new NewEvent(title, description, eventType, eventDate, location, maxParticipants, minAge, maxAge,
                registrationFee, registrationDeadline, value, privateInvitation, invitationCode);
    }

    /** A private invitation event with this code. */
    public NewEvent withPrivateInvitation(String code) {
        return new NewEvent(title, description, eventType, eventDate, location, maxParticipants, minAge, maxAge,
                registrationFee, registrationDeadline, published, true, code);
    }

    public NewEvent withFee(BigDecimal fee) {
        return new NewEvent(title, description, eventType, eventDate, location, maxParticipants, minAge, maxAge,
                fee, registrationDeadline, published, privateInvitation, invitationCode);
    }

    public NewEvent withDescription(String value) {
        return new NewEvent(title, value, eventType, eventDate, location, maxParticipants, minAge, maxAge,
                registrationFee, registrationDeadline, published, privateInvitation, invitationCode);
    }
}
