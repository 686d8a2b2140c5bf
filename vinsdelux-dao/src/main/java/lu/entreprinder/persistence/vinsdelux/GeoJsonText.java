package lu.entreprinder.persistence.vinsdelux;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.ValidationException;

/**
 * Reads, validates and writes {@link GeoJson} text with the library's one JSON parser; behind {@link GeoJson#parse}
 * and {@link GeoJson#toJson}. The stored column's reading and writing ({@code internal.GeoJsonCodec}) builds on
 * those, so the arrows run one way: internal → {@code GeoJson} → this class.
 */
final class GeoJsonText {

    private static final int MAX_POSITIONS = 100_000;

    private GeoJsonText() {
    }

    /**
     * Parses caller input.
     *
     * @throws ValidationException naming {@code field} if not JSON or not supported GeoJSON
     */
    static GeoJson parse(String json, String field) {
        JsonNode node = Json.parse(json, field);
        return fromNode(node, field);
    }

    static GeoJson fromNode(JsonNode node, String field) {
        if (!(node instanceof ObjectNode object)) {
            throw new ValidationException(field, "must be a GeoJSON object");
        }
        JsonNode type = object.get("type");
        if (type == null || !type.isTextual()) {
            throw new ValidationException(field, "must have a \"type\"");
        }
        if ("Feature".equals(type.textValue())) {
            JsonNode geometry = object.get("geometry");
            GeoJson.Geometry g = null;
            if (geometry == null) {
                throw new ValidationException(field, "a Feature must have a \"geometry\" (null when unlocated)");
            }
            if (!geometry.isNull()) {
                if (!(geometry instanceof ObjectNode go) || go.get("type") == null
                        || "Feature".equals(go.get("type").asText())) {
                    throw new ValidationException(field, "a Feature's geometry must be a GeoJSON geometry");
                }
                g = geometry(go, field);
            }
            JsonNode properties = object.get("properties");
            Map<String, Object> props = Map.of();
            if (properties != null && !properties.isNull()) {
                if (!properties.isObject()) {
                    throw new ValidationException(field, "a Feature's properties must be an object or null");
                }
                props = Json.mapper().convertValue(properties, new TypeReference<LinkedHashMap<String, Object>>() {
                });
            }
            return new GeoJson.Feature(g, props);
        }
        return geometry(object, field);
    }

    private static GeoJson.Geometry geometry(ObjectNode object, String field) {
        String typeName = object.get("type").asText();
        GeoJson.GeometryType type;
        try {
            type = GeoJson.GeometryType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "has an unsupported GeoJSON type \"" + typeName
                    + "\" (expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or Feature)");
        }
        JsonNode coordinates = object.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw new ValidationException(field, "a " + typeName + " must have a \"coordinates\" array");
        }
        int[] positions = {0};
        List<?> value = nested(coordinates, type.depth(), type, field, positions);
        return new GeoJson.Geometry(type, value);
    }

    private static List<?> nested(JsonNode array, int depth, GeoJson.GeometryType type, String field, int[] positions) {
        if (!array.isArray()) {
            throw new ValidationException(field, "the coordinates of a " + type + " must be arrays nested "
                    + type.depth() + " deep");
        }
        if (depth == 1) {
            return position((ArrayNode) array, field, positions);
        }
        List<Object> out = new ArrayList<>(array.size());
        for (JsonNode child : array) {
            out.add(nested(child, depth - 1, type, field, positions));
        }
        int min = switch (type) {
            case LineString -> depth == 2 ? 2 : 0;
            case MultiLineString -> depth == 2 ? 2 : 0;
            case Polygon -> depth == 2 ? 4 : depth == 3 ? 1 : 0;
            case MultiPolygon -> depth == 2 ? 4 : depth == 3 ? 1 : 0;
            default -> 0;
        };
        if (out.size() < min) {
            throw new ValidationException(field, "a " + type + " needs at least " + min
                    + (depth == 2 ? " positions" : " elements") + " at that level, had " + out.size());
        }
        boolean ring = (type == GeoJson.GeometryType.Polygon || type == GeoJson.GeometryType.MultiPolygon) && depth == 2;
        if (ring && !out.get(0).equals(out.get(out.size() - 1))) {
            throw new ValidationException(field, "a " + type + " ring must be closed (first position = last)");
        }
        return out;
    }

    private static List<Double> position(ArrayNode array, String field, int[] positions) {
        if (++positions[0] > MAX_POSITIONS) {
            throw new ValidationException(field, "has more than " + MAX_POSITIONS + " positions");
        }
        if (array.size() < 2 || array.size() > 3) {
            throw new ValidationException(field, "a position must have 2 or 3 numbers, had " + array.size());
        }
        List<Double> out = new ArrayList<>(3);
        for (JsonNode n : array) {
            if (!n.isNumber()) {
                throw new ValidationException(field, "a position must contain numbers only, found " + n);
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new ValidationException(field, "a position must contain finite numbers");
            }
            out.add(d);
        }
        if (out.get(0) < -180 || out.get(0) > 180) {
            throw new ValidationException(field, "longitude must be between -180 and 180, was " + out.get(0));
        }
        if (out.get(1) < -90 || out.get(1) > 90) {
            throw new ValidationException(field, "latitude must be between -90 and 90, was " + out.get(1));
        }
        return Collections.unmodifiableList(out);
    }

    /** Deep, immutable copy of coordinates given to the record's constructor. */
    static List<?> immutableCoordinates(List<?> coordinates) {
        if (coordinates == null) {
            throw new NullPointerException("coordinates");
        }
        List<Object> copy = new ArrayList<>(coordinates.size());
        for (Object o : coordinates) {
            if (o instanceof List<?> l) {
                copy.add(immutableCoordinates(l));
            } else if (o instanceof Number n) {
                copy.add(n.doubleValue());
            } else {
                throw new IllegalArgumentException("coordinates must be nested lists of numbers, found " + o);
            }
        }
        return Collections.unmodifiableList(copy);
    }

    /** GeoJSON text of a value. */
    static String write(GeoJson value) {
        if (value instanceof GeoJson.Invalid invalid) {
            return invalid.stored();
        }
        return toNode(value).toString();
    }

    private static ObjectNode toNode(GeoJson value) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (value instanceof GeoJson.Feature f) {
            node.put("type", "Feature");
            node.set("geometry", f.geometry() == null ? node.nullNode() : toNode(f.geometry()));
            node.set("properties", Json.mapper().valueToTree(f.properties()));
        } else {
            GeoJson.Geometry g = (GeoJson.Geometry) value;
            node.put("type", g.type().name());
            node.set("coordinates", Json.mapper().valueToTree(g.coordinates()));
        }
        return node;
    }
}
