package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.entreprinder.internal.SearchWords;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL's one-word search reads the ranks V24 stores per profile and word instead of ranking every hit: its
 * answer must be exactly what ranking the stored vector gives (the same profiles, order and {@code ts_rank} values),
 * and the stored ranks must follow every writer. SQLite has no such table (FTS5 and bm25; see {@link SearchDaoIT}).
 */
class SearchStoredRanksIT {

    @DatabaseTest(Backend.POSTGRESQL)
    void everyOneWordSearch_givesExactlyTheVectorsRanking(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        // ties everywhere: 30 profiles in which "consultant" occurs once in the headline and once in the bio
        for (int i = 0; i < 30; i++) {
            Fixtures.entrepreneurProfile(db, Fixtures.user(db, "tie" + i), "Consultant in Wiltz",
                    "Consultant based in Wiltz since 20" + (10 + i % 5) + ".");
        }
        SearchDao dao = new SearchDao(db);

        Set<String> words = new LinkedHashSet<>();
        db.dsl().select(ENTREPRENEUR_PROFILE.HEADLINE, ENTREPRENEUR_PROFILE.BIO).from(ENTREPRENEUR_PROFILE)
                .forEach(r -> {
                    words.addAll(SearchWords.words(r.value1(), "words"));
                    words.addAll(SearchWords.words(r.value2(), "words"));
                });
        assertThat(words).hasSizeGreaterThan(100);
        for (String word : words) {
            for (int limit : new int[] {1, 3, 20, 100}) {
                assertThat(dao.searchProfiles(word, limit)).as("'%s', limit %d", word, limit)
                        .isNotEmpty()
                        .isEqualTo(rankedByVector(db, word, limit));
            }
        }
        assertThat(dao.searchProfiles("consultant", 20)).hasSize(20)
                .extracting(ProfileHit::profileId).isSorted(); // one rank for all 30: the ids decide
        assertThat(dao.searchProfiles("fintech", 100).get(0).profileId()).isEqualTo(p.get("fintech-founder"));
        assertThat(dao.searchProfiles("nowhere", 20)).isEmpty();
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void oneWordSearch_isOneStatement_andReadsTheStoredRanksIndex(Database db) {
        SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);

        var counted = Statements.count(db, () -> dao.searchProfiles("java", 20));
        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.value()).hasSize(5);

        String plan = db.inTransaction(tx -> {
            tx.dsl().execute("SET LOCAL enable_seqscan = off");
            return db.explain(dao.profileQuery(List.of("java"), 20), false);
        });
        assertThat(plan).contains("entreprinder_profile_search_term_lexeme_rank_idx")
                .doesNotContain("entreprinder_entrepreneurprofile_search_vector_idx");
    }

    /**
     * "java²kotlin" is one word for the library's tokenizer (² is a number character) and two lexemes for
     * PostgreSQL's parser: such a search ranks the vector as a search of several words does, never the stored
     * one-word ranks (which would find nothing).
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void aWordTheParserSplits_ranksTheVector(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);

        List<ProfileHit> hits = dao.searchProfiles("java²kotlin", 20);

        assertThat(hits).extracting(ProfileHit::profileId).containsExactly(p.get("fintech-founder"));
        assertThat(hits).isEqualTo(rankedByVector(db, "java²kotlin", 20));
    }

    /**
     * A word the parser surely keeps whole (ASCII and Latin-1 letters, digits) is sent as the stored-ranks statement
     * alone; any other word keeps the statement whose server-side branch handles a split. Both answer as the vector.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void aPlainWord_isSentWithoutTheSplitWordBranch(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);

        assertThat(dao.profileQuery(List.of("java"), 20).getSQL()).doesNotContainIgnoringCase("union all");
        assertThat(dao.profileQuery(List.of("Œnologue"), 20).getSQL()).doesNotContainIgnoringCase("union all");
        assertThat(dao.profileQuery(List.of("java²kotlin"), 20).getSQL()).containsIgnoringCase("union all");
        assertThat(dao.profileQuery(List.of("Straßenbau"), 20).getSQL()).doesNotContainIgnoringCase("union all");

        for (String word : List.of("java", "Œnologue", "Straßenbau", "Crémant", "2026", "nothing")) {
            assertThat(dao.searchProfiles(word, 20)).as(word).isEqualTo(rankedByVector(db, word, 20));
        }
        assertThat(dao.searchProfiles("Œnologue", 20)).extracting(ProfileHit::profileId)
                .containsExactly(p.get("oenologue"));
    }

    /** Inserts (one row or many, as the Django app writes them), updates of the text or the id, and deletes. */
    @DatabaseTest(Backend.POSTGRESQL)
    void storedRanks_followEveryWriter(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);
        assertThat(staleTerms(db)).isZero();

        long u1 = Fixtures.user(db, "django1");
        long u2 = Fixtures.user(db, "django2");
        db.dsl().execute("INSERT INTO entreprinder_entrepreneurprofile (user_id, headline, bio, linkedin_url, "
                + "profile_photo) VALUES (" + u1 + ", 'Kotlin coach', 'Kotlin, Kotlin and Java.', '', ''), ("
                + u2 + ", 'Rust coach', 'Rust and Kotlin.', '', '')"); // sql-constant: test data
        assertThat(staleTerms(db)).isZero();
        assertThat(dao.searchProfiles("kotlin", 20)).hasSize(3).isEqualTo(rankedByVector(db, "kotlin", 20));

        assertThat(new EntrepreneurProfileDao(db).updateProfile(p.get("trainer"),
                new ProfileDetails("Kotlin trainer", "Teaching Kotlin to adults.", "", ""))).isTrue();
        db.dsl().update(ENTREPRENEUR_PROFILE).set(ENTREPRENEUR_PROFILE.LINKEDIN_URL, "https://example.lu/x").execute();
        assertThat(staleTerms(db)).isZero();
        assertThat(dao.searchProfiles("java", 20)).isEqualTo(rankedByVector(db, "java", 20))
                .extracting(ProfileHit::profileId).doesNotContain(p.get("trainer"));
        assertThat(dao.searchProfiles("kotlin", 20)).hasSize(4).isEqualTo(rankedByVector(db, "kotlin", 20));

        db.dsl().execute("UPDATE entreprinder_entrepreneurprofile SET id = id + 1000, headline = 'Rust trainer' "
                + "WHERE id = " + p.get("trainer")); // sql-constant: test data
        db.dsl().execute("UPDATE entreprinder_entrepreneurprofile SET id = id + 1000 WHERE id = "
                + p.get("dev-fr")); // sql-constant: test data
        assertThat(staleTerms(db)).isZero();
        assertThat(dao.searchProfiles("rust", 20)).isEqualTo(rankedByVector(db, "rust", 20))
                .extracting(ProfileHit::profileId).contains(p.get("trainer") + 1000);

        db.dsl().deleteFrom(ENTREPRENEUR_PROFILE).where(ENTREPRENEUR_PROFILE.ID.eq(p.get("fintech-founder"))).execute();
        assertThat(staleTerms(db)).isZero();
        assertThat(dao.searchProfiles("fintech", 20)).isEqualTo(rankedByVector(db, "fintech", 20))
                .extracting(ProfileHit::profileId).doesNotContain(p.get("fintech-founder"));
    }

    /** V18's ranking of the stored vector, the answer the stored ranks must reproduce. */
    private static List<ProfileHit> rankedByVector(Database db, String words, int limit) {
        String plain = SearchWords.plainQuery(SearchWords.words(words, "words"));
        return db.dsl().resultQuery("""
                        SELECT id, user_id, headline,
                               ts_rank(search_vector, plainto_tsquery('simple', search_fold({0})))::float8 AS rank
                        FROM entreprinder_entrepreneurprofile
                        WHERE search_vector @@ plainto_tsquery('simple', search_fold({0}))
                        ORDER BY rank DESC, id LIMIT {1}""", DSL.val(plain), DSL.val(limit))
                .coerce(DSL.field("id", SQLDataType.BIGINT), DSL.field("user_id", SQLDataType.BIGINT),
                        DSL.field("headline", SQLDataType.VARCHAR), DSL.field("rank", SQLDataType.DOUBLE))
                .fetch(r -> new ProfileHit(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Stored rows that differ from what the current vectors give, in either direction (0 when current). */
    private static int staleTerms(Database db) {
        return db.dsl().resultQuery("""
                SELECT count(*) FROM (
                    (SELECT profile_id, lexeme, rank FROM entreprinder_profile_search_term
                     EXCEPT ALL
                     SELECT p.id, t.lexeme, t.rank FROM entreprinder_entrepreneurprofile p,
                            entreprinder_profile_search_terms(p.search_vector) t)
                    UNION ALL
                    (SELECT p.id, t.lexeme, t.rank FROM entreprinder_entrepreneurprofile p,
                            entreprinder_profile_search_terms(p.search_vector) t
                     EXCEPT ALL
                     SELECT profile_id, lexeme, rank FROM entreprinder_profile_search_term)) stale""")
                .fetchOne(0, Integer.class);
    }
}
