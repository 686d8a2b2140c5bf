package lu.entreprinder.persistence.entreprinder.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ValidationException;

/**
 * Turns user input into search words in Java, so no character of the input ever reaches a query parser: a word
 * is a run of letters, combining marks and digits; everything else separates words.
 */
public final class SearchWords {

    /** The longest input accepted, in characters. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private SearchWords() {
    }

    /**
     * The words of {@code input}, in order, duplicates kept out.
     *
     * @throws ValidationException naming {@code field} if null or longer than {@value #MAX_LENGTH} characters
     */
    public static List<String> words(String input, String field) {
        Check.required(input, field);
        if (input.codePointCount(0, input.length()) > MAX_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_LENGTH + " characters, was "
                    + input.codePointCount(0, input.length()));
        }
        Matcher m = WORD.matcher(Normalizer.normalize(input, Normalizer.Form.NFC));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            String w = m.group();
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** PostgreSQL: the words joined by spaces, for {@code plainto_tsquery} (AND of the words, no prefixes). */
    public static String plainQuery(List<String> words) {
        return String.join(" ", words);
    }

    /** SQLite FTS5: each word as a quoted string ({@code "word"}), implicitly ANDed, no prefixes. */
    public static String ftsQuery(List<String> words) {
        StringBuilder q = new StringBuilder();
        for (String w : words) {
            if (!q.isEmpty()) {
                q.append(' ');
            }
            q.append('"').append(w.replace("\"", "\"\"")).append('"');
        }
        return q.toString();
    }
}
