package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.PROFILE_SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class CoachReviewServiceIT {

    @DatabaseTest
    void insertCoachMakesAUserACoachWhoReceivesSubmissions(Database db) {
        CoachReviewService service = new CoachReviewService(db, CoachReviewListener.none());
        long coachUser = lu.entreprinder.persistence.testing.Fixtures.user(db, "sophie");
        long coach = service.insertCoach(coachUser, "first impressions", "", 2);
        long member = lu.entreprinder.persistence.testing.Fixtures.user(db, "anna");
        long profile = lu.entreprinder.persistence.testing.Fixtures.crushProfile(db, member).approved(false).insert();
        assertThat(service.submit(profile).coachId()).isEqualTo(OptionalLong.of(coach));

        assertThatThrownBy(() -> service.insertCoach(coachUser, "again", "", 2))
                .isInstanceOfSatisfying(lu.entreprinder.persistence.core.ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("crush_lu_crushcoach_user_id_key"));
        for (var bad : List.<Runnable>of(
                () -> service.insertCoach(0, "x", "", 1),
                () -> service.insertCoach(member, " ", "", 1),
                () -> service.insertCoach(member, "x".repeat(101), "", 1),
                () -> service.insertCoach(member, "x", "", -1))) {
            assertThatThrownBy(bad::run).isInstanceOf(ValidationException.class);
        }
        assertThat(db.dsl().fetchCount(lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH)).isEqualTo(1);
    }

    private final List<CoachReviewNotice> notices = new CopyOnWriteArrayList<>();

    private CoachReviewService service(Database db) {
        return new CoachReviewService(db, notices::add);
    }

    @DatabaseTest
    void submitAssignsTheCoachWithFewestPendingThenLowestId(Database db) {
        long c1 = ProfileFixtures.coach(db, "coach1", 2);
        long c2 = ProfileFixtures.coach(db, "coach2", 2);
        CoachReviewService s = service(db);
        List<Long> assigned = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SubmissionReceipt r = s.submit(ProfileFixtures.profile(db, "p" + i));
            assigned.add(r.coachId().isPresent() ? r.coachId().getAsLong() : -1L);
        }
        assertThat(assigned).containsExactly(c1, c2, c1, c2, -1L);
        assertThat(s.listCoachWorkloads()).extracting(CoachWorkload::pending).containsExactly(2, 2);
    }

    @DatabaseTest
    void submitWithoutCoachesStaysUnassignedAndAssignUnassignedAssignsLater(Database db, TestClock clock) {
        CoachReviewService s = service(db);
        SubmissionReceipt a = s.submit(ProfileFixtures.profile(db, "anna"));
        clock.advance(Duration.ofMinutes(1));
        SubmissionReceipt b = s.submit(ProfileFixtures.profile(db, "bob"));
        assertThat(a.coachId()).isEmpty();
        assertThat(b.coachId()).isEmpty();
        assertThat(s.assignUnassigned()).isZero();
        long coach = ProfileFixtures.coach(db, "coach", 1);
        assertThat(s.assignUnassigned()).isEqualTo(1);
        assertThat(s.getSubmissionForCoach(a.submissionId()).coachId()).hasValue(coach);
        assertThat(s.getSubmissionForCoach(b.submissionId()).coachId()).isEmpty();
    }

    @DatabaseTest
    void submitRefusesBadOrUnknownProfile(Database db) {
        CoachReviewService s = service(db);
        assertThatThrownBy(() -> s.submit(0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("profileId"));
        assertThatThrownBy(() -> s.submit(999)).isInstanceOf(NotFoundException.class);
        assertThat(db.dsl().fetchCount(PROFILE_SUBMISSION)).isZero();
    }

    @DatabaseTest
    void approveUpdatesSubmissionAndProfileAndNotifiesAfterCommit(Database db, TestClock clock) {
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long profile = ProfileFixtures.profile(db, "anna");
        CoachReviewService s = service(db);
        long submission = s.submit(profile).submissionId();
        clock.advance(Duration.ofHours(2));
        s.recordScreeningCall(submission, coach, db.today(), "called");

        CoachReviewResult result = s.approve(submission, coach, "looks fine", "Welcome!");

        assertThat(result).isInstanceOfSatisfying(CoachReviewResult.Reviewed.class, r -> {
            assertThat(r.submission().status()).isEqualTo(SubmissionStatus.APPROVED);
            assertThat(r.submission().reviewedAt()).hasValue(db.now());
        });
        var p = db.dsl().selectFrom(CRUSH_PROFILE).where(CRUSH_PROFILE.ID.eq(profile)).fetchSingle();
        assertThat(p.getIsApproved()).isTrue();
        assertThat(p.getApprovedAt()).isEqualTo(db.now());
        SubmissionForCoach forCoach = s.getSubmissionForCoach(submission);
        assertThat(forCoach.coachNotes()).isEqualTo("looks fine");
        assertThat(forCoach.feedbackToUser()).isEqualTo("Welcome!");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(SubmissionStatus.APPROVED);
            assertThat(n.email()).isEqualTo("anna@example.com");
            assertThat(n.feedbackToUser()).isEqualTo("Welcome!");
        });
    }

    @DatabaseTest
    void rejectAndRevisionKeepProfileUnapproved(Database db) {
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long p1 = ProfileFixtures.profile(db, "anna");
        long p2 = ProfileFixtures.profile(db, "bob");
        CoachReviewService s = service(db);
        long s1 = s.submit(p1).submissionId();
        long s2 = s.submit(p2).submissionId();
        assertThat(s.reject(s1, coach, "fake photos", "Please use real photos"))
                .isInstanceOf(CoachReviewResult.Reviewed.class);
        assertThat(s.requestRevision(s2, coach, "", "Add a bio"))
                .isInstanceOf(CoachReviewResult.Reviewed.class);
        assertThat(db.dsl().fetchCount(CRUSH_PROFILE, CRUSH_PROFILE.IS_APPROVED.isTrue())).isZero();
        assertThat(notices).extracting(CoachReviewNotice::outcome)
                .containsExactly(SubmissionStatus.REJECTED, SubmissionStatus.REVISION);
        assertThat(s.listSubmissionsForProfile(p2)).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(SubmissionStatus.REVISION);
            assertThat(u.feedbackToUser()).isEqualTo("Add a bio");
        });
    }

    @DatabaseTest
    void onlyTheAssignedCoachReviewsAndOnlyOnce(Database db) {
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long other = ProfileFixtures.coach(db, "other", 0);
        CoachReviewService s = service(db);
        long submission = s.submit(ProfileFixtures.profile(db, "anna")).submissionId();

        assertThat(s.approve(submission, other, "", "")).isEqualTo(
                new CoachReviewResult.NotAssignedCoach(submission, OptionalLong.of(coach)));
        s.recordScreeningCall(submission, coach, db.today(), "");
        assertThat(s.approve(submission, coach, "", "")).isInstanceOf(CoachReviewResult.Reviewed.class);
        assertThat(s.reject(submission, coach, "", "no")).isEqualTo(
                new CoachReviewResult.AlreadyClosed(submission, SubmissionStatus.APPROVED));
        assertThat(notices).hasSize(1);
        assertThatThrownBy(() -> s.approve(12345, coach, "", "")).isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void reviewRefusesBadInputWritingNothing(Database db) {
        long coach = ProfileFixtures.coach(db, "coach", 5);
        CoachReviewService s = service(db);
        long submission = s.submit(ProfileFixtures.profile(db, "anna")).submissionId();
        var before = db.dsl().selectFrom(PROFILE_SUBMISSION).fetch();
        assertThatThrownBy(() -> s.reject(submission, coach, "", " ")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("feedbackToUser"));
        assertThatThrownBy(() -> s.approve(submission, 0, "", "")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("coachId"));
        assertThatThrownBy(() -> s.approve(submission, coach, "a\u0000b", "")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("coachNotes"));
        assertThat(db.dsl().selectFrom(PROFILE_SUBMISSION).fetch()).isEqualTo(before);
        assertThat(notices).isEmpty();
    }

    @DatabaseTest
    void hookNeverRunsWhenTheOuterTransactionRollsBack(Database db) {
        long coach = ProfileFixtures.coach(db, "coach", 5);
        CoachReviewService s = service(db);
        long submission = s.submit(ProfileFixtures.profile(db, "anna")).submissionId();
        s.recordScreeningCall(submission, coach, db.today(), "");
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            s.approve(submission, coach, "", "ok");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(notices).isEmpty();
        assertThat(s.getSubmissionForCoach(submission).status()).isEqualTo(SubmissionStatus.PENDING);
        db.useTransaction(tx -> {
            s.approve(submission, coach, "", "ok");
            assertThat(notices).as("not before the commit").isEmpty();
        });
        assertThat(notices).hasSize(1);
    }

    @DatabaseTest
    void coachQueueShowsProfilesWaitingTimesAndNotesInOneStatement(Database db, TestClock clock) {
        long coach = ProfileFixtures.coach(db, "coach", 10);
        ProfileFixtures.coach(db, "zeta", 0);
        CoachReviewService s = service(db);
        long first = s.submit(ProfileFixtures.profile(db, "anna", "hiking", "cooking")).submissionId();
        clock.advance(Duration.ofMinutes(30));
        s.submit(ProfileFixtures.profile(db, "bob", "wine", "jazz"));
        clock.advance(Duration.ofMinutes(30));
        s.submit(ProfileFixtures.profile(db, "cleo", "art", "yoga", "film"));
        clock.advance(Duration.ofMinutes(30));

        var counted = Statements.count(db, () -> s.listCoachQueue(coach));

        assertThat(counted.statements()).isEqualTo(1);
        List<CoachQueueItem> queue = counted.value();
        assertThat(queue).extracting(CoachQueueItem::fullName)
                .containsExactly("Anna Tester", "Bob Tester", "Cleo Tester");
        assertThat(queue).extracting(CoachQueueItem::waiting)
                .containsExactly(Duration.ofMinutes(90), Duration.ofMinutes(60), Duration.ofMinutes(30));
        assertThat(queue.get(0).interests()).containsExactly("hiking", "cooking");
        assertThat(queue.get(2).interests()).hasSize(3);
        assertThat(queue.get(0).submissionId()).isEqualTo(first);
        assertThat(queue.get(0).age()).isEqualTo(31);
    }

    @DatabaseTest
    void readsTakeOneStatement(Database db) {
        long c1 = ProfileFixtures.coach(db, "c1", 10);
        long c2 = ProfileFixtures.coach(db, "c2", 10);
        long c3 = ProfileFixtures.coach(db, "c3", 10);
        CoachReviewService s = service(db);
        long profile = ProfileFixtures.profile(db, "anna");
        long last = 0;
        for (int i = 0; i < 6; i++) {
            last = s.submit(i < 3 ? profile : ProfileFixtures.profile(db, "u" + i)).submissionId();
        }
        long lastId = last;
        var workloads = Statements.count(db, s::listCoachWorkloads);
        assertThat(workloads.statements()).isEqualTo(1);
        assertThat(workloads.value()).extracting(CoachWorkload::coachId).containsExactly(c1, c2, c3);
        assertThat(workloads.value()).extracting(CoachWorkload::pending).containsExactly(2, 2, 2);
        var forUser = Statements.count(db, () -> s.listSubmissionsForProfile(profile));
        assertThat(forUser.statements()).isEqualTo(1);
        assertThat(forUser.value()).hasSize(3);
        var forCoach = Statements.count(db, () -> s.getSubmissionForCoach(lastId));
        assertThat(forCoach.statements()).isEqualTo(1);
        assertThat(forCoach.value().status()).isEqualTo(SubmissionStatus.PENDING);
    }

    @DatabaseTest
    void concurrentReviewsOfOneSubmissionRecordExactlyOne(Database db) throws Exception {
        long coach = ProfileFixtures.coach(db, "coach", 5);
        CoachReviewService s = service(db);
        long submission = s.submit(ProfileFixtures.profile(db, "anna")).submissionId();
        s.recordScreeningCall(submission, coach, db.today(), "");
        List<java.util.concurrent.Callable<CoachReviewResult>> racers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean approve = i % 2 == 0;
            racers.add(() -> approve ? s.approve(submission, coach, "", "yes") : s.reject(submission, coach, "", "no"));
        }
        List<CoachReviewResult> results = Race.run(java.time.Duration.ofSeconds(60), racers).valuesOrFail();
        assertThat(results).filteredOn(r -> r instanceof CoachReviewResult.Reviewed).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof CoachReviewResult.AlreadyClosed).hasSize(3);
        assertThat(notices).hasSize(1);
        assertThat(s.getSubmissionForCoach(submission).status()).isEqualTo(notices.get(0).outcome());
    }
}
