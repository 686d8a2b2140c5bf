package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and writing GeoJSON: no database involved. */
class GeoJsonTest {

    @Test
    void parsesEveryGeometryTypeAndWritesItBack() {
        List<String> valid = List.of(
                "{\"type\":\"Point\",\"coordinates\":[6.1,49.6,310]}",
                "{\"type\":\"MultiPoint\",\"coordinates\":[[6.1,49.6],[6.2,49.7]]}",
                "{\"type\":\"LineString\",\"coordinates\":[[6.1,49.6],[6.2,49.7]]}",
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[6.1,49.6],[6.2,49.7]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[6.1,49.5],[6.2,49.5],[6.2,49.6],[6.1,49.5]]]}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[6.1,49.5],[6.2,49.5],[6.2,49.6],[6.1,49.5]]]]}",
                "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"name\":\"cellar\"}}");
        for (String json : valid) {
            GeoJson parsed = GeoJson.parse(json, "coordinates");
            assertThat(GeoJson.parse(parsed.toJson(), "coordinates")).isEqualTo(parsed);
        }
        GeoJson.Geometry multi = GeoJson.parse(valid.get(5), "c").geometry();
        assertThat(multi.type()).isEqualTo(GeoJson.GeometryType.MultiPolygon);
        assertThat(multi.type().depth()).isEqualTo(4);
        assertThat(GeoJson.parse(valid.get(0), "c")).isEqualTo(new GeoJson.Geometry(GeoJson.GeometryType.Point,
                List.of(6.1, 49.6, 310.0)));
        assertThat(GeoJson.point(6.1, 49.6).toJson()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[6.1,49.6]}");
        assertThat(GeoJson.parse(valid.get(6), "c").geometry()).isNull();
    }

    @Test
    void refusesWhatIsNotGeoJsonNamingTheField() {
        for (String bad : List.of("", "nope", "42", "{\"coordinates\":[1,2]}", "{\"type\":\"GeometryCollection\"}",
                "{\"type\":\"LineString\",\"coordinates\":[[1,2]]}",
                "{\"type\":\"MultiPoint\",\"coordinates\":[1,2]}",
                "{\"type\":\"Point\",\"coordinates\":[1]}",
                "{\"type\":\"Point\",\"coordinates\":[1,2,3,4]}",
                "{\"type\":\"Point\",\"coordinates\":[1,95]}",
                "{\"type\":\"Point\",\"coordinates\":[1,null]}",
                "{\"type\":\"Feature\"}")) {
            assertField(() -> GeoJson.parse(bad, "location"), "location");
        }
        assertField(() -> GeoJson.parse(null, "location"), "location");
    }
}
