package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.connect;
import static lu.entreprinder.persistence.crushlu.EventFixtures.attendee;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.crushlu.EventFixtures.member;
import static lu.entreprinder.persistence.crushlu.EventFixtures.registration;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

/**
 * Connections after an event as the platform runs them (V20): attendance, not confirmation; a reverse request is
 * "already exists"; only the recipient answers; the requester's coach on acceptance; contact sharing with both
 * consents and the coach's approval, readable only once shared.
 */
class ContactSharingIT {

    private static final Duration DAY = Duration.ofDays(3);

    @DatabaseTest
    void onlyAttendeesRequestOrReceiveAConfirmedRegistrationIsNotEnough(Database db) {
        ConnectionService service = new ConnectionService(db);
        long event = EventFixtures.pastEvent(db, "past", 10);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        long carl = member(db, "carl");
        registration(db, event, anna, RegistrationStatus.ATTENDED, DAY);
        registration(db, event, ben, RegistrationStatus.CONFIRMED, DAY);
        registration(db, event, carl, RegistrationStatus.ATTENDED, DAY);
        String before = EventFixtures.snapshot(db);

        assertThat(service.requestConnection(anna, ben, event))
                .isInstanceOf(ConnectionRequestResult.TargetNotAttendee.class);
        assertThat(service.requestConnection(ben, anna, event))
                .isInstanceOf(ConnectionRequestResult.RequesterNotAttendee.class);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
        // control: two attendees connect
        assertThat(service.requestConnection(anna, carl, event))
                .isInstanceOf(ConnectionRequestResult.Requested.class);
    }

    @DatabaseTest
    void aReverseRequestAlreadyExistsAndOnlyTheRecipientAnswers(Database db) {
        ConnectionService service = new ConnectionService(db);
        long event = EventFixtures.pastEvent(db, "past", 10);
        long anna = attendee(db, event, "anna");
        long ben = attendee(db, event, "ben");
        long carl = attendee(db, event, "carl");
        long id = ((ConnectionRequestResult.Requested) service.requestConnection(anna, ben, event)).connection().id();
        String before = EventFixtures.snapshot(db);

        assertThat(service.requestConnection(ben, anna, event)).isInstanceOfSatisfying(
                ConnectionRequestResult.AlreadyExists.class, r -> {
                    assertThat(r.connection().id()).isEqualTo(id);
                    assertThat(r.connection().fromUserId()).isEqualTo(anna);
                });
        // the requester, an outsider and a missing id get one and the same answer
        var missing = service.respond(ben, id + 1000, true);
        assertThat(missing).isEqualTo(new ConnectionResponseResult.NotFound());
        assertThat(service.respond(anna, id, true)).isEqualTo(missing);
        assertThat(service.respond(carl, id, false)).isEqualTo(missing);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
        assertThat(service.respond(ben, id, true)).isInstanceOf(ConnectionResponseResult.Connected.class);
    }

    @DatabaseTest
    void anAcceptedConnectionGetsTheRequestersActiveCoach(Database db, TestClock clock) {
        ConnectionService service = new ConnectionService(db);
        CoachReviewService coaching = new CoachReviewService(db, CoachReviewListener.none());
        long event = EventFixtures.pastEvent(db, "past", 10);
        long first = ProfileFixtures.coach(db, "first", 1);
        long second = ProfileFixtures.coach(db, "second", 1);
        long anna = attendee(db, event, "anna");
        long ben = attendee(db, event, "ben");
        long carl = attendee(db, event, "carl");
        long annaProfile = profileOf(db, anna);
        // anna's first submission goes to coach "first" (then full), her newer one to "second", later inactive;
        // ben's to nobody (both full): anna's newest submission with an active coach decides
        assertThat(coaching.submit(annaProfile).coachId()).hasValue(first);
        clock.advance(Duration.ofMinutes(1));
        assertThat(coaching.submit(annaProfile).coachId()).hasValue(second);
        assertThat(coaching.submit(profileOf(db, ben)).coachId()).isEmpty();

        long annaToBen = connect(service, anna, ben, event);
        assertThat(coachOf(db, annaToBen)).hasValue(second);
        coaching.updateCoachActive(second, false);
        long annaToCarl = connect(service, anna, carl, event);
        assertThat(coachOf(db, annaToCarl)).as("the newest submission's coach is inactive").hasValue(first);
        long benToCarl = connect(service, ben, carl, event);
        assertThat(coachOf(db, benToCarl)).as("ben has no coach; carl's does not count").isEmpty();

        long carlToDan = ((ConnectionRequestResult.Requested) service.requestConnection(carl, attendee(db, event,
                "dan"), event)).connection().id();
        assertThat(coachOf(db, carlToDan)).as("not before the acceptance").isEmpty();
    }

    @DatabaseTest
    void contactsAreSharedAfterBothConsentsAndTheCoachsApprovalAndReadableOnlyThen(Database db) {
        ConnectionService service = new ConnectionService(db);
        CoachReviewService coaching = new CoachReviewService(db, CoachReviewListener.none());
        long event = EventFixtures.pastEvent(db, "past", 10);
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long otherCoach = ProfileFixtures.coach(db, "other", 5);
        long anna = attendee(db, event, "anna");
        long ben = attendee(db, event, "ben");
        long carl = attendee(db, event, "carl");
        coaching.submit(profileOf(db, anna));
        long requested = ((ConnectionRequestResult.Requested) service.requestConnection(anna, ben, event))
                .connection().id();
        var accepted = Statements.count(db, () -> service.respond(ben, requested, true));
        assertThat(accepted.value()).isInstanceOfSatisfying(ConnectionResponseResult.Connected.class,
                r -> assertThat(r.connection().assignedCoachId()).hasValue(coach));
        assertThat(accepted.statements()).as("one UPDATE, the coach chosen inside it").isEqualTo(1);
        long id = requested;
        assertThat(coachOf(db, id)).hasValue(coach);
        assertThat(service.getContactDetails(anna, id))
                .isEqualTo(new ContactDetailsResult.NotSharedYet(true, ContactSharingStatus.ACCEPTED));

        var first = Statements.count(db, () -> service.consentToShare(anna, id));
        assertThat(first.value()).isInstanceOfSatisfying(ContactConsentResult.Recorded.class, r -> {
            assertThat(r.connection().requesterConsent()).isTrue();
            assertThat(r.connection().recipientConsent()).isFalse();
            assertThat(r.connection().sharingStatus()).isEqualTo(ContactSharingStatus.ACCEPTED);
        });
        assertThat(first.statements()).as("locking read + update").isEqualTo(2);
        assertThat(service.consentToShare(anna, id)).isInstanceOf(ContactConsentResult.AlreadyConsented.class);
        // the coach cannot act before both consented
        assertThat(service.approveContactSharing(coach, id)).isInstanceOf(CoachSharingResult.WrongState.class);

        assertThat(service.consentToShare(ben, id)).isInstanceOfSatisfying(ContactConsentResult.BothConsented.class,
                r -> assertThat(r.connection().sharingStatus()).isEqualTo(ContactSharingStatus.COACH_REVIEWING));
        assertThat(service.getContactDetails(ben, id))
                .isEqualTo(new ContactDetailsResult.NotSharedYet(true, ContactSharingStatus.COACH_REVIEWING));
        String reviewing = EventFixtures.snapshot(db);
        assertThat(service.approveContactSharing(otherCoach, id))
                .isEqualTo(new CoachSharingResult.NotAssignedCoach(id, OptionalLong.of(coach)));
        assertThat(service.shareContacts(coach, id)).as("approval comes first")
                .isInstanceOf(CoachSharingResult.WrongState.class);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(reviewing);

        var approved = Statements.count(db, () -> service.approveContactSharing(coach, id));
        assertThat(approved.value()).isInstanceOfSatisfying(CoachSharingResult.Advanced.class, r -> assertThat(
                r.connection().sharingStatus()).isEqualTo(ContactSharingStatus.COACH_APPROVED));
        assertThat(approved.statements()).as("one conditional update").isEqualTo(1);
        assertThat(service.approveContactSharing(coach, id)).isInstanceOf(CoachSharingResult.WrongState.class);
        assertThat(service.getContactDetails(anna, id))
                .isEqualTo(new ContactDetailsResult.NotSharedYet(true, ContactSharingStatus.COACH_APPROVED));

        var shared = Statements.count(db, () -> service.shareContacts(coach, id));
        assertThat(shared.value()).isInstanceOfSatisfying(CoachSharingResult.Advanced.class,
                r -> assertThat(r.connection().sharingStatus()).isEqualTo(ContactSharingStatus.SHARED));
        assertThat(shared.statements()).isEqualTo(1);
        var forAnna = Statements.count(db, () -> service.getContactDetails(anna, id));
        assertThat(forAnna.statements()).isEqualTo(1);
        assertThat(forAnna.value()).isEqualTo(new ContactDetailsResult.Shared(new ContactDetails(id, ben, "Ben",
                "Tester", "ben@example.com", phoneOf(db, ben))));
        assertThat(service.getContactDetails(ben, id)).isInstanceOfSatisfying(ContactDetailsResult.Shared.class,
                r -> assertThat(r.details().userId()).isEqualTo(anna));
        // an outsider learns nothing: the same answer as for a connection that does not exist
        assertThat(service.getContactDetails(carl, id)).isEqualTo(new ContactDetailsResult.NotFound());
        assertThat(service.getContactDetails(anna, id + 1000)).isEqualTo(new ContactDetailsResult.NotFound());
        assertThat(service.consentToShare(carl, id)).isEqualTo(new ContactConsentResult.NotFound());
    }

    @DatabaseTest
    void consentNeedsAnAcceptedConnectionAndAnActiveCoach(Database db) {
        ConnectionService service = new ConnectionService(db);
        CoachReviewService coaching = new CoachReviewService(db, CoachReviewListener.none());
        long event = EventFixtures.pastEvent(db, "past", 10);
        long coach = ProfileFixtures.coach(db, "coach", 5);
        long anna = attendee(db, event, "anna");
        long ben = attendee(db, event, "ben");
        long carl = attendee(db, event, "carl");
        coaching.submit(profileOf(db, anna));
        long pending = ((ConnectionRequestResult.Requested) service.requestConnection(anna, carl, event))
                .connection().id();
        String before = EventFixtures.snapshot(db);
        assertThat(service.consentToShare(anna, pending)).isInstanceOf(ContactConsentResult.NotConnected.class);
        assertThat(service.getContactDetails(anna, pending))
                .isEqualTo(new ContactDetailsResult.NotSharedYet(false, ContactSharingStatus.ACCEPTED));
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);

        long id = connect(service, anna, ben, event);
        service.consentToShare(ben, id);
        service.consentToShare(anna, id);
        coaching.updateCoachActive(coach, false);
        String reviewing = EventFixtures.snapshot(db);
        assertThat(service.approveContactSharing(coach, id)).isEqualTo(new CoachSharingResult.CoachInactive(coach));
        assertThat(service.approveContactSharing(coach, id + 1000)).isEqualTo(new CoachSharingResult.NotFound());
        assertThat(EventFixtures.snapshot(db)).isEqualTo(reviewing);

        assertField(() -> service.consentToShare(0, id), "userId");
        assertField(() -> service.consentToShare(anna, 0), "connectionId");
        assertField(() -> service.approveContactSharing(0, id), "coachId");
        assertField(() -> service.shareContacts(coach, -1), "connectionId");
        assertField(() -> service.getContactDetails(-1, id), "userId");
        assertField(() -> service.getContactDetails(anna, 0), "connectionId");
        assertThat(EventFixtures.snapshot(db)).isEqualTo(reviewing);
    }

    static long profileOf(Database db, long user) {
        var cp = lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
        return db.dsl().fetchValue(cp.ID, cp.USER_ID.eq(user));
    }

    static String phoneOf(Database db, long user) {
        var cp = lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
        return db.dsl().fetchValue(cp.PHONE, cp.USER_ID.eq(user));
    }

    static OptionalLong coachOf(Database db, long connection) {
        Long coach = db.dsl().fetchValue(EVENT_CONNECTION.ASSIGNED_COACH_ID, EVENT_CONNECTION.ID.eq(connection));
        return coach == null ? OptionalLong.empty() : OptionalLong.of(coach);
    }
}
