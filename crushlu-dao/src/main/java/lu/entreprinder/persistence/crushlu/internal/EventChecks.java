package lu.entreprinder.persistence.crushlu.internal;

import lu.entreprinder.persistence.core.Check;
import lu.entreprinder.persistence.core.ValidationException;

/** Input checks shared by the event, registration, connection and message services. */
public final class EventChecks {

    private EventChecks() {
    }

    /**
     * A user id: positive and within {@code auth_user.id}'s integer range (a larger long would wrap around to
     * another user when cast).
     *
     * @throws ValidationException naming {@code field} otherwise
     */
    public static int userId(long value, String field) {
        Check.id(value, field);
        if (value > Integer.MAX_VALUE) {
            throw new ValidationException(field, "must be at most " + Integer.MAX_VALUE + ", was " + value);
        }
        return (int) value;
    }
}
