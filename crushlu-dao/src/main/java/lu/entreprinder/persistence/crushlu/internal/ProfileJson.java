package lu.entreprinder.persistence.crushlu.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import lu.entreprinder.persistence.core.Json;
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

    /** A JSON array of ids; null (SQL NULL) is the empty list. */
    public static List<Long> longs(JSONB json) {
        return json == null ? List.of() : List.copyOf(Json.fromJsonb(json, LONGS));
    }
}
