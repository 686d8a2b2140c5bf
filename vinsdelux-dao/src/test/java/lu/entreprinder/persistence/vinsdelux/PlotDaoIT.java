package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;

/**
 * {@link PlotDao}: writes in their own savepoint, foreign keys, rows another writer made, the plot listing (nesting,
 * filters, keyset pages, refusals).
 */
class PlotDaoIT {

    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[6.1,49.5],[6.2,49.5],[6.2,49.6],"
            + "[6.1,49.5]]]}";

    /** Writes that can fail on a foreign key run in a savepoint: the caller catches the failure and commits. */
    @DatabaseTest
    void aForeignKeyFailureCaughtByTheCallerLeavesItsTransactionUsable(Database db) {
        var producerDao = new ProducerDao(db);
        var plotDao = new PlotDao(db);
        long kept = db.inTransaction(tx -> {
            long producer = producerDao.insertProducer(new NewProducer("Domaine", "Moselle", "Estate", "p/a.png", null));
            assertThatThrownBy(() -> plotDao.insertPlot(new PlotDetails(999_999L, "Orphan", BigDecimal.ONE,
                    "Riesling", "limestone", 200, null))).isInstanceOf(ForeignKeyViolationException.class);
            assertThatThrownBy(() -> plotDao.linkPlotToPlan(999_998L, 999_999L))
                    .isInstanceOf(ForeignKeyViolationException.class);
            return plotDao.insertPlot(new PlotDetails(producer, "Kept", BigDecimal.ONE, "Riesling", "limestone",
                    200, null));
        });
        assertThat(kept).isPositive();
        assertThat(db.dsl().fetchCount(VDL_PLOT)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(VDL_PRODUCER)).isEqualTo(1);
    }

    /**
     * Rows another writer (the Django app) made with coordinates the library cannot decode: the page still returns,
     * the record says it is not valid, and the warning names table, id and column.
     */
    @DatabaseTest
    void undecodableCoordinatesFromAnotherWriterMarkTheRecordInsteadOfFailingThePage(Database db) {
        var producerDao = new ProducerDao(db);
        var plotDao = new PlotDao(db);
        long producer = producerDao.insertProducer(new NewProducer("Domaine", "Moselle", "Estate", "p/a.png", null));
        long good = plotDao.insertPlot(new PlotDetails(producer, "Good", BigDecimal.ONE, "Riesling", "limestone", 200,
                POLYGON));
        long polygon = plotDao.insertPlot(new PlotDetails(producer, "Empty polygon", BigDecimal.ONE, "Riesling",
                "limestone", 200, null));
        long latLng = plotDao.insertPlot(new PlotDetails(producer, "Lat/lng", BigDecimal.ONE, "Riesling", "limestone",
                200, null));
        // as the Django app writes them: JSON objects, so V6's check accepts them
        db.dsl().update(VDL_PLOT).set(VDL_PLOT.COORDINATES, org.jooq.JSONB.valueOf("{\"type\":\"Polygon\",\"coordinates\":[]}"))
                .where(VDL_PLOT.ID.eq(polygon)).execute();
        db.dsl().update(VDL_PLOT).set(VDL_PLOT.COORDINATES, org.jooq.JSONB.valueOf("{\"lat\":49.6,\"lng\":6.3}"))
                .where(VDL_PLOT.ID.eq(latLng)).execute();
        db.dsl().update(VDL_PRODUCER).set(VDL_PRODUCER.COORDINATES, org.jooq.JSONB.valueOf("{\"lat\":49.6,\"lng\":6.3}"))
                .where(VDL_PRODUCER.ID.eq(producer)).execute();

        var plots = plotDao.listPlots(PlotFilter.all(), PageRequest.first()).items();
        assertThat(plots).extracting(PlotListing::id, PlotListing::valid)
                .containsExactlyInAnyOrder(tuple(good, true), tuple(polygon, false), tuple(latLng, false));
        PlotListing bad = plots.stream().filter(p -> p.id() == latLng).findFirst().orElseThrow();
        assertThat(bad.coordinates()).isInstanceOfSatisfying(GeoJson.Invalid.class,
                i -> assertThat(i.stored().replace(" ", "")).isEqualTo("{\"lat\":49.6,\"lng\":6.3}"));
        assertThat(lu.entreprinder.persistence.core.StoredValues
                .warned("vinsdelux_vdlplot", latLng, "coordinates")).isTrue();
        assertThat(producerDao.listProducers()).singleElement().satisfies(p -> assertThat(p.valid()).isFalse());
    }

    @DatabaseTest
    void insertingAgainstAMissingParentIsAForeignKeyViolation(Database db) {
        var planDao = new AdoptionPlanDao(db);
        var plotDao = new PlotDao(db);
        assertThatThrownBy(() -> plotDao.insertPlot(new PlotDetails(999L, "P", BigDecimal.ONE, "g", "s", 1, null)))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThatThrownBy(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan("P", BigDecimal.ONE, 1, 999L, true)))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThat(db.dsl().fetchCount(VDL_PLOT) + db.dsl().fetchCount(VDL_ADOPTION_PLAN)).isZero();
    }

    /** 3 plots with 2+ plans each (and their coffrets), plus plots without plans. */
    @DatabaseTest
    void listsPlotsWithProducerAndPlansNestedInOneStatement(Database db) {
        var plotDao = new PlotDao(db);
        long a = VdlFixtures.producer(db, "Alpha");
        long b = VdlFixtures.producer(db, "Beta");
        long duo = VdlFixtures.coffret(db, "Duo", 2);
        long six = VdlFixtures.coffret(db, "Six", 6);
        long cheap = VdlFixtures.plan(db, "Cheap", "49.90", duo, true);
        long dear = VdlFixtures.plan(db, "Dear", "250.00", six, true);
        long mid = VdlFixtures.plan(db, "Mid", "120.50", six, false);
        long p1 = VdlFixtures.plot(db, a, "P1");
        long p2 = VdlFixtures.plot(db, a, "P2");
        long p3 = VdlFixtures.plot(db, b, "P3");
        long p4 = VdlFixtures.plot(db, b, "P4");
        for (long plot : List.of(p1, p2, p3)) {
            plotDao.linkPlotToPlan(plot, dear);
            plotDao.linkPlotToPlan(plot, cheap);
        }
        plotDao.linkPlotToPlan(p3, mid);

        var counted = Statements.count(db, () -> plotDao.listPlots(PlotFilter.all(), PageRequest.first()));
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
        var plotDao = new PlotDao(db);
        long a = VdlFixtures.producer(db, "Alpha");
        long b = VdlFixtures.producer(db, "Beta");
        long p1 = VdlFixtures.plot(db, a, "P1", "0.75", "Riesling, Pinot Gris", "limestone", 150);
        long p2 = VdlFixtures.plot(db, a, "P2", "2.00", "Auxerrois", "Marl", 220);
        long p3 = VdlFixtures.plot(db, b, "P3", "10.25", "Pinot Noir, Riesling", "marl", 310);
        long p4 = plotDao.insertPlot(new PlotDetails(b, "P4", new BigDecimal("3.10"), "Elbling", "clay", 400, null),
                PlotStatus.UNAVAILABLE);

        assertThat(ids(db, plotDao, PlotFilter.all().withStatuses(PlotStatus.AVAILABLE))).containsExactly(p1, p2, p3);
        assertThat(ids(db, plotDao, PlotFilter.all().withStatuses(PlotStatus.UNAVAILABLE, PlotStatus.ADOPTED)))
                .containsExactly(p4);
        assertThat(ids(db, plotDao, PlotFilter.all().withProducer(b))).containsExactly(p3, p4);
        assertThat(ids(db, plotDao, PlotFilter.all().withProducer(b).withStatuses(PlotStatus.AVAILABLE)))
                .containsExactly(p3);
        assertThat(ids(db, plotDao, PlotFilter.all().withGrapeVariety("riesling"))).containsExactly(p1, p3);
        assertThat(ids(db, plotDao, PlotFilter.all().withGrapeVariety("50%_"))).isEmpty();
        assertThat(ids(db, plotDao, PlotFilter.all().withSoilType("MARL"))).containsExactly(p2, p3);
        assertThat(ids(db, plotDao, PlotFilter.all().withElevation(200, 310))).containsExactly(p2, p3);
        assertThat(ids(db, plotDao, PlotFilter.all().withElevation(null, 150))).containsExactly(p1);
        assertThat(ids(db, plotDao, PlotFilter.all().withSize(new BigDecimal("2"), new BigDecimal("10.25"))))
                .containsExactly(p2, p3, p4);
        assertThat(ids(db, plotDao, PlotFilter.all().withSize(new BigDecimal("0.76"), null))).containsExactly(p2, p3, p4);
        assertThat(ids(db, plotDao, PlotFilter.all().withSize(null, new BigDecimal("3.09")))).containsExactly(p1, p2);
        assertThat(ids(db, plotDao, PlotFilter.all().withSize(new BigDecimal("3.10"), new BigDecimal("3.10"))))
                .containsExactly(p4);
    }

    @DatabaseTest
    void pagesThroughPlotsWithAKeysetCursor(Database db) {
        var plotDao = new PlotDao(db);
        long a = VdlFixtures.producer(db, "Alpha");
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(VdlFixtures.plot(db, a, "P" + i));
        }
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            PageRequest current = request;
            var counted = Statements.count(db, () -> plotDao.listPlots(PlotFilter.all(), current));
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
        assertField(() -> plotDao.listPlots(PlotFilter.all(), PageRequest.first().next("!!")), "cursor");
        assertField(() -> plotDao.listPlots(PlotFilter.all(), PageRequest.first().next(PageRequest.encode("x"))),
                "cursor");
    }

    @DatabaseTest
    void refusesBadPlotFiltersNamingTheField(Database db) {
        var plotDao = new PlotDao(db);
        assertField(() -> plotDao.listPlots(null, PageRequest.first()), "filter");
        assertField(() -> plotDao.listPlots(PlotFilter.all(), null), "page");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withProducer(0), PageRequest.first()), "producerId");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withGrapeVariety(" "), PageRequest.first()),
                "grapeVariety");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withSoilType("x".repeat(101)), PageRequest.first()),
                "soilType");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withElevation(-501, null), PageRequest.first()),
                "minElevation");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withElevation(null, 9001), PageRequest.first()),
                "maxElevation");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withSize(new BigDecimal("-1"), null),
                PageRequest.first()), "minSize");
        assertField(() -> plotDao.listPlots(PlotFilter.all().withSize(null, new BigDecimal("0.001")),
                PageRequest.first()), "maxSize");
    }

    private static List<Long> ids(Database db, PlotDao plotDao, PlotFilter filter) {
        var counted = Statements.count(db, () -> plotDao.listPlots(filter, PageRequest.first(100)));
        assertThat(counted.statements()).isEqualTo(1);
        return counted.value().items().stream().map(PlotListing::id).toList();
    }
}
