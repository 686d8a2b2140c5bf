package lu.entreprinder.persistence.entreprinder.internal;

import db.migration.common.V9__entreprinder_populate_name_key;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.Check;
import lu.entreprinder.persistence.core.ValidationException;

/** Display names and {@code name_key}s of industries and skills; the key rule is the migration's (V9). */
public final class NameKeys {

    /** Length of {@code name} and {@code name_key} ({@code varchar(100)}). */
    public static final int MAX_LENGTH = 100;

    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");

    private NameKeys() {
    }

    /** The name as stored: whitespace runs collapsed to one space, trimmed. @throws ValidationException naming field */
    public static String displayName(String name, String field) {
        Check.text(name, 0, field);
        String display = WHITESPACE_RUN.matcher(name).replaceAll(" ").strip();
        Check.text(display, MAX_LENGTH, field);
        key(display, field);
        return display;
    }

    /** {@link V9__entreprinder_populate_name_key#normalizeName(String)}, checked to fit the column. */
    public static String key(String name, String field) {
        Check.required(name, field);
        String key = V9__entreprinder_populate_name_key.normalizeName(name);
        if (key.isEmpty()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (key.codePointCount(0, key.length()) > MAX_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_LENGTH + " characters once normalized");
        }
        return key;
    }
}
