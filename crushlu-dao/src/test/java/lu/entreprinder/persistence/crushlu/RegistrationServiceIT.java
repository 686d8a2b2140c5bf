package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.count;
import static lu.entreprinder.persistence.crushlu.EventFixtures.member;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class RegistrationServiceIT {

    @DatabaseTest
    void confirmsWhileSpotsRemainThenWaitlists(Database db) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 2);
        List<Long> users = EventFixtures.members(db, "u", 4);

        assertThat(service.register(users.get(0), event, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.Confirmed.class);
        assertThat(service.register(users.get(1), event, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.Confirmed.class);
        RegistrationResult third = service.register(users.get(2), event, RegistrationDetails.none());
        assertThat(third).isInstanceOfSatisfying(RegistrationResult.Waitlisted.class, w -> {
            assertThat(w.position()).isEqualTo(1);
            assertThat(w.registration().status()).isEqualTo(RegistrationStatus.WAITLIST);
        });
        assertThat(service.register(users.get(3), event, RegistrationDetails.none()))
                .isInstanceOfSatisfying(RegistrationResult.Waitlisted.class, w -> assertThat(w.position()).isEqualTo(2));
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(2);
        assertThat(count(db, event, RegistrationStatus.WAITLIST)).isEqualTo(2);
    }

    @DatabaseTest
    void registeringTwiceReturnsTheExistingRegistration(Database db) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 2);
        long anna = member(db, "anna");
        var first = (RegistrationResult.Confirmed) service.register(anna, event,
                new RegistrationDetails("vegan", null, null));
        RegistrationResult again = service.register(anna, event, new RegistrationDetails("none", "x", null));
        assertThat(again).isEqualTo(new RegistrationResult.AlreadyRegistered(first.registration()));
        assertThat(EventFixtures.registrations(db)).isEqualTo(1);
        assertThat(new EventDao(db).listRegistrationsForOrganizer(event, null).get(0).dietaryRestrictions())
                .isEqualTo("vegan");
    }

    @DatabaseTest
    void registeringAfterCancellationReactivatesTheSameRow(Database db, TestClock clock) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 1);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        var first = (RegistrationResult.Confirmed) service.register(anna, event, RegistrationDetails.none());
        assertThat(service.cancel(anna, event)).isInstanceOf(RegistrationCancelResult.Cancelled.class);
        service.register(ben, event, RegistrationDetails.none());
        clock.advance(Duration.ofMinutes(5));

        RegistrationResult again = service.register(anna, event, RegistrationDetails.none());
        assertThat(again).isInstanceOfSatisfying(RegistrationResult.Waitlisted.class, w -> {
            assertThat(w.registration().id()).isEqualTo(first.registration().id());
            assertThat(w.registration().createdAt()).isEqualTo(db.now());
        });
        assertThat(EventFixtures.registrations(db)).isEqualTo(2);
        service.cancel(ben, event);
        assertThat(service.findRegistration(anna, event).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @DatabaseTest
    void eachRefusalIsItsOwnOutcome(Database db, TestClock clock) {
        RegistrationService service = new RegistrationService(db);
        EventDao events = new EventDao(db);
        long open = EventFixtures.event(db, "open", 5);
        long draft = events.insertEvent(EventFixtures.draft(db, "draft", 5).withPublished(false));
        long young = events.insertEvent(EventFixtures.draft(db, "young", 5).withAges(18, 30));
        long priv = events.insertEvent(EventFixtures.draft(db, "priv", 5).withPrivateInvitation("ROSE"));
        long anna = member(db, "anna");                                    // 31
        long noProfile = Fixtures.user(db, "plain");
        long pending = Fixtures.user(db, "pending");
        Fixtures.crushProfile(db, pending).approved(false).insert();
        long inactive = Fixtures.user(db, "inactive");
        Fixtures.crushProfile(db, inactive).active(false).insert();
        long teen = member(db, "teen", LocalDate.of(2008, 6, 2), true);    // 17

        assertThat(service.register(anna, draft, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.NotOpen.class);
        assertThat(service.register(noProfile, open, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.ProfileMissing.class);
        assertThat(service.register(pending, open, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.ProfileNotApproved.class);
        assertThat(service.register(inactive, open, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.ProfileNotApproved.class);
        assertThat(service.register(anna, young, RegistrationDetails.none()))
                .isEqualTo(new RegistrationResult.AgeOutOfRange(31, 18, 30));
        assertThat(service.register(teen, open, RegistrationDetails.none()))
                .isEqualTo(new RegistrationResult.AgeOutOfRange(17, 18, 99));
        assertThat(service.register(anna, priv, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.PrivateWithoutInvitation.class);
        assertThat(service.register(anna, priv, RegistrationDetails.withCode("WRONG")))
                .isInstanceOf(RegistrationResult.PrivateWithoutInvitation.class);
        assertThat(EventFixtures.registrations(db)).isZero();

        assertThat(service.register(anna, priv, RegistrationDetails.withCode("ROSE")))
                .isInstanceOf(RegistrationResult.Confirmed.class);
        long special = member(db, "special");
        events.insertSpecialUser(priv, special);
        assertThat(service.register(special, priv, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.Confirmed.class);

        clock.advance(Duration.ofDays(6));                                 // the deadline
        assertThat(service.register(member(db, "late"), open, RegistrationDetails.none()))
                .isInstanceOf(RegistrationResult.NotOpen.class);
        assertThat(EventFixtures.registrations(db)).isEqualTo(2);
    }

    @DatabaseTest
    void cancellingAConfirmedSpotPromotesTheOldestWaitlistedAfterCommit(Database db, TestClock clock) {
        List<RegistrationPromotion> heard = new CopyOnWriteArrayList<>();
        List<Boolean> heardInsideTransaction = new CopyOnWriteArrayList<>();
        RegistrationService service = new RegistrationService(db, promotion -> {
            heard.add(promotion);
            heardInsideTransaction.add(db.inTransaction());
        });
        long event = EventFixtures.event(db, "e", 1);
        List<Long> users = EventFixtures.members(db, "u", 3);
        for (long u : users) {
            service.register(u, event, RegistrationDetails.none());
            clock.advance(Duration.ofSeconds(1));
        }
        RegistrationCancelResult result = service.cancel(users.get(0), event);
        assertThat(result).isInstanceOfSatisfying(RegistrationCancelResult.Cancelled.class, c -> {
            assertThat(c.registration().status()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(c.promoted()).get().extracting(Registration::userId).isEqualTo(users.get(1));
        });
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).userId()).isEqualTo(users.get(1));
        assertThat(heard.get(0).cancelledUserId()).isEqualTo(users.get(0));
        assertThat(heardInsideTransaction).containsExactly(false);
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(1);

        // a waitlisted cancellation frees no spot
        assertThat(service.cancel(users.get(2), event)).isInstanceOfSatisfying(RegistrationCancelResult.Cancelled.class,
                c -> assertThat(c.promoted()).isEmpty());
        assertThat(service.cancel(users.get(2), event)).isInstanceOf(RegistrationCancelResult.NotRegistered.class);
        assertThat(service.cancel(member(db, "stranger"), event))
                .isInstanceOf(RegistrationCancelResult.NotRegistered.class);
        assertThat(heard).hasSize(1);
    }

    @DatabaseTest
    void aRolledBackCancellationNeitherPromotesNorTellsTheListener(Database db) {
        List<RegistrationPromotion> heard = new CopyOnWriteArrayList<>();
        RegistrationService service = new RegistrationService(db, heard::add);
        long event = EventFixtures.event(db, "e", 1);
        List<Long> users = EventFixtures.members(db, "u", 2);
        users.forEach(u -> service.register(u, event, RegistrationDetails.none()));
        String before = EventFixtures.snapshot(db);

        assertThatThrownBy(() -> db.useTransaction(tx -> {
            assertThat(service.cancel(users.get(0), event)).isInstanceOf(RegistrationCancelResult.Cancelled.class);
            throw new IllegalStateException("caller fails later");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(heard).isEmpty();
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void attendanceIsRecordedAfterTheEventForConfirmedRegistrations(Database db, TestClock clock) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 1);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        service.register(anna, event, RegistrationDetails.none());
        service.register(ben, event, RegistrationDetails.none());
        assertThat(service.markAttendance(anna, event, true)).isInstanceOf(RegistrationUpdateResult.EventNotOver.class);

        clock.advance(Duration.ofDays(8));
        assertThat(service.markAttendance(anna, event, true))
                .isInstanceOfSatisfying(RegistrationUpdateResult.Updated.class,
                        u -> assertThat(u.registration().status()).isEqualTo(RegistrationStatus.ATTENDED));
        assertThat(service.markAttendance(anna, event, false))
                .isInstanceOfSatisfying(RegistrationUpdateResult.Updated.class,
                        u -> assertThat(u.registration().status()).isEqualTo(RegistrationStatus.NO_SHOW));
        assertThat(service.markAttendance(ben, event, true)).isInstanceOf(RegistrationUpdateResult.NotConfirmed.class);
        assertThat(service.markAttendance(member(db, "carl"), event, true))
                .isInstanceOf(RegistrationUpdateResult.NotRegistered.class);
        assertThat(service.cancel(anna, event)).isInstanceOf(RegistrationCancelResult.AlreadyFinal.class);
        assertThatThrownBy(() -> service.markAttendance(anna, 999, true)).isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void paymentConfirmationSetsTheFlagAndTheDateOnce(Database db, TestClock clock) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 1);
        long anna = member(db, "anna");
        service.register(anna, event, RegistrationDetails.none());
        var paidAt = db.now();
        assertThat(service.confirmPayment(anna, event)).isInstanceOfSatisfying(RegistrationUpdateResult.Updated.class,
                u -> {
                    assertThat(u.registration().paymentConfirmed()).isTrue();
                    assertThat(u.registration().paymentDate()).contains(paidAt);
                });
        clock.advance(Duration.ofHours(1));
        assertThat(service.confirmPayment(anna, event)).isInstanceOfSatisfying(RegistrationUpdateResult.Updated.class,
                u -> assertThat(u.registration().paymentDate()).contains(paidAt));
        assertThat(service.confirmPayment(member(db, "ben"), event))
                .isInstanceOf(RegistrationUpdateResult.NotRegistered.class);
        assertThat(service.findRegistration(anna, event).orElseThrow().paymentConfirmed()).isTrue();
    }

    @DatabaseTest
    void findRegistrationIsOneStatement(Database db) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 1);
        long anna = member(db, "anna");
        assertThat(service.findRegistration(anna, event)).isEmpty();
        service.register(anna, event, RegistrationDetails.none());
        var counted = Statements.count(db, () -> service.findRegistration(anna, event));
        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.value()).get().extracting(Registration::status).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    /**
     * A registration is three statements (the event's lock joined with the user's rows, the count, the write), a
     * reactivation too; an answer decided by the first statement (already registered, a refusal) is that one. On
     * SQLite jOOQ reads an insert's {@code RETURNING} with a second statement: four for a new registration there.
     */
    @DatabaseTest
    void registerIsThreeStatementsAndAnAnswerWithoutWriteIsOne(Database db, Backend backend) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 1);
        List<Long> users = EventFixtures.members(db, "u", 3);
        for (long user : users) {
            var counted = Statements.count(db, () -> service.register(user, event, RegistrationDetails.none()));
            assertThat(counted.statements()).isEqualTo(backend == Backend.POSTGRESQL ? 3 : 4);
        }
        var again = Statements.count(db, () -> service.register(users.get(0), event, RegistrationDetails.none()));
        assertThat(again.value()).isInstanceOf(RegistrationResult.AlreadyRegistered.class);
        assertThat(again.statements()).isEqualTo(1);
        service.cancel(users.get(2), event);
        var reactivated = Statements.count(db,
                () -> service.register(users.get(2), event, RegistrationDetails.none()));
        assertThat(reactivated.value()).isInstanceOf(RegistrationResult.Waitlisted.class);
        assertThat(reactivated.statements()).isEqualTo(3);
        long noProfile = Fixtures.user(db, "plain");
        var refused = Statements.count(db, () -> service.register(noProfile, event, RegistrationDetails.none()));
        assertThat(refused.value()).isInstanceOf(RegistrationResult.ProfileMissing.class);
        assertThat(refused.statements()).isEqualTo(1);
    }

    @DatabaseTest
    void badRegistrationInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", 1);
        long anna = member(db, "anna");
        service.register(anna, event, RegistrationDetails.none());
        long ben = member(db, "ben");
        String before = EventFixtures.snapshot(db);
        String tooLong = "x".repeat(RegistrationDetails.MAX_TEXT + 1);

        assertField(() -> service.register(0, event, RegistrationDetails.none()), "userId");
        // a long id that would wrap around to an existing user when cast to auth_user's integer
        assertField(() -> service.register(ben + (1L << 32), event, RegistrationDetails.none()), "userId");
        assertField(() -> service.cancel(anna + (1L << 32), event), "userId");
        assertField(() -> service.register(ben, -1, RegistrationDetails.none()), "eventId");
        assertField(() -> service.register(ben, event, null), "details");
        assertField(() -> service.register(ben, event, new RegistrationDetails(tooLong, null, null)),
                "details.dietaryRestrictions");
        assertField(() -> service.register(ben, event, new RegistrationDetails(null, tooLong, null)),
                "details.specialRequests");
        assertField(() -> service.register(ben, event, RegistrationDetails.withCode("c".repeat(51))),
                "details.invitationCode");
        assertThatThrownBy(() -> service.register(ben, 999, RegistrationDetails.none()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("event"));
        assertThatThrownBy(() -> service.register(999, event, RegistrationDetails.none()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("user"));
        assertField(() -> service.cancel(0, event), "userId");
        assertField(() -> service.cancel(anna, 0), "eventId");
        assertThatThrownBy(() -> service.cancel(anna, 999)).isInstanceOf(NotFoundException.class);
        assertField(() -> service.markAttendance(-5, event, true), "userId");
        assertField(() -> service.markAttendance(anna, 0, true), "eventId");
        assertField(() -> service.confirmPayment(0, event), "userId");
        assertField(() -> service.confirmPayment(anna, -1), "eventId");
        assertThatThrownBy(() -> service.confirmPayment(anna, 999)).isInstanceOf(NotFoundException.class);
        assertField(() -> service.findRegistration(0, event), "userId");
        assertField(() -> service.findRegistration(anna, 0), "eventId");
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }
}
