package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.StatementPlan;
import lu.entreprinder.persistence.crushlu.EventFilter;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.vinsdelux.PlotFilter;
import lu.entreprinder.persistence.vinsdelux.PlotStatus;

/**
 * {@link Database#explain(Runnable, boolean)} on the DAOs' own public reads (the way the benchmarks and an operator see
 * a DAO's plan, without its query builders): the one statement each read sends, and a plan that uses the index the
 * read was designed for. PostgreSQL would scan the few rows of this data set sequentially, so its plans are taken
 * with {@code enable_seqscan} off (set for the caller's transaction, which explain's savepoint joins).
 */
class DaoExplainIT {

    @DatabaseTest
    void thePlotListingByStatusUsesTheStatusAndIdIndex(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        for (int i = 0; i < 5; i++) {
            w.insertPlot("Extra " + i);
        }
        analyze(db, "vinsdelux_vdlplot");
        StatementPlan plan = single(db, () -> w.plotDao.listPlots(PlotFilter.all().withStatuses(PlotStatus.AVAILABLE),
                PageRequest.first(3)));

        assertThat(plan.sql()).contains("vinsdelux_vdlplot").contains("vinsdelux_vdlplot_adoption_plans");
        // the status set and the LIMIT are part of the listing's shape (a PreparedRead per filter shape and page
        // size: ListingPlanCacheIT says why the LIMIT is not bound)
        assertThat(plan.sql()).contains("'available'").contains(db.isPostgres() ? "fetch next 4 rows only" : "limit 4");
        assertThat(plan.bindValues()).isEmpty();
        // PostgreSQL: the (status, id) index; SQLite has only (status), whose entries carry the rowid (the id) in order
        assertThat(plan.plan()).contains(db.isPostgres() ? "vinsdelux_vdlplot_status_id_idx"
                : "SEARCH vinsdelux_vdlplot USING INDEX vinsdelux_vdlplot_status_idx (status=?)");
        assertThat(db.dsl().fetchCount(lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT))
                .as("explain rolled the call back; the data set is unchanged").isEqualTo(7);
    }

    @DatabaseTest
    void theEventListingCountsRegistrationsThroughTheEventAndStatusIndex(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        analyze(db, "crush_lu_meetupevent", "crush_lu_eventregistration");
        StatementPlan plan = single(db, () -> w.events.listEventsForViewer(w.anna,
                EventFilter.all().published().upcoming(), PageRequest.first(20)));

        assertThat(plan.sql()).contains("crush_lu_meetupevent").contains("crush_lu_eventregistration");
        assertThat(plan.plan()).contains("crush_lu_meetupevent").contains("crush_lu_eventregistration_event_id_status_idx");
    }

    @DatabaseTest
    void theEventDetailIsOneRowWithItsAttendeesAggregatedReadThroughTheEventAndStatusIndex(Database db,
                                                                                         TestClock clock) {
        World w = new World(db, clock).build();
        StatementPlan plan = single(db, () -> w.events.findEventDetail(w.pastEvent, w.ben, null));

        // the event's one row: its confirmed attendees come as one JSON array, not as a row each
        assertThat(plan.sql()).contains(db.isPostgres() ? "json_agg(" : "json_group_array(")
                .doesNotContain("union").doesNotContain(" with ");
        assertThat(plan.plan()).contains(db.isPostgres() ? "crush_lu_meetupevent_pkey" : "crush_lu_meetupevent")
                .contains("crush_lu_eventregistration_event_id_status_idx");
    }

    @DatabaseTest
    void theCandidateRankingReadsProfilesAndLikes(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        StatementPlan plan = single(db, () -> w.matchingDao.listCandidates(w.anna, PageRequest.first()));

        assertThat(plan.sql()).contains("entreprinder_entrepreneurprofile").contains("matching_like");
        // each candidate's industries come as one text aggregate, not a JSON multiset
        assertThat(plan.sql()).contains(db.isPostgres() ? "string_agg(" : "group_concat(").doesNotContain("json");
        assertThat(plan.plan()).contains("entreprinder_entrepreneurprofile").contains("matching_like");
    }

    /**
     * Gives PostgreSQL the tables' statistics and visibility maps, as autovacuum would: the listings' LIMIT is a
     * constant of their statements, so their plans follow the tables' statistics (none without this).
     */
    private static void analyze(Database db, String... tables) {
        if (db.isPostgres()) {
            for (String table : tables) {
                db.dsl().execute("vacuum analyze " + table); // test data only: fixed table names
            }
        }
    }

    /** The plans of {@code read}, which must send exactly one statement. */
    private static StatementPlan single(Database db, Runnable read) {
        List<StatementPlan> plans = db.inTransaction(tx -> {
            if (db.isPostgres()) {
                tx.dsl().execute("set local enable_seqscan = off");
            }
            return db.explain(read);
        });
        assertThat(plans).as("a DAO read is one statement").hasSize(1);
        return plans.get(0);
    }
}
