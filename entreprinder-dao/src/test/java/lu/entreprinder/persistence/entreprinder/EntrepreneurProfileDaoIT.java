package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_SKILLS;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Statements;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class EntrepreneurProfileDaoIT {

    private static final ProfileDetails DETAILS = new ProfileDetails("Founder of a Luxembourg fintech",
            "Builds payment rails.", "https://www.linkedin.com/in/anna-muller", "profiles/anna.jpg");

    @DatabaseTest
    void insertProfile_withSetsByNameAndById_thenFindsItWithUserAndSetsInOneStatement(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        var taxonomy = new TaxonomyDao(db);
        long anna = Fixtures.user(db, "anna");
        Skill java = taxonomy.getOrCreateSkill("Java");
        Industry fintech = taxonomy.getOrCreateIndustry("Fintech");

        long id = dao.insertProfile(new NewProfile(anna, DETAILS, TagSet.ofNames("FINTECH", "Banking", " banking "),
                new TagSet(Set.of(java.id()), Set.of("SQL"))));

        var counted = Statements.count(db, () -> dao.findProfile(id));
        assertThat(counted.statements()).isEqualTo(1);
        EntrepreneurProfileView view = counted.value().orElseThrow();
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.user().id()).isEqualTo(anna);
        assertThat(view.user().username()).isEqualTo("anna");
        assertThat(view.headline()).isEqualTo(DETAILS.headline());
        assertThat(view.bio()).isEqualTo(DETAILS.bio());
        assertThat(view.linkedinUrl()).isEqualTo(DETAILS.linkedinUrl());
        assertThat(view.profilePhoto()).isEqualTo(DETAILS.profilePhoto());
        assertThat(view.industries()).extracting(Industry::name).containsExactly("Banking", "Fintech");
        assertThat(view.industries()).contains(fintech);
        assertThat(view.skills()).extracting(Skill::name).containsExactly("Java", "SQL");
        assertThat(db.dsl().fetchCount(INDUSTRY)).isEqualTo(2);

        var byUser = Statements.count(db, () -> dao.findProfileByUser(anna));
        assertThat(byUser.statements()).isEqualTo(1);
        assertThat(byUser.value()).contains(view);
        assertThat(dao.findProfile(id + 1)).isEmpty();
        assertThat(dao.findProfileByUser(anna + 1)).isEmpty();
    }

    @DatabaseTest
    void insertProfile_secondForTheSameUser_isAConflict_andWritesNothing(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        long anna = Fixtures.user(db, "anna");
        dao.insertProfile(new NewProfile(anna, DETAILS, null, null));

        assertThatThrownBy(() -> dao.insertProfile(new NewProfile(anna, DETAILS, TagSet.ofNames("New industry"),
                null))).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.constraint())
                .isEqualTo("entreprinder_entrepreneurprofile_user_id_key"));
        assertThat(db.dsl().fetchCount(ENTREPRENEUR_PROFILE)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(INDUSTRY)).isZero();
    }

    @DatabaseTest
    void insertProfile_forAMissingUserOrIndustry_isNotFound_andWritesNothing(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        long anna = Fixtures.user(db, "anna");

        assertThatThrownBy(() -> dao.insertProfile(new NewProfile(anna + 1, DETAILS, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dao.insertProfile(new NewProfile(anna, DETAILS,
                new TagSet(Set.of(999L), Set.of("Created then rolled back")), null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("industry"));
        assertThat(db.dsl().fetchCount(ENTREPRENEUR_PROFILE)).isZero();
        assertThat(db.dsl().fetchCount(INDUSTRY)).isZero();
    }

    @DatabaseTest
    void updateProfile_replacesTheDetails(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        long id = dao.insertProfile(new NewProfile(Fixtures.user(db, "anna"), DETAILS, null, null));
        var changed = new ProfileDetails("Serial founder", "Now in wine.", "", "");

        assertThat(dao.updateProfile(id, changed)).isTrue();
        assertThat(dao.updateProfile(id + 1, changed)).isFalse();

        var view = dao.findProfile(id).orElseThrow();
        assertThat(view.headline()).isEqualTo("Serial founder");
        assertThat(view.bio()).isEqualTo("Now in wine.");
        assertThat(view.linkedinUrl()).isEmpty();
        assertThat(view.profilePhoto()).isEmpty();
    }

    @DatabaseTest
    void replaceSets_replaceTheOldSets_andAFailedReplacementKeepsThem(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        var taxonomy = new TaxonomyDao(db);
        long id = dao.insertProfile(new NewProfile(Fixtures.user(db, "anna"), DETAILS,
                TagSet.ofNames("Fintech", "Banking"), TagSet.ofNames("Java", "SQL")));
        long banking = taxonomy.findIndustryByName("banking").orElseThrow().id();

        assertThat(dao.replaceIndustries(id, new TagSet(Set.of(banking), Set.of("Insurance")))).isTrue();
        assertThat(dao.replaceSkills(id, TagSet.ofNames("Go"))).isTrue();
        var view = dao.findProfile(id).orElseThrow();
        assertThat(view.industries()).extracting(Industry::name).containsExactly("Banking", "Insurance");
        assertThat(view.skills()).extracting(Skill::name).containsExactly("Go");

        String before = snapshot(db);
        assertThatThrownBy(() -> dao.replaceIndustries(id, new TagSet(Set.of(banking, 12345L), Set.of("Retail"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dao.replaceSkills(id, TagSet.ofIds(777L))).isInstanceOf(NotFoundException.class);
        assertThat(snapshot(db)).as("old sets kept, nothing created").isEqualTo(before);
        assertThat(taxonomy.findIndustryByName("Retail")).as("rolled back with the set").isEmpty();

        assertThat(dao.replaceSkills(id, TagSet.none())).isTrue();
        assertThat(dao.findProfile(id).orElseThrow().skills()).isEmpty();
        assertThat(dao.replaceIndustries(id + 1, TagSet.ofNames("X"))).isFalse();
        assertThat(dao.replaceSkills(id + 1, TagSet.none())).isFalse();
    }

    @DatabaseTest
    void listProfilesByIndustryAndSkill_keysetPages_oneStatementEach(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        var taxonomy = new TaxonomyDao(db);
        List<Long> inFintech = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long user = Fixtures.user(db, "user" + i);
            TagSet industries = i == 2 ? TagSet.ofNames("Wine", "Retail") : TagSet.ofNames("Fintech", "Retail", "Wine");
            long id = dao.insertProfile(new NewProfile(user, new ProfileDetails("Headline " + i, "Bio " + i, "", ""),
                    industries, TagSet.ofNames("Java", "SQL", "Skill " + i)));
            if (i != 2) {
                inFintech.add(id);
            }
        }
        long fintech = taxonomy.findIndustryByName("fintech").orElseThrow().id();
        long java = taxonomy.findSkillByName("java").orElseThrow().id();

        var first = Statements.count(db, () -> dao.listProfilesByIndustry(fintech, PageRequest.first(3)));
        assertThat(first.statements()).isEqualTo(1);
        assertThat(first.value().items()).hasSize(3)
                .allSatisfy(v -> {
                    assertThat(v.industries()).hasSize(3);
                    assertThat(v.skills()).hasSize(3);
                });
        assertThat(first.value().hasNext()).isTrue();
        var second = Statements.count(db, () -> dao.listProfilesByIndustry(fintech,
                PageRequest.first(3).next(first.value().nextCursor())));
        assertThat(second.statements()).isEqualTo(1);
        assertThat(second.value().hasNext()).isFalse();
        List<Long> ids = new ArrayList<>();
        first.value().items().forEach(v -> ids.add(v.id()));
        second.value().items().forEach(v -> ids.add(v.id()));
        assertThat(ids).containsExactlyElementsOf(inFintech);

        var bySkill = Statements.count(db, () -> dao.listProfilesBySkill(java, PageRequest.first()));
        assertThat(bySkill.statements()).isEqualTo(1);
        Page<EntrepreneurProfileView> all = bySkill.value();
        assertThat(all.items()).hasSize(5).allSatisfy(v -> assertThat(v.skills()).hasSize(3));
        assertThat(all.items().get(2).industries()).extracting(Industry::name).containsExactly("Retail", "Wine");
        assertThat(all.items()).extracting(v -> v.user().username())
                .containsExactly("user0", "user1", "user2", "user3", "user4");
        assertThat(dao.listProfilesBySkill(java + 1000, PageRequest.first()).items()).isEmpty();
    }

    /**
     * Concurrent profile inserts naming the same new industries (in different orders and cases) each get the one
     * row per name: no duplicate, no error, no deadlock (the batch insert takes its rows in name_key order).
     */
    @DatabaseTest
    void concurrentInserts_withTheSameNewNames_shareOneRowPerName(Database db) throws Exception {
        var dao = new EntrepreneurProfileDao(db);
        int threads = 8;
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            List<String> names = new ArrayList<>(List.of("Alpha " + round, "Beta " + round, "Gamma " + round));
            List<Callable<Long>> racers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long user = Fixtures.user(db, "r" + round + "t" + t);
                List<String> mine = new ArrayList<>(names);
                Collections.rotate(mine, t);
                if (t % 2 == 1) {
                    mine.replaceAll(n -> n.toUpperCase(Locale.ROOT));
                }
                racers.add(() -> dao.insertProfile(new NewProfile(user, DETAILS, TagSet.ofNames(mine),
                        TagSet.ofNames(mine))));
            }
            for (long profile : Race.run(Duration.ofSeconds(30), racers).valuesOrFail()) {
                assertThat(dao.findProfile(profile).orElseThrow().industries()).hasSize(3);
            }
        }
        assertThat(db.dsl().fetchCount(INDUSTRY)).isEqualTo(3 * rounds);
        assertThat(db.dsl().fetchCount(SKILL)).isEqualTo(3 * rounds);
        assertThat(db.dsl().fetchCount(ENTREPRENEUR_PROFILE_INDUSTRIES)).isEqualTo(3 * rounds * threads);
    }

    /** Concurrent replacements of one profile's set apply one after the other: the result is one whole set. */
    @DatabaseTest
    void concurrentReplacements_leaveOneWholeSet_neverAMix(Database db) throws Exception {
        var dao = new EntrepreneurProfileDao(db);
        long id = dao.insertProfile(new NewProfile(Fixtures.user(db, "anna"), DETAILS, null, null));
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TagSet set = TagSet.ofNames("Set" + t + " a", "Set" + t + " b", "Common");
                racers.add(() -> dao.replaceIndustries(id, set));
            }
            assertThat(Race.run(Duration.ofSeconds(30), racers).valuesOrFail()).hasSize(threads).containsOnly(true);
            List<String> names = dao.findProfile(id).orElseThrow().industries().stream().map(Industry::name)
                    .toList();
            assertThat(names).hasSize(3).contains("Common");
            String prefix = names.stream().filter(n -> !n.equals("Common")).findFirst().orElseThrow()
                    .substring(0, 4);
            assertThat(names).filteredOn(n -> !n.equals("Common")).allMatch(n -> n.startsWith(prefix));
        }
    }

    @DatabaseTest
    void badInput_isRefusedNamingTheField_andWritesNothing(Database db) {
        var dao = new EntrepreneurProfileDao(db);
        long anna = Fixtures.user(db, "anna");
        long id = dao.insertProfile(new NewProfile(anna, DETAILS, TagSet.ofNames("Fintech"), null));
        long ben = Fixtures.user(db, "ben");

        refused(db, () -> dao.insertProfile(null), "profile");
        refused(db, () -> dao.insertProfile(new NewProfile(0, DETAILS, null, null)), "userId");
        refused(db, () -> dao.insertProfile(new NewProfile(ben, null, null, null)), "details");
        refused(db, () -> insert(dao, ben, details(" ", "bio", "")), "headline");
        refused(db, () -> insert(dao, ben, details("h".repeat(201), "bio", "")), "headline");
        refused(db, () -> insert(dao, ben, details("h", "", "")), "bio");
        refused(db, () -> insert(dao, ben, details("h", "b".repeat(10_001), "")), "bio");
        for (String url : new String[] {"http://www.linkedin.com/in/anna", "https://linkedin.com.evil.example/in/a",
                "https://evil.example/?linkedin.com", "https://user@www.linkedin.com/in/a", "ftp://linkedin.com/x",
                "https://www.linkedin.com:8443/in/a", "www.linkedin.com/in/anna", "https://www.linkedin.com/in/a b",
                "https://www.linkedin.com/in/" + "a".repeat(200), "javascript:alert(1)"}) {
            refused(db, () -> insert(dao, ben, details("h", "b", url)), "linkedinUrl");
            refused(db, () -> dao.updateProfile(id, details("h", "b", url)), "linkedinUrl");
        }
        refused(db, () -> insert(dao, ben, new ProfileDetails("h", "b", "", "/etc/passwd")), "profilePhoto");
        refused(db, () -> insert(dao, ben, new ProfileDetails("h", "b", "", "profiles/../../x")), "profilePhoto");
        refused(db, () -> insert(dao, ben, new ProfileDetails("h", "b", "", "p".repeat(101))), "profilePhoto");
        refused(db, () -> dao.insertProfile(new NewProfile(ben, DETAILS, TagSet.ofNames("ok", " "), null)),
                "industries");
        refused(db, () -> dao.insertProfile(new NewProfile(ben, DETAILS, null, TagSet.ofIds(-1L))), "skills");
        refused(db, () -> dao.insertProfile(new NewProfile(ben, DETAILS, null,
                TagSet.ofNames(java.util.stream.IntStream.range(0, 101).mapToObj(i -> "s" + i).toList()))), "skills");
        refused(db, () -> dao.updateProfile(0, DETAILS), "profileId");
        refused(db, () -> dao.updateProfile(id, null), "details");
        refused(db, () -> dao.replaceIndustries(id, null), "industries");
        refused(db, () -> dao.replaceIndustries(id, TagSet.ofNames("x".repeat(101))), "industries");
        refused(db, () -> dao.replaceSkills(0, TagSet.none()), "profileId");
        refused(db, () -> dao.findProfile(0), "profileId");
        refused(db, () -> dao.findProfileByUser(-5), "userId");
        refused(db, () -> dao.listProfilesByIndustry(0, PageRequest.first()), "industryId");
        refused(db, () -> dao.listProfilesBySkill(1, null), "page");
        refused(db, () -> dao.listProfilesBySkill(1, PageRequest.first().next("not a cursor!")), "cursor");

        assertThat(dao.findProfile(id).orElseThrow().headline()).isEqualTo(DETAILS.headline());
        // accepted forms
        assertThat(dao.updateProfile(id, details("h", "b", "https://linkedin.com/in/anna"))).isTrue();
        assertThat(dao.updateProfile(id, details("h", "b", "HTTPS://WWW.LINKEDIN.COM/company/x?trk=1"))).isTrue();
    }

    private static ProfileDetails details(String headline, String bio, String url) {
        return new ProfileDetails(headline, bio, url, "");
    }

    private static long insert(EntrepreneurProfileDao dao, long userId, ProfileDetails details) {
        return dao.insertProfile(new NewProfile(userId, details, TagSet.ofNames("Should not appear"), null));
    }

    /** Refused with the field named; profiles, link rows, industries and skills all unchanged. */
    private static void refused(Database db, ThrowingCallable call, String field) {
        String before = snapshot(db);
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(snapshot(db)).isEqualTo(before);
    }

    private static String snapshot(Database db) {
        return db.dsl().selectFrom(ENTREPRENEUR_PROFILE).orderBy(ENTREPRENEUR_PROFILE.ID).fetch().formatCSV()
                + db.dsl().selectFrom(ENTREPRENEUR_PROFILE_INDUSTRIES).orderBy(ENTREPRENEUR_PROFILE_INDUSTRIES.ID)
                        .fetch().formatCSV()
                + db.dsl().selectFrom(ENTREPRENEUR_PROFILE_SKILLS).orderBy(ENTREPRENEUR_PROFILE_SKILLS.ID).fetch()
                        .formatCSV()
                + db.dsl().selectFrom(INDUSTRY).orderBy(INDUSTRY.ID).fetch().formatCSV()
                + db.dsl().selectFrom(SKILL).orderBy(SKILL.ID).fetch().formatCSV();
    }
}
