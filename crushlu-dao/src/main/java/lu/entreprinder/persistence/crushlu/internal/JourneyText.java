package lu.entreprinder.persistence.crushlu.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of typed answers: accents removed (NFKD, combining marks dropped), lower case, trimmed, inner
 * whitespace runs collapsed to one space. So "  Crème   Brûlée " equals "creme brulee". */
public final class JourneyText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private JourneyText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        if (isAscii(text)) {
            return normalizeAscii(text);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(unaccented.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #normalize} without the regular expressions, for ASCII text (most answers, checked on every answer):
     * NFKD leaves ASCII as it is and it has no combining marks; the same strip, the same runs of {@code \s}
     * (space, tab, line feed, vertical tab, form feed, carriage return) collapsed, the same lower case.
     */
    private static String normalizeAscii(String text) {
        String stripped = text.strip();
        StringBuilder out = new StringBuilder(stripped.length());
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                if (!inSpace) {
                    out.append(' ');
                    inSpace = true;
                }
            } else {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                inSpace = false;
            }
        }
        return out.toString();
    }
}
