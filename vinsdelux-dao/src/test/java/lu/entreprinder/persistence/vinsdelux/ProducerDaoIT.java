package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;

/** {@link ProducerDao}: writes with typed coordinates, refusals naming the field, the listing with plot counts. */
class ProducerDaoIT {

    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[6.1,49.5],[6.2,49.5],[6.2,49.6],"
            + "[6.1,49.5]]]}";

    @DatabaseTest
    void insertsAndUpdatesAProducerWithTypedCoordinates(Database db) {
        var producerDao = new ProducerDao(db);
        long id = producerDao.insertProducer(new NewProducer("Domaine Alice", "Moselle", "Estate", "p/a.png", POLYGON));
        ProducerSummary p = producerDao.listProducers().get(0);
        assertThat(p.id()).isEqualTo(id);
        assertThat(p.name()).isEqualTo("Domaine Alice");
        assertThat(p.coordinates()).isEqualTo(new GeoJson.Geometry(GeoJson.GeometryType.Polygon,
                List.of(List.of(List.of(6.1, 49.5), List.of(6.2, 49.5), List.of(6.2, 49.6), List.of(6.1, 49.5)))));

        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.3,49.7]},"
                + "\"properties\":{\"label\":\"cellar\",\"floor\":2}}";
        assertThat(producerDao.updateProducer(id, new NewProducer("Domaine B", "Nord", "Other", "p/b.png", feature)))
                .isTrue();
        p = producerDao.listProducers().get(0);
        assertThat(p.region()).isEqualTo("Nord");
        assertThat(p.coordinates()).isInstanceOf(GeoJson.Feature.class);
        GeoJson.Feature f = (GeoJson.Feature) p.coordinates();
        assertThat(f.geometry()).isEqualTo(GeoJson.point(6.3, 49.7));
        assertThat(f.properties()).isEqualTo(Map.of("label", "cellar", "floor", 2));

        assertThat(producerDao.updateProducer(id, new NewProducer("Domaine B", "Nord", "Other", "p/b.png", null))).isTrue();
        assertThat(producerDao.listProducers().get(0).coordinates()).isNull();
        assertThat(producerDao.updateProducer(id + 100, new NewProducer("X", "Y", "Z", "l", null))).isFalse();
    }

    @DatabaseTest
    void refusesBadProducerInputNamingTheFieldAndWritesNothing(Database db) {
        var producerDao = new ProducerDao(db);
        long id = VdlFixtures.producer(db, "Alpha");
        String before = VdlFixtures.snapshot(db);
        String longName = "x".repeat(201);
        List<Object[]> cases = List.of(
                new Object[] {new NewProducer(null, "R", "D", "l", null), "name"},
                new Object[] {new NewProducer(longName, "R", "D", "l", null), "name"},
                new Object[] {new NewProducer("N", " ", "D", "l", null), "region"},
                new Object[] {new NewProducer("N", "R", null, "l", null), "description"},
                new Object[] {new NewProducer("N", "R", "D", "x".repeat(101), null), "logo"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{not json"), "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "[1,2]"), "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Circle\",\"coordinates\":[1,2]}"),
                        "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Point\"}"), "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Point\",\"coordinates\":[[1,2]]}"),
                        "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Point\",\"coordinates\":[\"a\",2]}"),
                        "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Point\",\"coordinates\":[200,2]}"),
                        "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"), "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l",
                        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}"), "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Feature\",\"geometry\":{\"type\":"
                        + "\"Feature\",\"geometry\":null}}"), "coordinates"},
                new Object[] {new NewProducer("N", "R", "D", "l", "{\"type\":\"Feature\",\"geometry\":null,"
                        + "\"properties\":[1]}"), "coordinates"});
        for (Object[] c : cases) {
            NewProducer input = (NewProducer) c[0];
            assertField(() -> producerDao.insertProducer(input), (String) c[1]);
            assertField(() -> producerDao.updateProducer(id, input), (String) c[1]);
        }
        assertField(() -> producerDao.insertProducer(null), "producer");
        assertField(() -> producerDao.updateProducer(0, new NewProducer("N", "R", "D", "l", null)), "producerId");
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);
    }

    /** 3 producers with 3 plots each (statuses mixed through the reservation service), one without plots. */
    @DatabaseTest
    void listsProducersWithPlotCountsPerStatusInOneStatement(Database db) {
        var producerDao = new ProducerDao(db);
        var plotDao = new PlotDao(db);
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long anna = Fixtures.user(db, "anna");
        long a = VdlFixtures.producer(db, "A-estate");
        long b = VdlFixtures.producer(db, "B-estate");
        long c = VdlFixtures.producer(db, "C-estate");
        VdlFixtures.producer(db, "D-empty");
        for (long producer : List.of(a, b, c)) {
            VdlFixtures.plot(db, producer, "free");
            plotDao.insertPlot(new PlotDetails(producer, "closed", BigDecimal.ONE, "g", "s", 1, null),
                    PlotStatus.UNAVAILABLE);
        }
        long r1 = VdlFixtures.plot(db, a, "reserved");
        service.reserve(anna, r1, Duration.ofHours(1));
        long r2 = VdlFixtures.plot(db, b, "adopted");
        var reserved = (ReserveResult.Reserved) service.reserve(anna, r2, Duration.ofHours(1));
        service.confirm(anna, reserved.reservationId());
        VdlFixtures.plot(db, c, "free 2");

        var counted = Statements.count(db, producerDao::listProducers);
        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.value()).extracting(ProducerSummary::name)
                .containsExactly("A-estate", "B-estate", "C-estate", "D-empty");
        assertThat(counted.value()).extracting(ProducerSummary::plots).containsExactly(
                new PlotCounts(1, 1, 0, 1), new PlotCounts(1, 0, 1, 1), new PlotCounts(2, 0, 0, 1),
                new PlotCounts(0, 0, 0, 0));
        assertThat(counted.value().get(0).coordinates()).isEqualTo(GeoJson.point(6.35, 49.55));
        assertThat(counted.value().get(0).plots().total()).isEqualTo(3);
    }
}
