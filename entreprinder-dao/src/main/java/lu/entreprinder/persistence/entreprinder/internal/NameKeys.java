package lu.entreprinder.persistence.entreprinder.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ValidationException;

/**
 * Display names and {@code name_key}s of industries and skills: the live rule. Migration V9 filled the keys of the
 * rows that existed then with its own frozen copy of this rule; a migration never changes, so when this rule changes,
 * a new migration must re-key the stored rows.
 */
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

    /**
     * The {@code name_key} of a name: Unicode NFKC, whitespace runs (Unicode separators too) collapsed to one space,
     * trimmed, then {@code toLowerCase(Locale.ROOT)}; checked to be non-blank and to fit the column.
     *
     * @throws ValidationException naming {@code field} if the name is null, blank, or its key too long
     */
    public static String key(String name, String field) {
        Check.required(name, field);
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String key = WHITESPACE_RUN.matcher(nfkc).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (key.codePointCount(0, key.length()) > MAX_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_LENGTH + " characters once normalized");
        }
        return key;
    }
}
