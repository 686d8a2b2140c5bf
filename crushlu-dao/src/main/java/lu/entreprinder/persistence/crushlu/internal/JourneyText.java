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
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(unaccented.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
