package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.PROFILE_SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

/**
 * The platform's coaching rules beyond the seed (V20): active coaches, the screening call before approval, a
 * revision request that leaves the profile's approval alone, no dating profile for a coach, adults 18–99.
 */
class CoachingRulesIT {

    private final List<CoachReviewNotice> notices = new CopyOnWriteArrayList<>();

    private CoachReviewService service(Database db) {
        return new CoachReviewService(db, notices::add);
    }

    /** Every row of the coaching tables, for "nothing changed" assertions. */
    static String snapshot(Database db) {
        return String.join("\n",
                db.dsl().selectFrom(CRUSH_COACH).orderBy(CRUSH_COACH.ID).fetch().formatCSV(),
                db.dsl().selectFrom(PROFILE_SUBMISSION).orderBy(PROFILE_SUBMISSION.ID).fetch().formatCSV(),
                db.dsl().selectFrom(CRUSH_PROFILE).orderBy(CRUSH_PROFILE.ID).fetch().formatCSV());
    }

    @DatabaseTest
    void anInactiveCoachIsNeverAssigned(Database db) {
        CoachReviewService s = service(db);
        long first = ProfileFixtures.coach(db, "first", 5);
        long second = ProfileFixtures.coach(db, "second", 5);
        assertThat(db.dsl().fetchValue(CRUSH_COACH.IS_ACTIVE, CRUSH_COACH.ID.eq(first)))
                .as("a new coach is active (database default)").isTrue();

        assertThat(s.submit(ProfileFixtures.profile(db, "anna")).coachId()).hasValue(first); // control: lowest id
        var deactivated = Statements.count(db, () -> s.updateCoachActive(first, false));
        assertThat(deactivated.value()).isTrue();
        assertThat(deactivated.statements()).isEqualTo(1);
        assertThat(s.submit(ProfileFixtures.profile(db, "bob")).coachId()).hasValue(second);
        assertThat(s.submit(ProfileFixtures.profile(db, "cleo")).coachId()).hasValue(second);
        assertThat(s.updateCoachActive(second, false)).isTrue();
        var unassigned = s.submit(ProfileFixtures.profile(db, "dan"));
        assertThat(unassigned.coachId()).as("every coach inactive").isEmpty();
        assertThat(s.assignUnassigned()).isZero();

        assertThat(s.updateCoachActive(first, true)).isTrue();
        assertThat(s.assignUnassigned()).isEqualTo(1);
        assertThat(s.getSubmissionForCoach(unassigned.submissionId()).coachId()).hasValue(first);
        assertThat(s.updateCoachActive(999_999, false)).isFalse();
        assertField(() -> s.updateCoachActive(0, false), "coachId");
    }

    @DatabaseTest
    void anInactiveCoachCannotReviewOrRecordACallAndNothingIsWritten(Database db) {
        CoachReviewService s = service(db);
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long submission = s.submit(ProfileFixtures.profile(db, "anna")).submissionId();
        assertThat(s.recordScreeningCall(submission, coach, db.today(), "fine"))
                .isInstanceOf(ScreeningCallResult.Recorded.class);
        s.updateCoachActive(coach, false);
        String before = snapshot(db);

        var inactive = new CoachReviewResult.CoachInactive(coach);
        assertThat(s.approve(submission, coach, "", "")).isEqualTo(inactive);
        assertThat(s.reject(submission, coach, "", "no")).isEqualTo(inactive);
        assertThat(s.requestRevision(submission, coach, "", "again")).isEqualTo(inactive);
        assertThat(s.recordScreeningCall(submission, coach, db.today(), "again"))
                .isEqualTo(new ScreeningCallResult.CoachInactive(coach));
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(notices).isEmpty();

        s.updateCoachActive(coach, true); // control: the same calls work once the coach is active again
        assertThat(s.approve(submission, coach, "", "")).isInstanceOf(CoachReviewResult.Reviewed.class);
    }

    @DatabaseTest
    void approvalRequiresARecordedScreeningCall(Database db, TestClock clock) {
        CoachReviewService s = service(db);
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long other = ProfileFixtures.coach(db, "other", 0);
        long profile = ProfileFixtures.profile(db, "anna");
        long submission = s.submit(profile).submissionId();
        assertThat(s.getSubmissionForCoach(submission).screeningCall()).isEmpty();
        String before = snapshot(db);

        var refused = Statements.count(db, () -> s.approve(submission, coach, "notes", "Welcome"));
        assertThat(refused.value()).isEqualTo(new CoachReviewResult.ScreeningCallRequired(submission));
        assertThat(refused.statements()).isEqualTo(1);
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(notices).isEmpty();
        // the other outcomes need no call
        assertThat(s.recordScreeningCall(submission, other, db.today(), ""))
                .isEqualTo(new ScreeningCallResult.NotAssignedCoach(submission, OptionalLong.of(coach)));
        assertThat(snapshot(db)).isEqualTo(before);

        clock.advance(Duration.ofDays(1));
        LocalDate yesterday = db.today().minusDays(1);
        var recorded = Statements.count(db, () -> s.recordScreeningCall(submission, coach, yesterday, "talked 20 min"));
        assertThat(recorded.value()).isEqualTo(new ScreeningCallResult.Recorded(submission,
                new ScreeningCall(yesterday, "talked 20 min")));
        assertThat(recorded.statements()).isEqualTo(2);
        var read = Statements.count(db, () -> s.getSubmissionForCoach(submission));
        assertThat(read.statements()).isEqualTo(1);
        assertThat(read.value().screeningCall()).contains(new ScreeningCall(yesterday, "talked 20 min"));

        var approved = Statements.count(db, () -> s.approve(submission, coach, "notes", "Welcome"));
        assertThat(approved.value()).isInstanceOfSatisfying(CoachReviewResult.Reviewed.class,
                r -> assertThat(r.submission().screeningCall()).contains(new ScreeningCall(yesterday,
                        "talked 20 min")));
        assertThat(approved.statements()).isEqualTo(4);
        assertThat(db.dsl().fetchValue(CRUSH_PROFILE.IS_APPROVED, CRUSH_PROFILE.ID.eq(profile))).isTrue();
        assertThat(s.recordScreeningCall(submission, coach, db.today(), ""))
                .isEqualTo(new ScreeningCallResult.AlreadyClosed(submission, SubmissionStatus.APPROVED));
    }

    @DatabaseTest
    void aScreeningCallRefusesBadInputWritingNothing(Database db, TestClock clock) {
        CoachReviewService s = service(db);
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long submission = s.submit(ProfileFixtures.profile(db, "anna")).submissionId();
        clock.advance(Duration.ofDays(3));
        String before = snapshot(db);
        LocalDate today = db.today();

        assertField(() -> s.recordScreeningCall(submission, coach, null, ""), "callDate");
        assertField(() -> s.recordScreeningCall(submission, coach, today.plusDays(1), ""), "callDate");
        assertField(() -> s.recordScreeningCall(submission, coach, today.minusDays(4), ""), "callDate");
        assertField(() -> s.recordScreeningCall(submission, coach, today, "a\u0000b"), "notes");
        assertField(() -> s.recordScreeningCall(0, coach, today, ""), "submissionId");
        assertField(() -> s.recordScreeningCall(submission, -1, today, ""), "coachId");
        assertThatThrownBy(() -> s.recordScreeningCall(999_999, coach, today, ""))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(db)).isEqualTo(before);
        // control: the day of the submission and today are both accepted
        assertThat(s.recordScreeningCall(submission, coach, today.minusDays(3), ""))
                .isInstanceOf(ScreeningCallResult.Recorded.class);
        assertThat(s.recordScreeningCall(submission, coach, today, "second call"))
                .isInstanceOf(ScreeningCallResult.Recorded.class);
        assertThat(s.getSubmissionForCoach(submission).screeningCall())
                .contains(new ScreeningCall(today, "second call"));
    }

    @DatabaseTest
    void aRevisionRequestLeavesTheProfilesApprovalAsItWas(Database db, TestClock clock) {
        CoachReviewService s = service(db);
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long approvedProfile = Fixtures.crushProfile(db, Fixtures.user(db, "anna")).approved(true).insert();
        long newProfile = Fixtures.crushProfile(db, Fixtures.user(db, "bob")).approved(false).insert();
        var approvedAt = db.dsl().fetchValue(CRUSH_PROFILE.APPROVED_AT, CRUSH_PROFILE.ID.eq(approvedProfile));
        clock.advance(Duration.ofHours(1));

        long s1 = s.submit(approvedProfile).submissionId();
        long s2 = s.submit(newProfile).submissionId();
        var counted = Statements.count(db, () -> s.requestRevision(s1, coach, "", "New photos please"));
        assertThat(counted.value()).isInstanceOf(CoachReviewResult.Reviewed.class);
        assertThat(counted.statements()).as("no profile update").isEqualTo(3);
        assertThat(s.requestRevision(s2, coach, "", "Add a bio")).isInstanceOf(CoachReviewResult.Reviewed.class);

        var rows = db.dsl().selectFrom(CRUSH_PROFILE).orderBy(CRUSH_PROFILE.ID).fetch();
        assertThat(rows.get(0).getIsApproved()).isTrue();
        assertThat(rows.get(0).getApprovedAt()).isEqualTo(approvedAt);
        assertThat(rows.get(1).getIsApproved()).isFalse();
        assertThat(rows.get(1).getApprovedAt()).isNull();

        // control: a rejection does unapprove, so the assertions above can fail
        long s3 = s.submit(approvedProfile).submissionId();
        assertThat(s.reject(s3, coach, "", "No")).isInstanceOf(CoachReviewResult.Reviewed.class);
        assertThat(db.dsl().fetchValue(CRUSH_PROFILE.IS_APPROVED, CRUSH_PROFILE.ID.eq(approvedProfile))).isFalse();
    }

    @DatabaseTest
    void aCoachCannotHaveADatingProfile(Database db) {
        CoachReviewService s = service(db);
        ProfileDao profiles = new ProfileDao(db);
        long coachUser = Fixtures.user(db, "kim");
        long coach = s.insertCoach(coachUser, "first impressions", "", 5);
        long member = Fixtures.user(db, "anna");
        profiles.insertProfile(member, ProfileRulesInput.valid(db));
        String before = snapshot(db);

        assertField(() -> profiles.insertProfile(coachUser, ProfileRulesInput.valid(db)), "userId");
        assertField(() -> s.insertCoach(member, "x", "", 1), "userId");
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(db.dsl().fetchCount(CRUSH_COACH)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(CRUSH_PROFILE, CRUSH_PROFILE.USER_ID.eq(coachUser))).isZero();
        assertThat(coach).isPositive();

        long ben = Fixtures.user(db, "ben");
        var counted = Statements.count(db, () -> profiles.insertProfile(ben, ProfileRulesInput.valid(db)));
        assertThat(counted.statements()).as("user row lock + coach check + insert (SQLite: + RETURNING's read)")
                .isEqualTo(db.isSqlite() ? 4 : 3);
        long carl = Fixtures.user(db, "carl");
        var coachCounted = Statements.count(db, () -> s.insertCoach(carl, "x", "", 1));
        assertThat(coachCounted.statements()).isEqualTo(db.isSqlite() ? 4 : 3);
    }

    @DatabaseTest
    void profilesAreForAdultsFrom18To99OnCreateAndUpdate(Database db, TestClock clock) {
        ProfileDao profiles = new ProfileDao(db);
        LocalDate today = db.today();
        long existing = profiles.insertProfile(Fixtures.user(db, "anna"), ProfileRulesInput.valid(db));
        String before = snapshot(db);
        int users = db.dsl().fetchCount(lu.entreprinder.persistence.schema.generated.Tables.USER);

        for (LocalDate bad : List.of(today.minusYears(18).plusDays(1), today.minusYears(100),
                today.minusYears(120), today.plusDays(1))) {
            long user = Fixtures.user(db, "u" + bad);
            String rows = snapshot(db);
            assertField(() -> profiles.insertProfile(user, ProfileRulesInput.born(bad)), "dateOfBirth");
            assertField(() -> profiles.updateProfile(existing, ProfileRulesInput.born(bad)), "dateOfBirth");
            assertThat(snapshot(db)).as("born " + bad).isEqualTo(rows);
        }
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(db.dsl().fetchCount(lu.entreprinder.persistence.schema.generated.Tables.USER)).isEqualTo(users + 4);

        // the edges: exactly 18 today, and 99 until the day before the 100th birthday
        long eighteen = profiles.insertProfile(Fixtures.user(db, "young"),
                ProfileRulesInput.born(today.minusYears(18)));
        long ninetyNine = profiles.insertProfile(Fixtures.user(db, "old"),
                ProfileRulesInput.born(today.minusYears(100).plusDays(1)));
        assertThat(profiles.getOwnerView(eighteen).age()).isEqualTo(18);
        assertThat(profiles.getOwnerView(ninetyNine).age()).isEqualTo(99);
        assertThat(profiles.updateProfile(existing, ProfileRulesInput.born(today.minusYears(100).plusDays(1))))
                .isTrue();
    }

    /** Valid profile input for this class. */
    static final class ProfileRulesInput {
        private ProfileRulesInput() {
        }

        static NewCrushProfile valid(Database db) {
            return born(LocalDate.of(1990, 1, 1));
        }

        static NewCrushProfile born(LocalDate dob) {
            return new NewCrushProfile(dob, "F", "Luxembourg", "Bio", "+352 621 000 000", List.of("p/1.jpg"), true, true,
                    false, List.of());
        }
    }
}
