package lu.entreprinder.persistence.entreprinder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Throwaway measurement, not part of the default run: search latency and plan on PostgreSQL with 100,000
 * profiles in a fresh database. Run with
 * {@code mvn -Pplans -pl entreprinder-dao verify -Dit.test=SearchLatencyPlanIT}; prints its numbers.
 */
@Tag("plan")
class SearchLatencyPlanIT {

    private static final int PROFILES = 100_000;

    @Test
    void searchLatencyAndPlan_with100000Profiles() {
        try (Database db = Database.open(TestDatabases.config(Backend.POSTGRESQL, new TestClock())
                .migrateOnStart(true).build())) {
            long t0 = System.nanoTime();
            // Word lists give a realistic spread: common words (1 in 5), rarer ones (1 in 97, 1 in 1009).
            db.dsl().execute("""
                    INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                                           is_active, date_joined)
                    SELECT 'x', false, 'u' || g, '', '', 'u' || g || '@example.lu', false, true, now()
                    FROM generate_series(1, %d) g""".formatted(PROFILES));
            db.dsl().execute("""
                    INSERT INTO entreprinder_entrepreneurprofile (user_id, headline, bio, linkedin_url, profile_photo)
                    SELECT u.id,
                           (ARRAY['Fintech founder','Développeuse Java','Winzer an der Mosel','Data scientist',
                                  'Chef pâtissier'])[1 + u.id % 5] || ' ' || u.id,
                           'Bio ' || u.id || ' ' || (ARRAY['payments','crémant','machine learning','écoconstruction',
                                  'banques','Lëtzebuerg','hospitals'])[1 + u.id % 7]
                           || CASE WHEN u.id % 97 = 0 THEN ' blockchain' ELSE '' END
                           || CASE WHEN u.id % 1009 = 0 THEN ' quantencomputer' ELSE '' END
                           || ' Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.',
                           '', ''
                    FROM auth_user u""");
            db.dsl().execute("ANALYZE auth_user");
            db.dsl().execute("ANALYZE entreprinder_entrepreneurprofile");
            System.out.printf("loaded %d profiles in %d ms%n", PROFILES, (System.nanoTime() - t0) / 1_000_000);

            SearchDao dao = new SearchDao(db);
            for (String q : new String[] {"quantencomputer", "blockchain", "blockchain fintech", "fintech",
                    "developpeuse java", "letzebuerg"}) {
                for (int i = 0; i < 5; i++) {
                    dao.searchProfiles(q, 20); // warm-up
                }
                List<Long> micros = new ArrayList<>();
                int hits = 0;
                for (int i = 0; i < 30; i++) {
                    long s = System.nanoTime();
                    hits = dao.searchProfiles(q, 20).size();
                    micros.add((System.nanoTime() - s) / 1000);
                }
                Collections.sort(micros);
                long matching = db.dsl().resultQuery(
                        "select count(*) from entreprinder_entrepreneurprofile where "
                        + "search_vector @@ plainto_tsquery('simple', search_fold({0}))", org.jooq.impl.DSL.val(q)).fetchOne(0, Long.class);
                System.out.printf("query '%s': %d matching rows, top %d returned, median %.2f ms, p90 %.2f ms%n",
                        q, matching, hits, micros.get(15) / 1000.0, micros.get(27) / 1000.0);
                System.out.println(db.explain(dao.profileQuery(
                        lu.entreprinder.persistence.entreprinder.internal.SearchWords.words(q, "words"), 20), true));
            }
        }
    }
}
