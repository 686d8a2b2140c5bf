package lu.entreprinder.persistence.core.internal;

import lu.entreprinder.persistence.core.ValidationException;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Input checks every DAO runs before SQL: each failure is a {@link ValidationException} naming the field, so a
 * refused call writes nothing. Text limits count Unicode code points, as PostgreSQL's varchar(n) does.
 */
public final class Check {

    private Check() {
    }

    /** @throws ValidationException if {@code value} is null */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** A positive id. @throws ValidationException if null or not positive */
    public static long id(Long value, String field) {
        required(value, field);
        if (value <= 0) {
            throw new ValidationException(field, "must be a positive id, was " + value);
        }
        return value;
    }

    /**
     * A user id: positive and within {@code auth_user.id}'s {@code integer} range (Django's user id). The generated
     * user-id columns are {@code Long} and narrow to {@code integer} when bound; checking first turns an id they could
     * not store into a {@link ValidationException} before any SQL.
     *
     * @return {@code value}
     * @throws ValidationException naming {@code field} if not positive or above {@link Integer#MAX_VALUE}
     */
    public static long userId(long value, String field) {
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new ValidationException(field, "must be a user id between 1 and " + Integer.MAX_VALUE + ", was " + value);
        }
        return value;
    }

    /** Required, not blank, at most {@code max} code points, no NUL. @throws ValidationException otherwise */
    public static String text(String value, int max, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        return optionalText(value, max, field);
    }

    /**
     * Optional (Django {@code blank=True}) text: null becomes {@code ""}; at most {@code max} code points
     * ({@code max <= 0}: unlimited); no NUL (PostgreSQL cannot store it) and no unpaired UTF-16 surrogate (not
     * Unicode text: the drivers would store it as '?').
     *
     * @throws ValidationException if too long, or containing NUL or an unpaired surrogate
     */
    public static String optionalText(String value, int max, String field) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new ValidationException(field, "must not contain the NUL character");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(field, "must be Unicode text: unpaired surrogate at index " + i);
            }
        }
        if (max > 0 && value.codePointCount(0, value.length()) > max) {
            throw new ValidationException(field, "must be at most " + max + " characters, was "
                    + value.codePointCount(0, value.length()));
        }
        return value;
    }

    /** The range both databases store: years 1 to 9999 (PostgreSQL would turn more into 'infinity' or refuse it). */
    private static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(1, 1, 1);
    private static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(9999, 12, 31);
    private static final java.time.Instant FIRST_INSTANT = java.time.Instant.parse("0001-01-01T00:00:00Z");
    private static final java.time.Instant LAST_INSTANT = java.time.Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * A required instant within years 1–9999 (UTC).
     *
     * @throws ValidationException if null or outside that range
     */
    public static java.time.OffsetDateTime timestamp(java.time.OffsetDateTime value, String field) {
        required(value, field);
        java.time.Instant instant = value.toInstant();
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw new ValidationException(field, "must be between years 1 and 9999 (UTC), was " + value);
        }
        return value;
    }

    /**
     * A required date within years 1–9999.
     *
     * @throws ValidationException if null or outside that range
     */
    public static java.time.LocalDate date(java.time.LocalDate value, String field) {
        required(value, field);
        if (value.isBefore(FIRST_DAY) || value.isAfter(LAST_DAY)) {
            throw new ValidationException(field, "must be between years 1 and 9999, was " + value);
        }
        return value;
    }

    /** @throws ValidationException unless {@code min <= value <= max} */
    public static int range(Integer value, int min, int max, String field) {
        required(value, field);
        if (value < min || value > max) {
            throw new ValidationException(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * A decimal that fits {@code numeric(precision, scale)} and is not negative.
     *
     * @throws ValidationException if null, negative, or with more digits than the column holds
     */
    public static BigDecimal decimal(BigDecimal value, int precision, int scale, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new ValidationException(field, "must not be negative, was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new ValidationException(field, "must have at most " + scale + " decimals, was " + value.toPlainString());
        }
        BigDecimal scaled = value.setScale(scale);
        if (scaled.precision() - scaled.scale() > precision - scale) {
            throw new ValidationException(field, "must be below " + BigDecimal.TEN.pow(precision - scale) + ", was "
                    + value.toPlainString());
        }
        return scaled;
    }

    /** @throws ValidationException if null or larger than {@code max} elements */
    public static <C extends Collection<?>> C size(C values, int max, String field) {
        required(values, field);
        if (values.size() > max) {
            throw new ValidationException(field, "must have at most " + max + " elements, had " + values.size());
        }
        for (Object v : values) {
            if (v == null) {
                throw new ValidationException(field, "must not contain null");
            }
        }
        return values;
    }
}
