package lu.entreprinder.persistence.core.internal;

import lu.entreprinder.persistence.core.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSONB;

/**
 * The one JSON parser of the library (Jackson), between JSON columns ({@link JSONB}, text on SQLite) and the typed
 * records DAOs return. Callers never see raw JSON strings.
 */
public final class Json {

    // Trailing text after the JSON value is malformed input, not something to drop silently.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Serialises a value for a JSON column. */
    public static JSONB toJsonb(Object value) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON", e);
        }
    }

    /** Reads a JSON column into the given type; a value the library did not write is an internal error. */
    public static <T> T fromJsonb(JSONB json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not match " + type.getType() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses caller input: exactly one JSON value, whose strings (and keys) hold only text both databases store —
     * PostgreSQL's jsonb refuses NUL, and an unpaired surrogate would be stored as '?'.
     *
     * @throws ValidationException naming {@code field} if the text is not one JSON value or holds such a string
     */
    public static JsonNode parse(String text, String field) {
        Check.optionalText(Check.required(text, field), 0, field);
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException(field, "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new ValidationException(field, "is not valid JSON: no value");
        }
        checkStrings(node, field);
        return node;
    }

    private static void checkStrings(JsonNode node, String field) {
        if (node.isTextual()) {
            Check.optionalText(node.textValue(), 0, field);
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            Check.optionalText(names.next(), 0, field);
        }
        for (JsonNode child : node) {
            checkStrings(child, field);
        }
    }

    /** Serialises a tree. */
    public static JSONB toJsonb(JsonNode node) {
        return JSONB.valueOf(node.toString());
    }

    /** The mapper, for DAOs that convert trees. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
