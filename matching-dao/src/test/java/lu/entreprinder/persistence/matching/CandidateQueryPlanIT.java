package lu.entreprinder.persistence.matching;

import static org.assertj.core.api.Assertions.assertThat;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import org.junit.jupiter.api.Tag;

/**
 * Throwaway plan check, not part of the default run (run it with {@code mvn -Pplans -pl matching-dao verify}): EXPLAIN ANALYZE
 * of the candidate query with 20,000 users (16,000 profiles, 4 skills and 2 industries each) and 200,000 likes.
 * PostgreSQL only: the plan of the production database is the question.
 */
class CandidateQueryPlanIT {

    @DatabaseTest(Backend.POSTGRESQL)
    @Tag("plan")
    void explainCandidates(Database db) {
        var dsl = db.dsl();
        dsl.execute("""
                insert into auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                                       is_active, date_joined)
                select 'x', false, 'u' || g, 'U', 'T', '', false, g % 50 <> 0,
                       timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'
                from generate_series(1, 20000) g""");
        dsl.execute("insert into entreprinder_industry (name, name_key) select 'I' || g, 'i' || g from generate_series(1, 30) g");
        dsl.execute("insert into entreprinder_skill (name, name_key) select 'S' || g, 's' || g from generate_series(1, 100) g");
        dsl.execute("""
                insert into entreprinder_entrepreneurprofile (user_id, headline, bio, linkedin_url, profile_photo)
                select id, 'Headline ' || id, '', '', 'profiles/' || id || '.jpg' from auth_user where id % 5 <> 0""");
        dsl.execute("""
                insert into entreprinder_entrepreneurprofile_skills (entrepreneurprofile_id, skill_id)
                select p.id, 1 + (p.id * 13 + k * 17) % 100
                from entreprinder_entrepreneurprofile p cross join generate_series(0, 3) k""");
        dsl.execute("""
                insert into entreprinder_entrepreneurprofile_industries (entrepreneurprofile_id, industry_id)
                select p.id, 1 + (p.id * 7 + k * 11) % 30
                from entreprinder_entrepreneurprofile p cross join generate_series(0, 1) k""");
        dsl.execute("""
                insert into matching_like (from_user_id, to_user_id, created_at)
                select (i % 20000) + 1, ((i % 20000) + 1 + (i / 20000) * 37) % 20000 + 1,
                       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 second'
                from generate_series(0, 199999) i""");
        dsl.execute("analyze");
        assertThat(dsl.fetchCount(lu.entreprinder.persistence.schema.generated.Tables.LIKE)).isEqualTo(200_000);

        var dao = new MatchingDao(db);
        long started = System.nanoTime();
        var first = dao.listCandidates(1, PageRequest.first());
        long firstMicros = (System.nanoTime() - started) / 1000;
        assertThat(first.items()).hasSize(20);
        System.out.println("first page (" + firstMicros + " us end to end, warm-up): " + first.items().get(0));
        System.out.println("=== EXPLAIN ANALYZE, first page ===");
        System.out.println(db.explain(dao.candidatesQuery(1, PageRequest.first()), true));
        System.out.println("=== EXPLAIN ANALYZE, page after the first ===");
        System.out.println(db.explain(dao.candidatesQuery(1, PageRequest.first().next(first.nextCursor())), true));
        started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            dao.listCandidates(1 + i * 7, PageRequest.first());
        }
        System.out.println("10 warm first pages, average " + (System.nanoTime() - started) / 10_000 + " us end to end");
    }
}
