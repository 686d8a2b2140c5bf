package lu.entreprinder.persistence.crushlu.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

    /** A JSON array of ids; null (SQL NULL) is the empty list. */
    public static List<Long> longs(JSONB json) {
        return json == null ? List.of() : List.copyOf(Json.fromJsonb(json, LONGS));
    }
}
