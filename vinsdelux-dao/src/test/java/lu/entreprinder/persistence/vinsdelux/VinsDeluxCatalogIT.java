package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.POINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;

class VinsDeluxCatalogIT {

    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[6.1,49.5],[6.2,49.5],[6.2,49.6],"
            + "[6.1,49.5]]]}";

    // ---------------------------------------------------------------------------------------------- writes

    /** Writes that can fail on a foreign key run in a savepoint: the caller catches the failure and commits. */
    @DatabaseTest
    void aForeignKeyFailureCaughtByTheCallerLeavesItsTransactionUsable(Database db) {
        VinsDeluxCatalog catalog = new VinsDeluxCatalog(db);
        long kept = db.inTransaction(tx -> {
            long producer = catalog.insertProducer(new NewProducer("Domaine", "Moselle", "Estate", "p/a.png", null));
            assertThatThrownBy(() -> catalog.insertPlot(new PlotDetails(999_999L, "Orphan", BigDecimal.ONE,
                    "Riesling", "limestone", 200, null))).isInstanceOf(ForeignKeyViolationException.class);
            assertThatThrownBy(() -> catalog.linkPlotToPlan(999_998L, 999_999L))
                    .isInstanceOf(ForeignKeyViolationException.class);
            return catalog.insertPlot(new PlotDetails(producer, "Kept", BigDecimal.ONE, "Riesling", "limestone",
                    200, null));
        });
        assertThat(kept).isPositive();
        assertThat(db.dsl().fetchCount(VDL_PLOT)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(VDL_PRODUCER)).isEqualTo(1);
    }

    @DatabaseTest
    void insertsAndUpdatesAProducerWithTypedCoordinates(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long id = catalog.insertProducer(new NewProducer("Domaine Alice", "Moselle", "Estate", "p/a.png", POLYGON));
        ProducerSummary p = catalog.listProducers().get(0);
        assertThat(p.id()).isEqualTo(id);
        assertThat(p.name()).isEqualTo("Domaine Alice");
        assertThat(p.coordinates()).isEqualTo(new GeoJson.Geometry(GeoJson.GeometryType.Polygon,
                List.of(List.of(List.of(6.1, 49.5), List.of(6.2, 49.5), List.of(6.2, 49.6), List.of(6.1, 49.5)))));

        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.3,49.7]},"
                + "\"properties\":{\"label\":\"cellar\",\"floor\":2}}";
        assertThat(catalog.updateProducer(id, new NewProducer("Domaine B", "Nord", "Other", "p/b.png", feature)))
                .isTrue();
        p = catalog.listProducers().get(0);
        assertThat(p.region()).isEqualTo("Nord");
        assertThat(p.coordinates()).isInstanceOf(GeoJson.Feature.class);
        GeoJson.Feature f = (GeoJson.Feature) p.coordinates();
        assertThat(f.geometry()).isEqualTo(GeoJson.point(6.3, 49.7));
        assertThat(f.properties()).isEqualTo(Map.of("label", "cellar", "floor", 2));

        assertThat(catalog.updateProducer(id, new NewProducer("Domaine B", "Nord", "Other", "p/b.png", null))).isTrue();
        assertThat(catalog.listProducers().get(0).coordinates()).isNull();
        assertThat(catalog.updateProducer(id + 100, new NewProducer("X", "Y", "Z", "l", null))).isFalse();
    }

    @DatabaseTest
    void insertsAndUpdatesCoffretsPlansAndPlotsWithExactDecimals(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long producer = VdlFixtures.producer(catalog, "Alpha");
        long coffret = catalog.insertCoffret(new NewCoffret("Trio", 3, "Three bottles"));
        long plan = catalog.insertAdoptionPlan(new NewAdoptionPlan("Grand", new BigDecimal("999999.99"), 24, coffret,
                true));
        long plot = catalog.insertPlot(new PlotDetails(producer, "Parcelle", new BigDecimal("999.99"), "Riesling",
                "marl", 300, POINT));
        assertThat(catalog.linkPlotToPlan(plot, plan)).isTrue();
        assertThat(catalog.linkPlotToPlan(plot, plan)).isFalse();

        PlotListing listed = catalog.listPlots(PlotFilter.all(), PageRequest.first()).items().get(0);
        assertThat(listed.sizeHectares()).isEqualTo(new BigDecimal("999.99"));
        assertThat(listed.sizeHectares().scale()).isEqualTo(2);
        assertThat(listed.coordinates()).isEqualTo(GeoJson.point(6.35, 49.55));
        AdoptionPlan p = listed.adoptionPlans().get(0);
        assertThat(p.price().toPlainString()).isEqualTo("999999.99");
        assertThat(p.coffret()).isEqualTo(new Coffret(coffret, "Trio", 3, "Three bottles"));

        assertThat(catalog.updateCoffret(coffret, new NewCoffret("Six", 6, "Six bottles"))).isTrue();
        assertThat(catalog.updateAdoptionPlan(plan, new NewAdoptionPlan("Small", new BigDecimal("10"), 6, coffret,
                true))).isTrue();
        assertThat(catalog.updatePlot(plot, new PlotDetails(producer, "Renamed", new BigDecimal("0.5"), "Auxerrois",
                "clay", 180, null))).isTrue();
        listed = catalog.listPlots(PlotFilter.all(), PageRequest.first()).items().get(0);
        assertThat(listed.name()).isEqualTo("Renamed");
        assertThat(listed.sizeHectares().toPlainString()).isEqualTo("0.50");
        assertThat(listed.coordinates()).isNull();
        assertThat(listed.adoptionPlans().get(0).price().toPlainString()).isEqualTo("10.00");
        assertThat(listed.adoptionPlans().get(0).coffret().bottles()).isEqualTo(6);

        assertThat(catalog.updateCoffret(coffret + 50, new NewCoffret("n", 1, "d"))).isFalse();
        assertThat(catalog.updateAdoptionPlan(plan + 50, new NewAdoptionPlan("n", BigDecimal.ONE, 1, coffret, true)))
                .isFalse();
        assertThat(catalog.updatePlot(plot + 50, new PlotDetails(producer, "n", BigDecimal.ONE, "g", "s", 1, null)))
                .isFalse();

        assertThat(catalog.unlinkPlotFromPlan(plot, plan)).isTrue();
        assertThat(catalog.unlinkPlotFromPlan(plot, plan)).isFalse();
        assertThat(db.dsl().fetchCount(VDL_PLOT_ADOPTION_PLANS)).isZero();
    }

    /**
     * Rows another writer (the Django app) made with coordinates the library cannot decode: the page still returns,
     * the record says it is not valid, and the warning names table, id and column.
     */
    @DatabaseTest
    void undecodableCoordinatesFromAnotherWriterMarkTheRecordInsteadOfFailingThePage(Database db) {
        VinsDeluxCatalog catalog = new VinsDeluxCatalog(db);
        long producer = catalog.insertProducer(new NewProducer("Domaine", "Moselle", "Estate", "p/a.png", null));
        long good = catalog.insertPlot(new PlotDetails(producer, "Good", BigDecimal.ONE, "Riesling", "limestone", 200,
                POLYGON));
        long polygon = catalog.insertPlot(new PlotDetails(producer, "Empty polygon", BigDecimal.ONE, "Riesling",
                "limestone", 200, null));
        long latLng = catalog.insertPlot(new PlotDetails(producer, "Lat/lng", BigDecimal.ONE, "Riesling", "limestone",
                200, null));
        // as the Django app writes them: JSON objects, so V6's check accepts them
        db.dsl().update(VDL_PLOT).set(VDL_PLOT.COORDINATES, org.jooq.JSONB.valueOf("{\"type\":\"Polygon\",\"coordinates\":[]}"))
                .where(VDL_PLOT.ID.eq(polygon)).execute();
        db.dsl().update(VDL_PLOT).set(VDL_PLOT.COORDINATES, org.jooq.JSONB.valueOf("{\"lat\":49.6,\"lng\":6.3}"))
                .where(VDL_PLOT.ID.eq(latLng)).execute();
        db.dsl().update(VDL_PRODUCER).set(VDL_PRODUCER.COORDINATES, org.jooq.JSONB.valueOf("{\"lat\":49.6,\"lng\":6.3}"))
                .where(VDL_PRODUCER.ID.eq(producer)).execute();

        var plots = catalog.listPlots(PlotFilter.all(), PageRequest.first()).items();
        assertThat(plots).extracting(PlotListing::id, PlotListing::valid)
                .containsExactlyInAnyOrder(tuple(good, true), tuple(polygon, false), tuple(latLng, false));
        PlotListing bad = plots.stream().filter(p -> p.id() == latLng).findFirst().orElseThrow();
        assertThat(bad.coordinates()).isInstanceOfSatisfying(GeoJson.Invalid.class,
                i -> assertThat(i.stored().replace(" ", "")).isEqualTo("{\"lat\":49.6,\"lng\":6.3}"));
        assertThat(lu.entreprinder.persistence.core.StoredValues
                .warned("vinsdelux_vdlplot", latLng, "coordinates")).isTrue();
        assertThat(catalog.listProducers()).singleElement().satisfies(p -> assertThat(p.valid()).isFalse());
    }

    @DatabaseTest
    void insertingAgainstAMissingParentIsAForeignKeyViolation(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        assertThatThrownBy(() -> catalog.insertPlot(new PlotDetails(999L, "P", BigDecimal.ONE, "g", "s", 1, null)))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThatThrownBy(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan("P", BigDecimal.ONE, 1, 999L, true)))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThat(db.dsl().fetchCount(VDL_PLOT) + db.dsl().fetchCount(VDL_ADOPTION_PLAN)).isZero();
    }

    @DatabaseTest
    void refusesBadProducerInputNamingTheFieldAndWritesNothing(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long id = VdlFixtures.producer(catalog, "Alpha");
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
            assertField(() -> catalog.insertProducer(input), (String) c[1]);
            assertField(() -> catalog.updateProducer(id, input), (String) c[1]);
        }
        assertField(() -> catalog.insertProducer(null), "producer");
        assertField(() -> catalog.updateProducer(0, new NewProducer("N", "R", "D", "l", null)), "producerId");
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void refusesBadCoffretPlanAndPlotInputNamingTheFieldAndWritesNothing(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long producer = VdlFixtures.producer(catalog, "Alpha");
        long coffret = VdlFixtures.coffret(catalog, "Duo", 2);
        long plan = VdlFixtures.plan(catalog, "Basic", "100.00", coffret, true);
        long plot = VdlFixtures.plot(catalog, producer, "P1");
        String before = VdlFixtures.snapshot(db);

        assertField(() -> catalog.insertCoffret(new NewCoffret("", 2, "d")), "name");
        assertField(() -> catalog.insertCoffret(new NewCoffret("n", -1, "d")), "bottles");
        assertField(() -> catalog.insertCoffret(new NewCoffret("n", null, "d")), "bottles");
        assertField(() -> catalog.updateCoffret(coffret, new NewCoffret("n", 2, "")), "description");

        BigDecimal ok = new BigDecimal("10.00");
        assertField(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan(null, ok, 12, coffret, true)), "name");
        assertField(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan("n", new BigDecimal("-1"), 12, coffret,
                true)), "price");
        assertField(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan("n", new BigDecimal("1.234"), 12, coffret,
                true)), "price");
        assertField(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan("n", new BigDecimal("1000000"), 12, coffret,
                true)), "price");
        assertField(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan("n", ok, 0, coffret, true)),
                "durationMonths");
        assertField(() -> catalog.insertAdoptionPlan(new NewAdoptionPlan("n", ok, 12, 0L, true)), "coffretId");
        assertField(() -> catalog.updateAdoptionPlan(plan, new NewAdoptionPlan("n", ok, 12, coffret, null)),
                "available");

        assertField(() -> catalog.insertPlot(new PlotDetails(null, "n", ok, "g", "s", 1, null)), "producerId");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", new BigDecimal("1000.00"), "g", "s", 1,
                null)), "sizeHectares");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", new BigDecimal("1.001"), "g", "s", 1,
                null)), "sizeHectares");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", ok, "x".repeat(201), "s", 1, null)),
                "grapeVarieties");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", ok, "g", "x".repeat(101), 1, null)),
                "soilType");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", ok, "g", "s", 10_000, null)),
                "elevation");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", ok, "g", "s", 1, "{}")), "coordinates");
        assertField(() -> catalog.insertPlot(new PlotDetails(producer, "n", ok, "g", "s", 1, null),
                PlotStatus.RESERVED), "status");
        assertField(() -> catalog.updatePlot(plot, new PlotDetails(producer, "n", ok, "g", "s", 1, "null")),
                "coordinates");
        assertField(() -> catalog.linkPlotToPlan(0, plan), "plotId");
        assertField(() -> catalog.linkPlotToPlan(plot, -3), "planId");
        assertField(() -> catalog.unlinkPlotFromPlan(plot, 0), "planId");
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** 3 producers with 3 plots each (statuses mixed through the reservation service), one without plots. */
    @DatabaseTest
    void listsProducersWithPlotCountsPerStatusInOneStatement(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long anna = Fixtures.user(db, "anna");
        long a = VdlFixtures.producer(catalog, "A-estate");
        long b = VdlFixtures.producer(catalog, "B-estate");
        long c = VdlFixtures.producer(catalog, "C-estate");
        VdlFixtures.producer(catalog, "D-empty");
        for (long producer : List.of(a, b, c)) {
            VdlFixtures.plot(catalog, producer, "free");
            catalog.insertPlot(new PlotDetails(producer, "closed", BigDecimal.ONE, "g", "s", 1, null),
                    PlotStatus.UNAVAILABLE);
        }
        long r1 = VdlFixtures.plot(catalog, a, "reserved");
        service.reserve(anna, r1, Duration.ofHours(1));
        long r2 = VdlFixtures.plot(catalog, b, "adopted");
        var reserved = (ReserveResult.Reserved) service.reserve(anna, r2, Duration.ofHours(1));
        service.confirm(anna, reserved.reservationId());
        VdlFixtures.plot(catalog, c, "free 2");

        var counted = Statements.count(db, catalog::listProducers);
        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.value()).extracting(ProducerSummary::name)
                .containsExactly("A-estate", "B-estate", "C-estate", "D-empty");
        assertThat(counted.value()).extracting(ProducerSummary::plots).containsExactly(
                new PlotCounts(1, 1, 0, 1), new PlotCounts(1, 0, 1, 1), new PlotCounts(2, 0, 0, 1),
                new PlotCounts(0, 0, 0, 0));
        assertThat(counted.value().get(0).coordinates()).isEqualTo(GeoJson.point(6.35, 49.55));
        assertThat(counted.value().get(0).plots().total()).isEqualTo(3);
    }

    /** 3 plots with 2+ plans each (and their coffrets), plus plots without plans. */
    @DatabaseTest
    void listsPlotsWithProducerAndPlansNestedInOneStatement(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long a = VdlFixtures.producer(catalog, "Alpha");
        long b = VdlFixtures.producer(catalog, "Beta");
        long duo = VdlFixtures.coffret(catalog, "Duo", 2);
        long six = VdlFixtures.coffret(catalog, "Six", 6);
        long cheap = VdlFixtures.plan(catalog, "Cheap", "49.90", duo, true);
        long dear = VdlFixtures.plan(catalog, "Dear", "250.00", six, true);
        long mid = VdlFixtures.plan(catalog, "Mid", "120.50", six, false);
        long p1 = VdlFixtures.plot(catalog, a, "P1");
        long p2 = VdlFixtures.plot(catalog, a, "P2");
        long p3 = VdlFixtures.plot(catalog, b, "P3");
        long p4 = VdlFixtures.plot(catalog, b, "P4");
        for (long plot : List.of(p1, p2, p3)) {
            catalog.linkPlotToPlan(plot, dear);
            catalog.linkPlotToPlan(plot, cheap);
        }
        catalog.linkPlotToPlan(p3, mid);

        var counted = Statements.count(db, () -> catalog.listPlots(PlotFilter.all(), PageRequest.first()));
        assertThat(counted.statements()).isEqualTo(1);
        List<PlotListing> items = counted.value().items();
        assertThat(items).extracting(PlotListing::id).containsExactly(p1, p2, p3, p4);
        assertThat(counted.value().hasNext()).isFalse();
        assertThat(items.get(0).producer()).isEqualTo(new ProducerRef(a, "Alpha", "Moselle"));
        assertThat(items.get(2).producer()).isEqualTo(new ProducerRef(b, "Beta", "Moselle"));
        assertThat(items.get(0).adoptionPlans()).extracting(AdoptionPlan::id).containsExactly(cheap, dear);
        assertThat(items.get(2).adoptionPlans()).extracting(AdoptionPlan::id).containsExactly(cheap, mid, dear);
        assertThat(items.get(2).adoptionPlans().get(1)).isEqualTo(new AdoptionPlan(mid, "Mid",
                new BigDecimal("120.50"), 12, false, new Coffret(six, "Six", 6, "A box of 6")));
        assertThat(items.get(0).adoptionPlans().get(0).price().toPlainString()).isEqualTo("49.90");
        assertThat(items.get(3).adoptionPlans()).isEmpty();
        assertThat(items.get(0).status()).isEqualTo(PlotStatus.AVAILABLE);
        assertThat(items.get(0).sizeHectares().toPlainString()).isEqualTo("1.50");
    }

    @DatabaseTest
    void filtersPlotsByStatusProducerGrapeSoilElevationAndSize(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long a = VdlFixtures.producer(catalog, "Alpha");
        long b = VdlFixtures.producer(catalog, "Beta");
        long p1 = VdlFixtures.plot(catalog, a, "P1", "0.75", "Riesling, Pinot Gris", "limestone", 150);
        long p2 = VdlFixtures.plot(catalog, a, "P2", "2.00", "Auxerrois", "Marl", 220);
        long p3 = VdlFixtures.plot(catalog, b, "P3", "10.25", "Pinot Noir, Riesling", "marl", 310);
        long p4 = catalog.insertPlot(new PlotDetails(b, "P4", new BigDecimal("3.10"), "Elbling", "clay", 400, null),
                PlotStatus.UNAVAILABLE);

        assertThat(ids(db, catalog, PlotFilter.all().withStatuses(PlotStatus.AVAILABLE))).containsExactly(p1, p2, p3);
        assertThat(ids(db, catalog, PlotFilter.all().withStatuses(PlotStatus.UNAVAILABLE, PlotStatus.ADOPTED)))
                .containsExactly(p4);
        assertThat(ids(db, catalog, PlotFilter.all().withProducer(b))).containsExactly(p3, p4);
        assertThat(ids(db, catalog, PlotFilter.all().withProducer(b).withStatuses(PlotStatus.AVAILABLE)))
                .containsExactly(p3);
        assertThat(ids(db, catalog, PlotFilter.all().withGrapeVariety("riesling"))).containsExactly(p1, p3);
        assertThat(ids(db, catalog, PlotFilter.all().withGrapeVariety("50%_"))).isEmpty();
        assertThat(ids(db, catalog, PlotFilter.all().withSoilType("MARL"))).containsExactly(p2, p3);
        assertThat(ids(db, catalog, PlotFilter.all().withElevation(200, 310))).containsExactly(p2, p3);
        assertThat(ids(db, catalog, PlotFilter.all().withElevation(null, 150))).containsExactly(p1);
        assertThat(ids(db, catalog, PlotFilter.all().withSize(new BigDecimal("2"), new BigDecimal("10.25"))))
                .containsExactly(p2, p3, p4);
        assertThat(ids(db, catalog, PlotFilter.all().withSize(new BigDecimal("0.76"), null))).containsExactly(p2, p3, p4);
        assertThat(ids(db, catalog, PlotFilter.all().withSize(null, new BigDecimal("3.09")))).containsExactly(p1, p2);
        assertThat(ids(db, catalog, PlotFilter.all().withSize(new BigDecimal("3.10"), new BigDecimal("3.10"))))
                .containsExactly(p4);
    }

    @DatabaseTest
    void pagesThroughPlotsWithAKeysetCursor(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long a = VdlFixtures.producer(catalog, "Alpha");
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(VdlFixtures.plot(catalog, a, "P" + i));
        }
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            PageRequest current = request;
            var counted = Statements.count(db, () -> catalog.listPlots(PlotFilter.all(), current));
            assertThat(counted.statements()).isEqualTo(1);
            Page<PlotListing> page = counted.value();
            pages++;
            page.items().forEach(p -> seen.add(p.id()));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(all);
        assertField(() -> catalog.listPlots(PlotFilter.all(), PageRequest.first().next("!!")), "cursor");
        assertField(() -> catalog.listPlots(PlotFilter.all(), PageRequest.first().next(PageRequest.encode("x"))),
                "cursor");
    }

    @DatabaseTest
    void refusesBadPlotFiltersNamingTheField(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        assertField(() -> catalog.listPlots(null, PageRequest.first()), "filter");
        assertField(() -> catalog.listPlots(PlotFilter.all(), null), "page");
        assertField(() -> catalog.listPlots(PlotFilter.all().withProducer(0), PageRequest.first()), "producerId");
        assertField(() -> catalog.listPlots(PlotFilter.all().withGrapeVariety(" "), PageRequest.first()),
                "grapeVariety");
        assertField(() -> catalog.listPlots(PlotFilter.all().withSoilType("x".repeat(101)), PageRequest.first()),
                "soilType");
        assertField(() -> catalog.listPlots(PlotFilter.all().withElevation(-501, null), PageRequest.first()),
                "minElevation");
        assertField(() -> catalog.listPlots(PlotFilter.all().withElevation(null, 9001), PageRequest.first()),
                "maxElevation");
        assertField(() -> catalog.listPlots(PlotFilter.all().withSize(new BigDecimal("-1"), null),
                PageRequest.first()), "minSize");
        assertField(() -> catalog.listPlots(PlotFilter.all().withSize(null, new BigDecimal("0.001")),
                PageRequest.first()), "maxSize");
    }

    /** 3 available plans with 2+ plots each, one unavailable plan left out. */
    @DatabaseTest
    void listsAvailablePlansWithCoffretAndOfferingPlotsInOneStatement(Database db) {
        var catalog = new VinsDeluxCatalog(db);
        long a = VdlFixtures.producer(catalog, "Alpha");
        long b = VdlFixtures.producer(catalog, "Beta");
        long duo = VdlFixtures.coffret(catalog, "Duo", 2);
        long six = VdlFixtures.coffret(catalog, "Six", 6);
        long basic = VdlFixtures.plan(catalog, "Basic", "80.00", duo, true);
        long premium = VdlFixtures.plan(catalog, "Premium", "300.00", six, true);
        long family = VdlFixtures.plan(catalog, "Family", "150.00", six, true);
        long retired = VdlFixtures.plan(catalog, "Retired", "10.00", duo, false);
        long p1 = VdlFixtures.plot(catalog, a, "P1");
        long p2 = VdlFixtures.plot(catalog, a, "P2");
        long p3 = catalog.insertPlot(new PlotDetails(b, "P3", BigDecimal.ONE, "g", "s", 1, null),
                PlotStatus.UNAVAILABLE);
        for (long plan : List.of(basic, premium, family, retired)) {
            catalog.linkPlotToPlan(p1, plan);
            catalog.linkPlotToPlan(p3, plan);
        }
        catalog.linkPlotToPlan(p2, premium);
        long lonely = VdlFixtures.plan(catalog, "Lonely", "500.00", duo, true);

        var counted = Statements.count(db, catalog::listAvailablePlans);
        assertThat(counted.statements()).isEqualTo(1);
        List<AvailablePlan> plans = counted.value();
        assertThat(plans).extracting(p -> p.plan().id()).containsExactly(basic, family, premium, lonely);
        assertThat(plans.get(0).plan().coffret()).isEqualTo(new Coffret(duo, "Duo", 2, "A box of 2"));
        assertThat(plans.get(0).plan().price().toPlainString()).isEqualTo("80.00");
        assertThat(plans.get(2).plots()).extracting(PlotRef::id).containsExactly(p1, p2, p3);
        assertThat(plans.get(2).plots().get(2)).isEqualTo(new PlotRef(p3, "P3", PlotStatus.UNAVAILABLE,
                new ProducerRef(b, "Beta", "Moselle")));
        assertThat(plans.get(1).plots()).extracting(PlotRef::id).containsExactly(p1, p3);
        assertThat(plans.get(3).plots()).isEmpty();
    }

    private static List<Long> ids(Database db, VinsDeluxCatalog catalog, PlotFilter filter) {
        var counted = Statements.count(db, () -> catalog.listPlots(filter, PageRequest.first(100)));
        assertThat(counted.statements()).isEqualTo(1);
        return counted.value().items().stream().map(PlotListing::id).toList();
    }
}
