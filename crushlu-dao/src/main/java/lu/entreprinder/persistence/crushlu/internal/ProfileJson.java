package lu.entreprinder.persistence.crushlu.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.StoredValues;
import org.jooq.JSONB;

/** JSON arrays of this module's columns ({@code interests}, {@code options}, progress lists) to Java lists. */
public final class ProfileJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() { };

    private ProfileJson() {
    }

    /** A JSON array of strings; null (SQL NULL) is the empty list. */
    public static List<String> strings(JSONB json) {
        return json == null ? List.of() : List.copyOf(Json.fromJsonb(json, STRINGS));
    }

    /** A decoded list, and whether the stored value decoded whole. */
    public record Decoded(List<String> value, boolean valid) {
    }

    /**
     * A JSON array of strings as a read of another application's rows needs it: never throws. A value that is not
     * such an array (written by the Django app sharing the table) gives its scalar elements as text and
     * {@code valid = false}, and is reported once per row ({@link StoredValues#warnOnce}).
     */
    public static Decoded strings(JSONB json, String table, long id, String column) {
        if (json == null) {
            return new Decoded(List.of(), true);
        }
        try {
            return new Decoded(strings(json), true);
        } catch (RuntimeException e) {
            StoredValues.warnOnce(table, id, column, "not a JSON list of strings: " + shorten(json.data()));
            List<String> usable = new ArrayList<>();
            try {
                JsonNode node = Json.mapper().readTree(json.data());
                if (node != null && node.isArray()) {
                    node.forEach(element -> {
                        if (element.isValueNode() && !element.isNull()) {
                            usable.add(element.asText());
                        }
                    });
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // not JSON at all: nothing usable
            }
            return new Decoded(List.copyOf(usable), false);
        }
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 79) + "…";
    }

    /**
     * A JSON array of ids; null (SQL NULL) is the empty list. The plain form both databases keep ({@code [1, 2]},
     * {@code [1,2]}) is read by hand (a journey answer reads two such lists); anything else by Jackson.
     */
    public static List<Long> longs(JSONB json) {
        if (json == null) {
            return List.of();
        }
        List<Long> plain = plainLongs(json.data());
        return plain != null ? plain : List.copyOf(Json.fromJsonb(json, LONGS));
    }

    /** The ids as the JSON array Jackson writes ({@code [1,2]}). */
    public static JSONB longsJson(Collection<Long> ids) {
        StringBuilder json = new StringBuilder(2 + ids.size() * 8).append('[');
        for (Long id : ids) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(id.longValue());
        }
        return JSONB.valueOf(json.append(']').toString());
    }

    /**
     * {@code [n, …]} of non-negative integers without leading zeros (at most 18 digits: no overflow), spaces around
     * the tokens; null for any other text, which Jackson then reads (or refuses) as before.
     */
    private static List<Long> plainLongs(String text) {
        int n = text.length();
        int i = skipSpaces(text, 0);
        if (i >= n || text.charAt(i) != '[') {
            return null;
        }
        i = skipSpaces(text, i + 1);
        List<Long> out = new ArrayList<>();
        if (i < n && text.charAt(i) == ']') {
            return skipSpaces(text, i + 1) == n ? List.of() : null;
        }
        while (true) {
            int start = i;
            long value = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 18 || (length > 1 && text.charAt(start) == '0')) {
                return null;
            }
            out.add(value);
            i = skipSpaces(text, i);
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            if (c == ']') {
                return skipSpaces(text, i + 1) == n ? List.copyOf(out) : null;
            }
            if (c != ',') {
                return null;
            }
            i = skipSpaces(text, i + 1);
        }
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\n' || text.charAt(i) == '\t'
                || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
