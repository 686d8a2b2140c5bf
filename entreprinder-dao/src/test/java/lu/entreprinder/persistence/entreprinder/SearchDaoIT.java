package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;

/**
 * Full-text search parity. Every expectation below is written once and must hold on both databases: the result
 * SETS are identical for every query; the FIRST result is asserted where the scores clearly separate (a word in
 * one headline, weight A, and otherwise only in bios, weight B). Where PostgreSQL's ts_rank and SQLite's bm25
 * order differently, {@link #rankingDifference_sameSetsButTheFirstResultDiffersWhereTsRankTies} says so per backend.
 */
class SearchDaoIT {

    @DatabaseTest
    void profiles_sameResultSetsOnBothDatabases_andTheSameFirstResultWhereScoresSeparate(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);

        // query -> expected set; first label where the headline (A) match clearly beats bio (B) matches, else null
        expect(dao, p, "java", null, "dev-fr", "fintech-founder", "dev-de", "data", "trainer");
        expect(dao, p, "fintech", "fintech-founder", "fintech-founder", "dev-fr", "security", "marketing", "payments");
        expect(dao, p, "luxembourg", "dev-fr", "dev-fr", "security", "architecte", "oenologue");
        expect(dao, p, "payment fintech", null, "fintech-founder", "payments");
        expect(dao, p, "Java BANKEN", "dev-de", "dev-de");
        expect(dao, p, "developpeuse", "dev-fr", "dev-fr");
        expect(dao, p, "DÉVELOPPEUSE", "dev-fr", "dev-fr");
        expect(dao, p, "letzebuerg", "lb-startup", "lb-startup");
        expect(dao, p, "Lëtzebuerger", "lb-startup", "lb-startup");
        expect(dao, p, "cremant", null, "winzer", "oenologue");
        expect(dao, p, "crème brûlée", "patissier", "patissier");
        expect(dao, p, "Esch-sur-Alzette", "patissier", "patissier");
        expect(dao, p, "ŒNOLOGUE", "oenologue", "oenologue");
        expect(dao, p, "d'intérieur", "architecte", "architecte");
        expect(dao, p, "straßen", "strassenbau", "strassenbau");
        expect(dao, p, "strasse", null); // ß is a letter of its own on both (no ß -> ss)
        expect(dao, p, "fin", null); // whole words only: no prefix match
        expect(dao, p, "java python", "data", "data");
        expect(dao, p, "kotlin wine", null); // AND: no profile has both
    }

    @DatabaseTest
    void profiles_rankHeadlineAboveBio_andOneStatement(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);

        var counted = Statements.count(db, () -> dao.searchProfiles("fintech", 100));

        assertThat(counted.statements()).isEqualTo(1);
        List<ProfileHit> hits = counted.value();
        assertThat(hits.get(0).profileId()).isEqualTo(p.get("fintech-founder"));
        assertThat(hits.get(0).headline()).isEqualTo("Fintech founder");
        assertThat(hits.get(0).userId()).isPositive();
        assertThat(hits).extracting(ProfileHit::rank).allSatisfy(r -> assertThat(r).isPositive());
        assertThat(hits).extracting(ProfileHit::rank).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(hits.get(0).rank()).isGreaterThan(hits.get(1).rank());
        assertThat(dao.searchProfiles("fintech", 2)).containsExactlyElementsOf(hits.subList(0, 2));
    }

    /**
     * "java" is in two headlines ("Développeuse Java à Luxembourg", "Java trainer") and three bios. Both
     * databases put the two headline matches first. ts_rank (normalization 0, as Django) ignores the length of the
     * field, so the two tie and the id decides (the older profile first); bm25 normalizes by column length, so
     * SQLite prefers the shorter headline "Java trainer". Same set, different first result: documented, not hidden.
     */
    @DatabaseTest
    void rankingDifference_sameSetsButTheFirstResultDiffersWhereTsRankTies(Database db, Backend backend) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        List<Long> ids = new SearchDao(db).searchProfiles("java", 10).stream().map(ProfileHit::profileId).toList();

        assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder(p.get("dev-fr"), p.get("trainer"));
        assertThat(ids.get(0)).isEqualTo(backend == Backend.POSTGRESQL ? p.get("dev-fr") : p.get("trainer"));
    }

    @DatabaseTest
    void profiles_followUpdates(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);
        var profiles = new EntrepreneurProfileDao(db);

        assertThat(profiles.updateProfile(p.get("trainer"),
                new ProfileDetails("Kotlin trainer", "Teaching Kotlin to adults.", "", ""))).isTrue();

        assertThat(ids(dao.searchProfiles("java", 100))).doesNotContain(p.get("trainer"));
        assertThat(ids(dao.searchProfiles("kotlin", 100))).containsExactly(p.get("trainer"), p.get("fintech-founder"));
    }

    @DatabaseTest
    void anyInput_isSafe_neverASyntaxError(Database db) {
        Map<String, Long> p = SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);
        String[] hostile = {"\"", "'", "''", "&|!():*", "java & !banken", "java | fintech", "!java", "(java", "java)",
                "java:*", "java*", "*", "-java", "NEAR(java fintech)", "AND", "OR", "NOT", "java AND NOT banken",
                "fintech\" OR \"wine", "\\", "%_", "{}[]^~", "; DROP TABLE auth_user; --", "headline:java", "^java",
                "<->", "java <-> fintech", "\u0000", "\t\n", "💶 fintech 💶", "java" + "!".repeat(190)};
        for (String input : hostile) {
            assertThat(dao.searchProfiles(input, 10)).as(input).isNotNull();
            assertThat(dao.searchEvents(input, 10)).as(input).isNotNull();
        }
        assertThat(ids(dao.searchProfiles("java & !banken", 100))).containsExactly(p.get("dev-de"));
        assertThat(ids(dao.searchProfiles("java*", 100))).hasSize(5);
        assertThat(dao.searchProfiles("fintech\" OR \"wine", 100)).isEmpty(); // "or" is just a word, in no profile
        assertThat(ids(dao.searchProfiles("💶 fintech 💶", 100))).hasSize(5);
        assertThat(ids(dao.searchProfiles("NEAR(java fintech)", 100)))
                .isEmpty(); // near, java, fintech: no profile has the word "near"
    }

    @DatabaseTest
    void emptyInput_returnsNothingWithoutAStatement_tooLongIsRefused(Database db) {
        SearchCorpus.profiles(db);
        SearchDao dao = new SearchDao(db);
        for (String empty : new String[] {"", "   ", "&|!():*", "''", "\"\""}) {
            var counted = Statements.count(db, () -> dao.searchProfiles(empty, 10));
            assertThat(counted.value()).isEmpty();
            assertThat(counted.statements()).isZero();
            assertThat(dao.searchEvents(empty, 10)).isEmpty();
        }
        String max = "java " + "x".repeat(195);
        assertThat(dao.searchProfiles(max, 10)).isEmpty();
        refused(() -> dao.searchProfiles(max + "x", 10), "words");
        refused(() -> dao.searchEvents(max + "x", 10), "words");
        refused(() -> dao.searchProfiles(null, 10), "words");
        refused(() -> dao.searchEvents(null, 10), "words");
        refused(() -> dao.searchProfiles("java", 0), "limit");
        refused(() -> dao.searchProfiles("java", 101), "limit");
        refused(() -> dao.searchEvents("java", 0), "limit");
        refused(() -> dao.searchEvents("java", 101), "limit");
    }

    @DatabaseTest
    void events_onlyPublished_titleAboveDescription_oneStatement(Database db) {
        Map<String, Long> e = SearchCorpus.events(db);
        SearchDao dao = new SearchDao(db);

        var counted = Statements.count(db, () -> dao.searchEvents("speed dating", 100));

        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.value()).extracting(EventHit::eventId)
                .containsExactly(e.get("speed-lux"), e.get("wine-mixer"));
        assertThat(counted.value().get(0).title()).isEqualTo("Speed Dating Luxembourg");
        assertThat(counted.value().get(0).eventDate()).isEqualTo(db.now().plusDays(10));
        assertThat(dao.searchEvents("social", 100)).extracting(EventHit::eventId)
                .containsExactlyInAnyOrder(e.get("wine-mixer"), e.get("hike"), e.get("annees"));
        assertThat(dao.searchEvents("ANNEES", 100)).extracting(EventHit::eventId).containsExactly(e.get("annees"));
        assertThat(dao.searchEvents("kachkeis", 100)).extracting(EventHit::eventId).containsExactly(e.get("cooking"));
        assertThat(dao.searchEvents("secret", 100)).isEmpty();
        assertThat(dao.searchEvents("cremant", 1)).extracting(EventHit::eventId).containsExactly(e.get("wine-mixer"));
    }

    /** A cancelled event (V19) is hidden from search as from every listing. */
    @DatabaseTest
    void events_cancelledAreNotFound(Database db) {
        Map<String, Long> e = SearchCorpus.events(db);
        SearchDao dao = new SearchDao(db);
        assertThat(dao.searchEvents("kachkeis", 100)).extracting(EventHit::eventId).containsExactly(e.get("cooking"));
        db.dsl().update(MEETUP_EVENT).set(MEETUP_EVENT.IS_CANCELLED, true)
                .where(MEETUP_EVENT.ID.eq(e.get("cooking"))).execute();
        assertThat(dao.searchEvents("kachkeis", 100)).isEmpty();
    }

    private static void expect(SearchDao dao, Map<String, Long> p, String query, String first, String... labels) {
        List<ProfileHit> hits = dao.searchProfiles(query, 100);
        Long[] expected = Arrays.stream(labels).map(p::get).toArray(Long[]::new);
        assertThat(ids(hits)).as("result set of '%s'", query).containsExactlyInAnyOrder(expected);
        if (first != null) {
            assertThat(hits.get(0).profileId()).as("first result of '%s'", query).isEqualTo(p.get(first));
        }
    }

    private static List<Long> ids(List<ProfileHit> hits) {
        return hits.stream().map(ProfileHit::profileId).toList();
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
