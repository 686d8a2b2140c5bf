package lu.entreprinder.persistence.core;

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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
     * Parses caller input.
     *
     * @throws ValidationException naming {@code field} if the text is not JSON
     */
    public static JsonNode parse(String text, String field) {
        Check.required(text, field);
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException(field, "is not valid JSON: " + e.getOriginalMessage());
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
