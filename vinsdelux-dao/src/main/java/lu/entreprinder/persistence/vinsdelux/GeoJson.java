package lu.entreprinder.persistence.vinsdelux;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GeoJSON coordinates of a producer or a plot (RFC 7946), as stored in the {@code coordinates} JSON column: a
 * {@link Geometry} or a {@link Feature} wrapping one. Positions are {@code [longitude, latitude(, altitude)]}.
 * {@code GeometryCollection} and {@code FeatureCollection} are not accepted.
 */
public sealed interface GeoJson permits GeoJson.Geometry, GeoJson.Feature, GeoJson.Invalid {

    /** The geometry types, with the nesting depth of their {@code coordinates} arrays (a position is depth 1). */
    enum GeometryType {
        Point(1), MultiPoint(2), LineString(2), MultiLineString(3), Polygon(3), MultiPolygon(4);

        private final int depth;

        GeometryType(int depth) {
            this.depth = depth;
        }

        /** How deep the coordinates nest: 1 for a Point's position, 4 for a MultiPolygon. */
        public int depth() {
            return depth;
        }
    }

    /**
     * A geometry.
     *
     * @param type        the geometry type
     * @param coordinates nested lists of {@code Double}, {@link GeometryType#depth()} levels deep (a Point's is the
     *                    position itself)
     */
    record Geometry(GeometryType type, List<?> coordinates) implements GeoJson {
        public Geometry {
            Objects.requireNonNull(type, "type");
            coordinates = GeoJsonText.immutableCoordinates(coordinates);
        }

        @Override
        public Geometry geometry() {
            return this;
        }
    }

    /**
     * A feature: a geometry (null for an unlocated feature) and free-form properties.
     *
     * @param geometry   the geometry, or null
     * @param properties the feature's properties (never null; JSON values as Jackson reads them into Java)
     */
    record Feature(Geometry geometry, Map<String, Object> properties) implements GeoJson {
        public Feature {
            properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(properties));
        }
    }

    /**
     * A stored value that another writer (the Django app shares the table) made and the library cannot decode as
     * GeoJSON, e.g. {@code {"type":"Polygon","coordinates":[]}} or {@code {"lat":49.6,"lng":6.1}}. Reads return it
     * instead of failing the page; the record holding it says it is not valid, and a warning naming table, id and
     * column is logged once per row. Never written by the library.
     *
     * @param stored  the stored JSON text, as it is
     * @param problem why it is not GeoJSON
     */
    record Invalid(String stored, String problem) implements GeoJson {
        @Override
        public Geometry geometry() {
            return null;
        }

        @Override
        public String toJson() {
            return stored;
        }
    }

    /** The geometry: itself, or the feature's (null for a feature without one, or for an {@link Invalid} value). */
    Geometry geometry();

    /** False for a stored value the library could not decode ({@link Invalid}). */
    default boolean valid() {
        return !(this instanceof Invalid);
    }

    /** A point at the given longitude and latitude. */
    static Geometry point(double longitude, double latitude) {
        return new Geometry(GeometryType.Point, List.of(longitude, latitude));
    }

    /**
     * Parses and validates GeoJSON text.
     *
     * @throws lu.entreprinder.persistence.core.ValidationException naming {@code field} if the text is not JSON or
     *         not a supported GeoJSON object (wrong type, missing or badly nested coordinates, non-numeric or out of
     *         range positions, unclosed polygon rings)
     */
    static GeoJson parse(String json, String field) {
        return GeoJsonText.parse(json, field);
    }

    /** This value as GeoJSON text. */
    default String toJson() {
        return GeoJsonText.write(this);
    }
}
