package lu.entreprinder.persistence.entreprinder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;

/**
 * The search statements reach the full-text indexes: on PostgreSQL the GIN expression indexes of V12 (which
 * requires the query to repeat their expression exactly, with 'simple' inlined); on SQLite the FTS5 tables. With
 * a handful of rows PostgreSQL would rather scan, so sequential scans are switched off for the one transaction.
 */
class SearchPlanIT {

    @DatabaseTest
    void searches_useTheFullTextIndexes(Database db, Backend backend) {
        SearchCorpus.profiles(db);
        SearchCorpus.events(db);
        SearchDao dao = new SearchDao(db);
        if (db.isPostgres()) {
            // Enough other published events that the words, not the published flag, are what is selective
            // (on a handful of rows the planner rightly prefers the partial published-events index).
            db.dsl().execute("""
                    INSERT INTO crush_lu_meetupevent (title, description, event_type, event_date, location,
                           max_participants, min_age, max_age, registration_fee, registration_deadline,
                           is_published, is_private_invitation, invitation_code)
                    SELECT 'Wine tasting ' || g, 'A quiet evening', event_type, event_date, location,
                           max_participants, min_age, max_age, registration_fee, registration_deadline,
                           true, false, ''
                    FROM (SELECT * FROM crush_lu_meetupevent LIMIT 1) e, generate_series(1, 2000) g""");
            db.dsl().execute("VACUUM ANALYZE crush_lu_meetupevent"); // VACUUM: GIN statistics too
        }

        String[] plans = db.inTransaction(tx -> {
            if (db.isPostgres()) {
                tx.dsl().execute("SET LOCAL enable_seqscan = off");
            }
            return new String[] {
                    db.explain(dao.profileQuery(List.of("fintech", "payment"), 10), false),
                    db.explain(dao.eventQuery(List.of("speed", "dating"), 10), false)};
        });

        if (backend == Backend.POSTGRESQL) {
            assertThat(plans[0]).contains("entreprinder_entrepreneurprofile_search_vector_idx");
            assertThat(plans[1]).contains("crush_lu_meetupevent_search_vector_idx");
        } else {
            assertThat(plans[0]).contains("entreprinder_entrepreneurprofile_fts VIRTUAL TABLE INDEX");
            assertThat(plans[1]).contains("crush_lu_meetupevent_fts VIRTUAL TABLE INDEX");
        }
    }
}
