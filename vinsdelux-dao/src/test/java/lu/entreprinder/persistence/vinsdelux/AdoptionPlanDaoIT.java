package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.POINT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;

/**
 * {@link AdoptionPlanDao} and {@link CoffretDao}: writes with exact decimals (checked through the plots that offer
 * the plans), refusals naming the field, the list of available plans.
 */
class AdoptionPlanDaoIT {

    @DatabaseTest
    void insertsAndUpdatesCoffretsPlansAndPlotsWithExactDecimals(Database db) {
        var coffretDao = new CoffretDao(db);
        var planDao = new AdoptionPlanDao(db);
        var plotDao = new PlotDao(db);
        long producer = VdlFixtures.producer(db, "Alpha");
        long coffret = coffretDao.insertCoffret(new NewCoffret("Trio", 3, "Three bottles"));
        long plan = planDao.insertAdoptionPlan(new NewAdoptionPlan("Grand", new BigDecimal("999999.99"), 24, coffret,
                true));
        long plot = plotDao.insertPlot(new PlotDetails(producer, "Parcelle", new BigDecimal("999.99"), "Riesling",
                "marl", 300, POINT));
        assertThat(plotDao.linkPlotToPlan(plot, plan)).isTrue();
        assertThat(plotDao.linkPlotToPlan(plot, plan)).isFalse();

        PlotListing listed = plotDao.listPlots(PlotFilter.all(), PageRequest.first()).items().get(0);
        assertThat(listed.sizeHectares()).isEqualTo(new BigDecimal("999.99"));
        assertThat(listed.sizeHectares().scale()).isEqualTo(2);
        assertThat(listed.coordinates()).isEqualTo(GeoJson.point(6.35, 49.55));
        AdoptionPlan p = listed.adoptionPlans().get(0);
        assertThat(p.price().toPlainString()).isEqualTo("999999.99");
        assertThat(p.coffret()).isEqualTo(new Coffret(coffret, "Trio", 3, "Three bottles"));

        assertThat(coffretDao.updateCoffret(coffret, new NewCoffret("Six", 6, "Six bottles"))).isTrue();
        assertThat(planDao.updateAdoptionPlan(plan, new NewAdoptionPlan("Small", new BigDecimal("10"), 6, coffret,
                true))).isTrue();
        assertThat(plotDao.updatePlot(plot, new PlotDetails(producer, "Renamed", new BigDecimal("0.5"), "Auxerrois",
                "clay", 180, null))).isTrue();
        listed = plotDao.listPlots(PlotFilter.all(), PageRequest.first()).items().get(0);
        assertThat(listed.name()).isEqualTo("Renamed");
        assertThat(listed.sizeHectares().toPlainString()).isEqualTo("0.50");
        assertThat(listed.coordinates()).isNull();
        assertThat(listed.adoptionPlans().get(0).price().toPlainString()).isEqualTo("10.00");
        assertThat(listed.adoptionPlans().get(0).coffret().bottles()).isEqualTo(6);

        assertThat(coffretDao.updateCoffret(coffret + 50, new NewCoffret("n", 1, "d"))).isFalse();
        assertThat(planDao.updateAdoptionPlan(plan + 50, new NewAdoptionPlan("n", BigDecimal.ONE, 1, coffret, true)))
                .isFalse();
        assertThat(plotDao.updatePlot(plot + 50, new PlotDetails(producer, "n", BigDecimal.ONE, "g", "s", 1, null)))
                .isFalse();

        assertThat(plotDao.unlinkPlotFromPlan(plot, plan)).isTrue();
        assertThat(plotDao.unlinkPlotFromPlan(plot, plan)).isFalse();
        assertThat(db.dsl().fetchCount(VDL_PLOT_ADOPTION_PLANS)).isZero();
    }

    @DatabaseTest
    void refusesBadCoffretPlanAndPlotInputNamingTheFieldAndWritesNothing(Database db) {
        var coffretDao = new CoffretDao(db);
        var planDao = new AdoptionPlanDao(db);
        var plotDao = new PlotDao(db);
        long producer = VdlFixtures.producer(db, "Alpha");
        long coffret = VdlFixtures.coffret(db, "Duo", 2);
        long plan = VdlFixtures.plan(db, "Basic", "100.00", coffret, true);
        long plot = VdlFixtures.plot(db, producer, "P1");
        String before = VdlFixtures.snapshot(db);

        assertField(() -> coffretDao.insertCoffret(new NewCoffret("", 2, "d")), "name");
        assertField(() -> coffretDao.insertCoffret(new NewCoffret("n", -1, "d")), "bottles");
        assertField(() -> coffretDao.insertCoffret(new NewCoffret("n", null, "d")), "bottles");
        assertField(() -> coffretDao.updateCoffret(coffret, new NewCoffret("n", 2, "")), "description");

        BigDecimal ok = new BigDecimal("10.00");
        assertField(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan(null, ok, 12, coffret, true)), "name");
        assertField(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan("n", new BigDecimal("-1"), 12, coffret,
                true)), "price");
        assertField(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan("n", new BigDecimal("1.234"), 12, coffret,
                true)), "price");
        assertField(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan("n", new BigDecimal("1000000"), 12, coffret,
                true)), "price");
        assertField(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan("n", ok, 0, coffret, true)),
                "durationMonths");
        assertField(() -> planDao.insertAdoptionPlan(new NewAdoptionPlan("n", ok, 12, 0L, true)), "coffretId");
        assertField(() -> planDao.updateAdoptionPlan(plan, new NewAdoptionPlan("n", ok, 12, coffret, null)),
                "available");

        assertField(() -> plotDao.insertPlot(new PlotDetails(null, "n", ok, "g", "s", 1, null)), "producerId");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", new BigDecimal("1000.00"), "g", "s", 1,
                null)), "sizeHectares");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", new BigDecimal("1.001"), "g", "s", 1,
                null)), "sizeHectares");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", ok, "x".repeat(201), "s", 1, null)),
                "grapeVarieties");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", ok, "g", "x".repeat(101), 1, null)),
                "soilType");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", ok, "g", "s", 10_000, null)),
                "elevation");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", ok, "g", "s", 1, "{}")), "coordinates");
        assertField(() -> plotDao.insertPlot(new PlotDetails(producer, "n", ok, "g", "s", 1, null),
                PlotStatus.RESERVED), "status");
        assertField(() -> plotDao.updatePlot(plot, new PlotDetails(producer, "n", ok, "g", "s", 1, "null")),
                "coordinates");
        assertField(() -> plotDao.linkPlotToPlan(0, plan), "plotId");
        assertField(() -> plotDao.linkPlotToPlan(plot, -3), "planId");
        assertField(() -> plotDao.unlinkPlotFromPlan(plot, 0), "planId");
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);
    }

    /** 3 available plans with 2+ plots each, one unavailable plan left out. */
    @DatabaseTest
    void listsAvailablePlansWithCoffretAndOfferingPlotsInOneStatement(Database db) {
        var planDao = new AdoptionPlanDao(db);
        var plotDao = new PlotDao(db);
        long a = VdlFixtures.producer(db, "Alpha");
        long b = VdlFixtures.producer(db, "Beta");
        long duo = VdlFixtures.coffret(db, "Duo", 2);
        long six = VdlFixtures.coffret(db, "Six", 6);
        long basic = VdlFixtures.plan(db, "Basic", "80.00", duo, true);
        long premium = VdlFixtures.plan(db, "Premium", "300.00", six, true);
        long family = VdlFixtures.plan(db, "Family", "150.00", six, true);
        long retired = VdlFixtures.plan(db, "Retired", "10.00", duo, false);
        long p1 = VdlFixtures.plot(db, a, "P1");
        long p2 = VdlFixtures.plot(db, a, "P2");
        long p3 = plotDao.insertPlot(new PlotDetails(b, "P3", BigDecimal.ONE, "g", "s", 1, null),
                PlotStatus.UNAVAILABLE);
        for (long plan : List.of(basic, premium, family, retired)) {
            plotDao.linkPlotToPlan(p1, plan);
            plotDao.linkPlotToPlan(p3, plan);
        }
        plotDao.linkPlotToPlan(p2, premium);
        long lonely = VdlFixtures.plan(db, "Lonely", "500.00", duo, true);

        var counted = Statements.count(db, planDao::listAvailablePlans);
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
}
