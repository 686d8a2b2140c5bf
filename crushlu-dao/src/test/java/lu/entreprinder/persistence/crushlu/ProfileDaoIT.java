package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;

class ProfileDaoIT {

    /** The test clock's day (2026-06-01 in Luxembourg). */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static NewCrushProfile input(LocalDate dob, List<String> interests) {
        return new NewCrushProfile(dob, "F", "Luxembourg", "Loves hiking", "+352 621 123 456",
                List.of("crush_profiles/a.jpg", "crush_profiles/b.jpg"), true, true, false, interests);
    }

    private static NewCrushProfile with(NewCrushProfile p, java.util.function.UnaryOperator<NewCrushProfile> change) {
        return change.apply(p);
    }

    /** The insert runs in its own savepoint: a caller that catches the conflict keeps its transaction. */
    @DatabaseTest
    void aRefusedSecondProfileLeavesTheCallersTransactionUsable(Database db) {
        long anna = Fixtures.user(db, "anna");
        ProfileDao dao = new ProfileDao(db);
        dao.insertProfile(anna, input(LocalDate.of(1996, 6, 2), List.of()));
        long ben = db.inTransaction(tx -> {
            assertThatThrownBy(() -> dao.insertProfile(anna, input(LocalDate.of(1990, 1, 1), List.of())))
                    .isInstanceOf(ConflictException.class);
            long id = Fixtures.user(db, "ben");
            dao.insertProfile(id, input(LocalDate.of(1991, 1, 1), List.of()));
            return id;
        });
        assertThat(db.dsl().fetchCount(lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE)).isEqualTo(2);
        assertThat(ben).isPositive();
    }

    @DatabaseTest
    void insertsAndShowsTheOwnerEverythingWithDerivedValues(Database db) {
        long anna = Fixtures.user(db, "anna");
        ProfileDao dao = new ProfileDao(db);
        long id = dao.insertProfile(anna, input(LocalDate.of(1996, 6, 2), List.of("hiking", "wine")));

        ProfileOwnerView v = dao.getOwnerView(id);

        assertThat(v.userId()).isEqualTo(anna);
        assertThat(v.age()).isEqualTo(29);
        assertThat(v.ageRange()).isEqualTo("25-29");
        assertThat(v.displayName()).isEqualTo("Anna Tester");
        assertThat(v.phone()).isEqualTo("+352 621 123 456");
        assertThat(v.photos()).containsExactly("crush_profiles/a.jpg", "crush_profiles/b.jpg");
        assertThat(v.interests()).containsExactly("hiking", "wine");
        assertThat(v.approved()).isFalse();
        assertThat(v.active()).isTrue();
        assertThat(v.approvedAt()).isEmpty();
        assertThat(v.submissions()).isEmpty();
        assertThatThrownBy(() -> dao.insertProfile(anna, input(LocalDate.of(1990, 1, 1), List.of())))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("crush_lu_crushprofile_user_id_key"));
        assertThatThrownBy(() -> dao.getOwnerView(9999)).isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void updateReplacesTheFields(Database db) {
        long anna = Fixtures.user(db, "anna");
        ProfileDao dao = new ProfileDao(db);
        long id = dao.insertProfile(anna, input(LocalDate.of(1990, 1, 1), List.of("hiking")));
        NewCrushProfile changed = new NewCrushProfile(LocalDate.of(1985, 3, 3), "M", "Esch", "New bio", "621000000",
                List.of("crush_profiles/c.jpg"), false, false, true, List.of("jazz", "cooking", "art"));
        assertThat(dao.updateProfile(id, changed)).isTrue();
        assertThat(dao.updateProfile(9999, changed)).isFalse();
        ProfileOwnerView v = dao.getOwnerView(id);
        assertThat(v.age()).isEqualTo(41);
        assertThat(v.ageRange()).isEqualTo("40+");
        assertThat(v.displayName()).isEqualTo("Anna");
        assertThat(v.photos()).containsExactly("crush_profiles/c.jpg");
        assertThat(v.interests()).containsExactly("jazz", "cooking", "art");
        assertThat(v.blurPhotos()).isTrue();
    }

    @DatabaseTest
    void refusesBadInputNamingTheFieldAndWritingNothing(Database db) {
        long anna = Fixtures.user(db, "anna");
        long bob = Fixtures.user(db, "bob");
        ProfileDao dao = new ProfileDao(db);
        NewCrushProfile ok = input(LocalDate.of(1990, 1, 1), List.of("hiking"));
        long id = dao.insertProfile(anna, ok);
        var before = db.dsl().selectFrom(CRUSH_PROFILE).fetch();
        NewCrushProfile underage = input(TODAY.minusYears(18).plusDays(1), List.of());
        List<Object[]> cases = List.of(
                new Object[] {underage, "dateOfBirth"},
                new Object[] {input(TODAY.plusDays(1), List.of()), "dateOfBirth"},
                new Object[] {input(null, List.of()), "dateOfBirth"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "x".repeat(21), "L", "b", "1", ok.photos(), true,
                        true, false, List.of()), "gender"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", " ", "b", "1", ok.photos(), true, true, false,
                        List.of()), "location"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", "L", "", "1", ok.photos(), true, true, false,
                        List.of()), "bio"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", "L", "b", "1".repeat(21), ok.photos(), true,
                        true, false, List.of()), "phone"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", "L", "b", "call me", ok.photos(), true, true,
                        false, List.of()), "phone"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", "L", "b", "1", List.of(), true, true, false,
                        List.of()), "photos"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", "L", "b", "1", List.of("a", "b", "c", "d"),
                        true, true, false, List.of()), "photos"},
                new Object[] {new NewCrushProfile(ok.dateOfBirth(), "F", "L", "b", "1", List.of("x".repeat(101)), true,
                        true, false, List.of()), "photos"},
                new Object[] {input(ok.dateOfBirth(), List.of("a", "a")), "interests"},
                new Object[] {input(ok.dateOfBirth(), List.of("x".repeat(51))), "interests"},
                new Object[] {input(ok.dateOfBirth(), null), "interests"});
        for (Object[] c : cases) {
            NewCrushProfile bad = (NewCrushProfile) c[0];
            assertField(() -> dao.insertProfile(bob, bad), (String) c[1]);
            assertField(() -> dao.updateProfile(id, bad), (String) c[1]);
        }
        assertField(() -> dao.insertProfile(bob, null), "profile");
        assertField(() -> dao.insertProfile(0, ok), "userId");
        assertThat(db.dsl().selectFrom(CRUSH_PROFILE).fetch()).isEqualTo(before);
        // exactly 18 today is allowed
        assertThat(dao.insertProfile(bob, input(TODAY.minusYears(18), List.of()))).isPositive();
    }

    /**
     * Interests another writer (the Django app) stored that are a JSON list but not of strings: the listing still
     * returns, the record is not valid and keeps the usable elements, and the warning names table, id and column.
     */
    @DatabaseTest
    void interestsTheLibraryCannotDecodeMarkTheRecordInsteadOfFailingTheListing(Database db) {
        long anna = Fixtures.user(db, "anna");
        long bob = Fixtures.user(db, "bob");
        long good = Fixtures.crushProfile(db, anna).dateOfBirth(LocalDate.of(1995, 1, 1)).insert();
        long odd = Fixtures.crushProfile(db, bob).dateOfBirth(LocalDate.of(1994, 1, 1)).insert();
        db.dsl().update(CRUSH_PROFILE).set(CRUSH_PROFILE.INTERESTS, org.jooq.JSONB.valueOf("[{\"tag\": 1}, \"wine\", 3]"))
                .where(CRUSH_PROFILE.ID.eq(odd)).execute();

        var items = new ProfileDao(db).listPublicProfiles(ProfileFilter.any(), PageRequest.first()).items();
        assertThat(items).extracting(ProfilePublicView::profileId, ProfilePublicView::valid)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(good, true),
                        org.assertj.core.groups.Tuple.tuple(odd, false));
        assertThat(items.stream().filter(v -> v.profileId() == odd).findFirst().orElseThrow().interests())
                .containsExactly("wine", "3");
        assertThat(lu.entreprinder.persistence.core.StoredValues.warned("crush_lu_crushprofile", odd, "interests")).isTrue();
        assertThat(new ProfileDao(db).getOwnerView(odd).valid()).isFalse();
    }

    @DatabaseTest
    void publicViewRespectsThePrivacySwitches(Database db) {
        long anna = Fixtures.user(db, "anna");
        long bob = Fixtures.user(db, "bob");
        long cleo = Fixtures.user(db, "cleo");
        long open = Fixtures.crushProfile(db, anna).dateOfBirth(LocalDate.of(2000, 1, 1)).insert();
        long hidden = Fixtures.crushProfile(db, bob).dateOfBirth(LocalDate.of(1990, 1, 1)).showFullName(false)
                .showExactAge(false).insert();
        long unapproved = Fixtures.crushProfile(db, cleo).approved(false).insert();
        ProfileDao dao = new ProfileDao(db);

        var counted = Statements.count(db, () -> dao.findPublicView(open));
        assertThat(counted.statements()).isEqualTo(1);
        ProfilePublicView a = counted.value().orElseThrow();
        assertThat(a.displayName()).isEqualTo("Anna Tester");
        assertThat(a.age()).isEqualTo(OptionalInt.of(26));
        assertThat(a.ageRange()).isEqualTo("25-29");
        ProfilePublicView b = dao.findPublicView(hidden).orElseThrow();
        assertThat(b.displayName()).isEqualTo("Bob");
        assertThat(b.age()).isEmpty();
        assertThat(b.ageRange()).isEqualTo("35-39");
        assertThat(dao.findPublicView(unapproved)).isEmpty();
        assertThat(ProfilePublicView.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("phone", "dateOfBirth");
        assertThat(b.toString()).doesNotContain("+352");
    }

    @DatabaseTest
    void ownerViewCarriesTheReviewHistoryInOneStatement(Database db) {
        long coach = ProfileFixtures.coach(db, "coach", 10);
        CoachReviewService reviews = new CoachReviewService(db, CoachReviewListener.none());
        ProfileDao dao = new ProfileDao(db);
        List<Long> profiles = new ArrayList<>();
        for (String name : List.of("anna", "bob", "cleo")) {
            long p = ProfileFixtures.profile(db, name, "hiking", "wine");
            profiles.add(p);
            long first = reviews.submit(p).submissionId();
            reviews.requestRevision(first, coach, "secret note", "Add a photo");
            reviews.submit(p);
        }
        var counted = Statements.count(db, () -> dao.getOwnerView(profiles.get(1)));
        assertThat(counted.statements()).isEqualTo(1);
        List<SubmissionForUser> history = counted.value().submissions();
        assertThat(history).extracting(SubmissionForUser::status)
                .containsExactly(SubmissionStatus.PENDING, SubmissionStatus.REVISION);
        assertThat(history.get(1).feedbackToUser()).isEqualTo("Add a photo");
        assertThat(counted.value().toString()).doesNotContain("secret note");
    }

    @DatabaseTest
    void filtersByInterestsAgeAndLocationWithKeysetPages(Database db) {
        ProfileDao dao = new ProfileDao(db);
        long a = ProfileFixtures.approvedProfile(db, "anna", LocalDate.of(2000, 1, 1), "Luxembourg",
                "hiking", "cooking", "wine");
        long b = ProfileFixtures.approvedProfile(db, "bob", LocalDate.of(1990, 1, 1), "Luxembourg",
                "hiking", "jazz");
        long c = ProfileFixtures.approvedProfile(db, "cleo", LocalDate.of(1995, 1, 1), "Esch",
                "cooking", "hiking");
        long d = ProfileFixtures.approvedProfile(db, "dan", LocalDate.of(1980, 1, 1), "luxembourg",
                "wine", "art");
        long e = ProfileFixtures.approvedProfile(db, "eve", LocalDate.of(2004, 6, 2), "Luxembourg",
                "Hiking", "film");
        long hidden = ProfileFixtures.profile(db, "fay", "hiking", "cooking");

        assertThat(ids(dao, ProfileFilter.any())).containsExactly(a, b, c, d, e);
        assertThat(ids(dao, ProfileFilter.any().withAllInterests("hiking", "cooking"))).containsExactly(a, c);
        assertThat(ids(dao, ProfileFilter.any().withAnyInterests("jazz", "art"))).containsExactly(b, d);
        assertThat(ids(dao, ProfileFilter.any().withAnyInterests("hiking"))).containsExactly(a, b, c);
        assertThat(ids(dao, ProfileFilter.any().withAge(18, 21))).containsExactly(e);
        assertThat(ids(dao, ProfileFilter.any().withAge(22, 26))).containsExactly(a);
        assertThat(ids(dao, ProfileFilter.any().withAge(30, null))).containsExactly(b, c, d);
        assertThat(ids(dao, ProfileFilter.any().withLocation("LUXEMBOURG"))).containsExactly(a, b, d, e);
        assertThat(ids(dao, ProfileFilter.any().withAllInterests("hiking").withAnyInterests("cooking", "jazz")
                .withAge(25, 40).withLocation("Luxembourg"))).containsExactly(a, b);
        assertThat(ids(dao, ProfileFilter.any().withAllInterests("unknown"))).isEmpty();
        assertThat(hidden).isPositive();

        var first = Statements.count(db, () -> dao.listPublicProfiles(ProfileFilter.any(), PageRequest.first(2)));
        assertThat(first.statements()).isEqualTo(1);
        assertThat(first.value().items()).extracting(ProfilePublicView::profileId).containsExactly(a, b);
        assertThat(first.value().items()).allSatisfy(p -> assertThat(p.interests()).hasSizeGreaterThanOrEqualTo(2));
        Page<ProfilePublicView> second = dao.listPublicProfiles(ProfileFilter.any(),
                PageRequest.first(2).next(first.value().nextCursor()));
        assertThat(second.items()).extracting(ProfilePublicView::profileId).containsExactly(c, d);
        Page<ProfilePublicView> third = dao.listPublicProfiles(ProfileFilter.any(),
                PageRequest.first(2).next(second.nextCursor()));
        assertThat(third.items()).extracting(ProfilePublicView::profileId).containsExactly(e);
        assertThat(third.hasNext()).isFalse();
    }

    @DatabaseTest
    void refusesBadFilters(Database db) {
        ProfileDao dao = new ProfileDao(db);
        assertField(() -> dao.listPublicProfiles(ProfileFilter.any().withAge(17, null), PageRequest.first()),
                "minAge");
        assertField(() -> dao.listPublicProfiles(ProfileFilter.any().withAge(30, 25), PageRequest.first()),
                "maxAge");
        assertField(() -> dao.listPublicProfiles(ProfileFilter.any().withAnyInterests(" "), PageRequest.first()),
                "anyInterests");
        assertField(() -> dao.listPublicProfiles(ProfileFilter.any(), new PageRequest(5, "!!")), "cursor");
        assertField(() -> dao.listPublicProfiles(null, PageRequest.first()), "filter");
    }

    @DatabaseTest
    void deactivatedProfilesAreNotListed(Database db) {
        ProfileDao dao = new ProfileDao(db);
        long a = ProfileFixtures.approvedProfile(db, "anna", LocalDate.of(2000, 1, 1), "L", "x", "y");
        assertThat(dao.updateActive(a, false)).isTrue();
        assertThat(dao.updateActive(9999, false)).isFalse();
        assertThat(ids(dao, ProfileFilter.any())).isEmpty();
        assertThat(dao.findPublicView(a)).isEmpty();
    }

    private static List<Long> ids(ProfileDao dao, ProfileFilter filter) {
        return dao.listPublicProfiles(filter, PageRequest.first(100)).items().stream()
                .map(ProfilePublicView::profileId).toList();
    }
}
