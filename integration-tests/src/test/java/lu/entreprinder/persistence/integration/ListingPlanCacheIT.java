package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.crushlu.EventFilter;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.vinsdelux.PlotFilter;
import lu.entreprinder.persistence.vinsdelux.PlotStatus;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The paged listings are planned once per connection, not on every call. pgjdbc prepares a statement on the server
 * after its fifth execution; PostgreSQL then plans it five more times with the call's values and keeps a generic plan
 * when that plan costs no more. A LIMIT bound as a parameter defeats this: the generic plan cannot know the LIMIT,
 * assumes a tenth of the rows and always looks dearer, so every call is planned again (for the plot listing the
 * planning took longer than the execution). The DAOs render a page's LIMIT inline: a statement per page size.
 * PostgreSQL only: SQLite has no plan cache of this kind.
 */
class ListingPlanCacheIT {

    private static final int CALLS = 15;
    /**
     * Page sizes no other test uses: the pool's connections are shared, and each keeps the statements prepared on it,
     * so the statement is found by its own LIMIT.
     */
    private static final int PLOT_PAGE = 37;
    private static final int EVENT_PAGE = 43;

    @DatabaseTest(Backend.POSTGRESQL)
    void thePlotListingIsPlannedOnceNotOnEveryCall(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        // test data only: fixed SQL, no input
        db.dsl().execute("""
                insert into vinsdelux_vdlplot (producer_id, name, status, size_hectares, grape_varieties, soil_type,
                                               elevation, coordinates)
                select %d, 'Plot ' || g, case when g %% 2 = 0 then 'available' else 'adopted' end, 1.25, 'Riesling',
                       'marl', 100 + g %% 300, null
                from generate_series(1, 50000) g""".formatted(w.producer));
        db.dsl().execute("""
                insert into vinsdelux_vdlplot_adoption_plans (vdlplot_id, vdladoptionplan_id)
                select id, %d from vinsdelux_vdlplot where id %% 3 <> 0""".formatted(w.plan));
        db.dsl().execute("analyze");

        Record2<Long, Long> plans = db.inTransaction(tx -> {
            for (int i = 0; i < CALLS; i++) {
                assertThat(w.plotDao.listPlots(PlotFilter.all().withStatuses(PlotStatus.AVAILABLE),
                        PageRequest.first(PLOT_PAGE).next(PageRequest.encode(1000L + i))).items()).hasSize(PLOT_PAGE);
            }
            return planCounts(tx.dsl(), "vinsdelux_vdlplot_adoption_plans", PLOT_PAGE + 1);
        });

        assertGenericPlan(plans);
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void theEventListingIsPlannedOnceNotOnEveryCall(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        // test data only: fixed SQL, no input
        db.dsl().execute("""
                insert into crush_lu_meetupevent (title, description, event_type, event_date, location,
                                                  max_participants, registration_deadline, is_published)
                select 'Mixer ' || g, '', 'mixer', now() + g * interval '1 hour', 'Luxembourg', 20,
                       now() + g * interval '1 hour' - interval '1 day', true
                from generate_series(1, 3000) g""");
        db.dsl().execute("analyze");

        Record2<Long, Long> plans = db.inTransaction(tx -> {
            for (int i = 0; i < CALLS; i++) {
                assertThat(w.events.listEventsForViewer(w.anna, EventFilter.all().published().upcoming(),
                        PageRequest.first(EVENT_PAGE)).items()).hasSize(EVENT_PAGE);
            }
            return planCounts(tx.dsl(), "crush_lu_eventregistration", EVENT_PAGE + 1);
        });

        assertGenericPlan(plans);
    }

    /**
     * The generic and custom plan counts of the statement prepared on this session's connection that reads
     * {@code table} and fetches {@code rows} rows.
     */
    private static Record2<Long, Long> planCounts(DSLContext dsl, String table, int rows) {
        var found = dsl.resultQuery("""
                select generic_plans, custom_plans from pg_prepared_statements
                where statement like {0} and statement like {1} and statement not like '%pg_prepared_statements%'""",
                DSL.val("%" + table + "%"), DSL.val("%fetch next " + rows + " rows only%")).coerce(
                DSL.field("generic_plans", Long.class),
                DSL.field("custom_plans", Long.class)).fetch();
        assertThat(found).as("the listing, its LIMIT inline, prepared on the server (pgjdbc's prepareThreshold)")
                .hasSize(1);
        return found.get(0);
    }

    private static void assertGenericPlan(Record2<Long, Long> plans) {
        // the first five server executions are planned with their values; from then on the generic plan serves
        assertThat(plans.value2()).as("custom plans (each call planned again)").isLessThanOrEqualTo(5L);
        assertThat(plans.value1()).as("executions with the cached generic plan").isGreaterThan(0L);
    }
}
