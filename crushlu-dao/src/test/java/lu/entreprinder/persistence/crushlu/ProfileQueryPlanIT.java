package lu.entreprinder.persistence.crushlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * The JSON containment filters can use the GIN indexes. PostgreSQL only: SQLite has no GIN index (it uses
 * json_each, whose answers the DAO tests compare on both databases). Sequential scans are disabled in the
 * transaction so the plan shows whether the index is usable on a tiny table.
 */
class ProfileQueryPlanIT {

    @DatabaseTest(Backend.POSTGRESQL)
    void interestFiltersUseTheGinIndex(Database db) {
        ProfileDao dao = new ProfileDao(db);
        String plan = db.inTransaction(tx -> {
            tx.dsl().execute("set local enable_seqscan = off");
            return db.explain(dao.publicProfilesQuery(ProfileFilter.any().withAllInterests("hiking", "wine")
                    .withAnyInterests("jazz", "art"), PageRequest.first(), LocalDate.of(2026, 6, 1)), false);
        });
        assertThat(plan).contains("crush_lu_crushprofile_interests_idx");
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void whoCompletedUsesTheGinIndex(Database db) {
        Fixtures.user(db, "anna");
        JourneyService s = new JourneyService(db);
        String plan = db.inTransaction(tx -> {
            tx.dsl().execute("set local enable_seqscan = off");
            return db.explain(s.usersWhoCompletedQuery(42), false);
        });
        assertThat(plan).contains("crush_lu_journeyprogress_completed_challenges_idx");
    }
}
