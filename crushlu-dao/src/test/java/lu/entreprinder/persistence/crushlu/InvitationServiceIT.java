package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_INVITATION;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

/** Guest invitations: invite, accept (creating the guest's user), expiry, coach approval, visibility. */
class InvitationServiceIT {

    private static final String HASH = "pbkdf2_sha256$guest";

    private static long privateEvent(Database db, String title) {
        return new EventDao(db).insertEvent(EventFixtures.draft(db, title, 10).withPrivateInvitation("CODE-" + title));
    }

    private static String snapshot(Database db) {
        return EventFixtures.snapshot(db) + "\n"
                + db.dsl().selectFrom(EVENT_INVITATION).orderBy(EVENT_INVITATION.ID).fetch().formatCSV() + "\n"
                + db.dsl().selectFrom(USER).orderBy(USER.ID).fetch().formatCSV();
    }

    @DatabaseTest
    void theWholeLifecycleFromInvitationToAVisiblePrivateEvent(Database db, Backend backend) {
        InvitationService invitations = new InvitationService(db);
        EventDao events = new EventDao(db);
        long organizer = Fixtures.user(db, "organizer");
        long coachUser = Fixtures.user(db, "coach");
        Fixtures.coach(db, coachUser, 5);
        long event = privateEvent(db, "soiree");

        var invited = Statements.count(db, () -> invitations.invite(event, organizer, "  Guest@Example.LU ", "Gia",
                "Guest"));
        assertThat(invited.statements()).isEqualTo(backend == Backend.POSTGRESQL ? 2 : 3);
        InvitationResult.Invited inv = (InvitationResult.Invited) invited.value();
        assertThat(inv.token()).hasSize(43);
        assertThat(inv.expiresAt()).isEqualTo(db.now().plus(InvitationService.VALIDITY).isBefore(db.now().plusDays(7))
                ? db.now().plus(InvitationService.VALIDITY) : db.now().plusDays(7));

        var found = Statements.count(db, () -> invitations.findInvitationByToken(inv.token()));
        assertThat(found.statements()).isEqualTo(1);
        assertThat(found.value()).hasValueSatisfying(i -> {
            assertThat(i.guestEmail()).isEqualTo("guest@example.lu");
            assertThat(i.eventTitle()).isEqualTo("soiree");
            assertThat(i.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(i.approval()).isEqualTo(GuestApproval.PENDING);
        });

        var accepted = Statements.count(db, () -> invitations.accept(inv.token(), "gia", HASH));
        assertThat(accepted.statements()).isEqualTo(5);
        long guest = ((InvitationAcceptResult.Accepted) accepted.value()).guestUserId();
        assertThat(accepted.value()).isEqualTo(new InvitationAcceptResult.Accepted(inv.invitationId(), event, guest));
        assertThat(db.dsl().select(USER.USERNAME, USER.EMAIL, USER.FIRST_NAME, USER.LAST_NAME, USER.PASSWORD,
                        USER.IS_ACTIVE).from(USER).where(USER.ID.eq(guest)).fetchOne().intoArray())
                .containsExactly("gia", "guest@example.lu", "Gia", "Guest", HASH, true);

        // accepted, not yet approved: the private event stays invisible to the guest
        assertThat(events.listEventsForViewer(guest, EventFilter.all(), PageRequest.first()).items()).isEmpty();
        assertThat(events.findEventDetail(event, guest, null)).isEmpty();

        var second = Statements.count(db, () -> invitations.accept(inv.token(), "gia2", HASH));
        assertThat(second.value()).isEqualTo(new InvitationAcceptResult.AlreadyAccepted(inv.invitationId()));
        assertThat(second.statements()).isEqualTo(1);

        long notCoach = Fixtures.user(db, "nobody");
        String before = snapshot(db);
        assertThat(invitations.approveGuest(inv.invitationId(), notCoach))
                .isInstanceOf(GuestApprovalResult.NotACoach.class);
        assertThat(snapshot(db)).isEqualTo(before);
        // an inactive coach cannot approve either (V20)
        long idleCoach = Fixtures.coach(db, Fixtures.user(db, "idle"), 5);
        new CoachReviewService(db, CoachReviewListener.none()).updateCoachActive(idleCoach, false);
        String beforeIdle = snapshot(db);
        assertThat(invitations.approveGuest(inv.invitationId(), db.dsl().fetchValue(CRUSH_COACH.USER_ID,
                CRUSH_COACH.ID.eq(idleCoach)))).isInstanceOf(GuestApprovalResult.NotACoach.class);
        assertThat(snapshot(db)).isEqualTo(beforeIdle);

        var approved = Statements.count(db, () -> invitations.approveGuest(inv.invitationId(), coachUser));
        assertThat(approved.statements()).isEqualTo(2);
        assertThat(approved.value()).isEqualTo(
                new GuestApprovalResult.Decided(inv.invitationId(), guest, GuestApproval.APPROVED));
        assertThat(invitations.rejectGuest(inv.invitationId(), coachUser))
                .isEqualTo(new GuestApprovalResult.AlreadyDecided(GuestApproval.APPROVED));

        assertThat(events.listEventsForViewer(guest, EventFilter.all(), PageRequest.first()).items())
                .extracting(EventListItem::id).containsExactly(event);
        assertThat(events.findEventDetail(event, guest, null)).isPresent();
        assertThat(events.listEventsForAnonymous(EventFilter.all(), PageRequest.first()).items()).isEmpty();
        var listed = Statements.count(db, () -> invitations.listInvitationsForEvent(event));
        assertThat(listed.statements()).isEqualTo(1);
        assertThat(listed.value()).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(i.guestUserId()).contains(guest);
            assertThat(i.approval()).isEqualTo(GuestApproval.APPROVED);
            assertThat(i.approvedAt()).contains(db.now());
            assertThat(i.acceptedAt()).contains(db.now());
        });
    }

    @DatabaseTest
    void aRejectedGuestNeverSeesThePrivateEvent(Database db) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        long coachUser = Fixtures.user(db, "coach");
        Fixtures.coach(db, coachUser, 5);
        long event = privateEvent(db, "closed");
        var inv = (InvitationResult.Invited) invitations.invite(event, organizer, "g@example.lu", "", "");
        var accepted = (InvitationAcceptResult.Accepted) invitations.accept(inv.token(), "g", HASH);
        assertThat(invitations.rejectGuest(inv.invitationId(), coachUser)).isEqualTo(
                new GuestApprovalResult.Decided(inv.invitationId(), accepted.guestUserId(), GuestApproval.REJECTED));
        assertThat(new EventDao(db).findEventDetail(event, accepted.guestUserId(), null)).isEmpty();
    }

    @DatabaseTest
    void aPendingInvitationCannotBeDecidedOn(Database db) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        long coachUser = Fixtures.user(db, "coach");
        Fixtures.coach(db, coachUser, 5);
        var inv = (InvitationResult.Invited) invitations.invite(privateEvent(db, "p"), organizer, "g@example.lu",
                "", "");
        assertThat(invitations.approveGuest(inv.invitationId(), coachUser))
                .isEqualTo(new GuestApprovalResult.NotAccepted(InvitationStatus.PENDING));
        assertThatThrownBy(() -> invitations.approveGuest(4242, coachUser)).isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void anExpiredInvitationIsRefusedAndMarkedExpired(Database db, TestClock clock) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        var inv = (InvitationResult.Invited) invitations.invite(privateEvent(db, "p"), organizer, "g@example.lu",
                "", "");
        clock.set(inv.expiresAt().toInstant());
        int users = db.dsl().fetchCount(USER);
        assertThat(invitations.accept(inv.token(), "g", HASH))
                .isEqualTo(new InvitationAcceptResult.Expired(inv.invitationId()));
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(users);
        assertThat(invitations.findInvitationByToken(inv.token())).map(Invitation::status)
                .contains(InvitationStatus.EXPIRED);
        assertThat(invitations.accept(inv.token(), "g", HASH))
                .isEqualTo(new InvitationAcceptResult.Expired(inv.invitationId()));
    }

    @DatabaseTest
    void anAddressWithAnAccountAlreadyOrATakenUsernameCreatesNothing(Database db) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        Fixtures.user(db, "anna", "Anna@Example.LU");
        long event = privateEvent(db, "p");
        var toAnna = (InvitationResult.Invited) invitations.invite(event, organizer, "anna@example.lu", "", "");
        var toBen = (InvitationResult.Invited) invitations.invite(event, organizer, "ben@example.lu", "", "");
        String before = snapshot(db);
        assertThat(invitations.accept(toAnna.token(), "anna2", HASH))
                .isEqualTo(new InvitationAcceptResult.EmailInUse("anna@example.lu"));
        assertThat(invitations.accept(toBen.token(), "anna", HASH))
                .isEqualTo(new InvitationAcceptResult.UsernameTaken("anna"));
        assertThat(invitations.accept("no-such-token", "x", HASH))
                .isInstanceOf(InvitationAcceptResult.UnknownToken.class);
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(invitations.accept(toBen.token(), "ben", HASH)).isInstanceOf(InvitationAcceptResult.Accepted.class);
    }

    @DatabaseTest
    void onlyUpcomingPrivateNotCancelledEventsTakeInvitationsOncePerAddress(Database db) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        long open = EventFixtures.event(db, "public", 5);
        long past = new EventDao(db).insertEvent(NewEvent.of("past", db.now().minusDays(1), db.now().minusDays(2), 5)
                .withPrivateInvitation("OLD"));
        long cancelled = privateEvent(db, "off");
        new EventService(db).cancelEvent(cancelled);
        long event = privateEvent(db, "p");
        String before = snapshot(db);
        for (long e : List.of(open, past, cancelled)) {
            var refused = Statements.count(db, () -> invitations.invite(e, organizer, "g@example.lu", "", ""));
            assertThat(refused.value()).isInstanceOf(InvitationResult.NotInvitable.class);
            assertThat(refused.statements()).isEqualTo(1);
        }
        assertThat(snapshot(db)).isEqualTo(before);
        var first = (InvitationResult.Invited) invitations.invite(event, organizer, "g@example.lu", "", "");
        assertThat(invitations.invite(event, organizer, "G@EXAMPLE.lu", "", ""))
                .isEqualTo(new InvitationResult.AlreadyInvited(first.invitationId(), InvitationStatus.PENDING));
    }

    @DatabaseTest
    void badInputNamesTheFieldAndWritesNothing(Database db) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        long event = privateEvent(db, "p");
        var inv = (InvitationResult.Invited) invitations.invite(event, organizer, "g@example.lu", "", "");
        String before = snapshot(db);
        record Bad(Runnable call, String field) {
        }
        for (Bad bad : List.of(
                new Bad(() -> invitations.invite(event, organizer, "not-an-address", "", ""), "email"),
                new Bad(() -> invitations.invite(event, organizer, "", "", ""), "email"),
                new Bad(() -> invitations.invite(event, organizer, "a@b@c", "", ""), "email"),
                new Bad(() -> invitations.invite(event, organizer, "x@example.lu", "x".repeat(151), ""), "firstName"),
                new Bad(() -> invitations.invite(event, organizer, "x@example.lu", "", "x".repeat(151)), "lastName"),
                new Bad(() -> invitations.invite(0, organizer, "x@example.lu", "", ""), "eventId"),
                new Bad(() -> invitations.invite(event, -1, "x@example.lu", "", ""), "invitedByUserId"),
                new Bad(() -> invitations.accept("", "g", HASH), "token"),
                new Bad(() -> invitations.accept(inv.token(), "has space", HASH), "username"),
                new Bad(() -> invitations.accept(inv.token(), "g", ""), "passwordHash"),
                new Bad(() -> invitations.approveGuest(0, organizer), "invitationId"),
                new Bad(() -> invitations.rejectGuest(inv.invitationId(), 0), "coachUserId"))) {
            assertThatThrownBy(bad.call()::run).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo(bad.field()));
        }
        assertThatThrownBy(() -> invitations.invite(4242, organizer, "x@example.lu", "", ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitations.invite(event, 4242, "x@example.lu", "", ""))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    /** An approved guest counts as invited: registering needs no code (with a profile, as every member). */
    @DatabaseTest
    void anApprovedGuestWithAProfileRegistersWithoutTheCode(Database db) {
        InvitationService invitations = new InvitationService(db);
        long organizer = Fixtures.user(db, "organizer");
        long coachUser = Fixtures.user(db, "coach");
        Fixtures.coach(db, coachUser, 5);
        long event = privateEvent(db, "p");
        var inv = (InvitationResult.Invited) invitations.invite(event, organizer, "g@example.lu", "", "");
        long guest = ((InvitationAcceptResult.Accepted) invitations.accept(inv.token(), "g", HASH)).guestUserId();
        Fixtures.crushProfile(db, guest).insert();
        RegistrationService registrations = new RegistrationService(db);
        assertThat(registrations.register(guest, event, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.PrivateWithoutInvitation.class);
        invitations.approveGuest(inv.invitationId(), coachUser);
        assertThat(registrations.register(guest, event, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.Confirmed.class);
    }
}
