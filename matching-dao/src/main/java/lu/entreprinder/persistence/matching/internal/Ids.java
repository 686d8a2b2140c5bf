package lu.entreprinder.persistence.matching.internal;

import lu.entreprinder.persistence.core.Check;
import lu.entreprinder.persistence.core.ValidationException;

/** Id checks at the public boundary: public ids are {@code long}, {@code auth_user.id} is an {@code integer}. */
public final class Ids {

    private Ids() {
    }

    /**
     * A user id as {@code auth_user.id} stores it.
     *
     * @throws ValidationException naming {@code field} if not positive or larger than an {@code integer} column holds
     */
    public static int user(long value, String field) {
        Check.id(value, field);
        if (value > Integer.MAX_VALUE) {
            throw new ValidationException(field, "must be at most " + Integer.MAX_VALUE + " (auth_user.id), was " + value);
        }
        return (int) value;
    }
}
