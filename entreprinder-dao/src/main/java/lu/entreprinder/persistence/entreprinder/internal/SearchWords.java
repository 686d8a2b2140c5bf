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

    /**
     * Whether PostgreSQL's text-search parser surely reads {@code word} as one token, so that it folds to exactly one
     * lexeme: ASCII letters and digits, and the Latin-1 letters {@code search_fold} knows (with Œ, œ and Ÿ). Other
     * letters and number characters ({@code ²}, say) can be split by the parser or not, depending on the server's
     * locale; for those the search lets the server decide.
     */
    public static boolean isPlainWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c >= '\u00C0' && c <= '\u00FF' && c != '\u00D7' && c != '\u00F7')
                    || c == '\u0152' || c == '\u0153' || c == '\u0178';
            if (!plain) {
                return false;
            }
        }
        return !word.isEmpty();
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
