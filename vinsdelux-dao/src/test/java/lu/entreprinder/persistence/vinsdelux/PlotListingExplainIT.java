package lu.entreprinder.persistence.vinsdelux;

import static org.assertj.core.api.Assertions.assertThat;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import org.junit.jupiter.api.Tag;

/**
 * Throwaway: the plan of the plot listing over 50,000 plots. Not part of the default run; run with
 * {@code -Pplans -Dit.test=PlotListingExplainIT}. PostgreSQL only: the plan of production matters.
 */
@Tag("plan")
class PlotListingExplainIT {

    @DatabaseTest(Backend.POSTGRESQL)
    void explainsThePlotListingOver50000Plots(Database db) {
        var plots = new PlotDao(db);
        for (int i = 0; i < 50; i++) {
            VdlFixtures.producer(db, "Producer " + i);
        }
        long coffret = VdlFixtures.coffret(db, "Duo", 2);
        for (int i = 0; i < 5; i++) {
            VdlFixtures.plan(db, "Plan " + i, (50 + i * 25) + ".00", coffret, true);
        }
        // test data only: fixed SQL, no input
        db.dsl().execute("""
                insert into vinsdelux_vdlplot (producer_id, name, status, size_hectares, grape_varieties, soil_type,
                                               elevation, coordinates)
                select 1 + g % 50, 'Plot ' || g,
                       case when h < 60 then 'available' when h < 85 then 'adopted'
                            when h < 95 then 'reserved' else 'unavailable' end,
                       (g % 900) / 100.0 + 0.25,
                       case when g % 3 = 0 then 'Riesling, Pinot Gris' else 'Auxerrois' end,
                       case when g % 2 = 0 then 'limestone' else 'marl' end,
                       100 + g % 300, null
                from generate_series(1, 50000) g,
                     lateral (select ('x' || substr(md5(g::text), 1, 6))::bit(24)::int % 100 as h) r""");
        db.dsl().execute("""
                insert into vinsdelux_vdlplot_adoption_plans (vdlplot_id, vdladoptionplan_id)
                select p.id, 1 + (p.id + k) % 5 from vinsdelux_vdlplot p, generate_series(0, 1) k""");
        db.dsl().execute("analyze");

        String all = plan(db, () -> plots.listPlots(PlotFilter.all().withStatuses(PlotStatus.AVAILABLE),
                PageRequest.first(20)));
        String byProducer = plan(db, () -> plots.listPlots(PlotFilter.all().withProducer(7)
                .withStatuses(PlotStatus.AVAILABLE), PageRequest.first(20)));
        String filtered = plan(db, () -> plots.listPlots(PlotFilter.all().withStatuses(PlotStatus.AVAILABLE)
                .withGrapeVariety("riesling").withElevation(150, 250)
                .withSize(new java.math.BigDecimal("1.00"), new java.math.BigDecimal("5.00")),
                PageRequest.first(20).next(PageRequest.encode(20000))));
        String rare = plan(db, () -> plots.listPlots(PlotFilter.all().withStatuses(PlotStatus.UNAVAILABLE),
                PageRequest.first(20)));
        System.out.println("=== status = available, first page of 20\n" + all);
        System.out.println("=== status = unavailable (5%), first page of 20\n" + rare);
        System.out.println("=== producer 7 + status = available\n" + byProducer);
        System.out.println("=== status + grape + elevation + size, after id 20000\n" + filtered);
        assertThat(all).contains("Limit");
    }

    /** EXPLAIN ANALYZE of the one statement {@code listing} sends. */
    private static String plan(Database db, Runnable listing) {
        var plans = db.explain(listing, true);
        assertThat(plans).hasSize(1);
        return plans.get(0).plan();
    }
}
