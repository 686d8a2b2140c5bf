package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.count;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

/**
 * Cancelling an event, changing its capacity (with first-come-first-served promotion), and the rule that nothing is
 * promoted on a past, cancelled or unpublished event, on both databases.
 */
class EventServiceIT {

    private static final RegistrationDetails NONE = RegistrationDetails.none();

    @DatabaseTest
    void aCancelledEventTakesNoRegistrationAndLeavesTheListingsButKeepsItsRegistrations(Database db) {
        EventService events = new EventService(db);
        RegistrationService registrations = new RegistrationService(db);
        EventDao dao = new EventDao(db);
        long event = EventFixtures.event(db, "cancelled soon", 5);
        long other = EventFixtures.event(db, "still on", 5);
        List<Long> users = EventFixtures.members(db, "m", 3);
        assertThat(registrations.register(users.get(0), event, NONE)).isInstanceOf(RegistrationResult.Confirmed.class);

        var cancelled = Statements.count(db, () -> events.cancelEvent(event));
        assertThat(cancelled.value()).isEqualTo(new EventCancelResult.Cancelled(event, db.now()));
        assertThat(cancelled.statements()).isEqualTo(2);
        assertThat(db.dsl().select(MEETUP_EVENT.IS_CANCELLED, MEETUP_EVENT.CANCELLED_AT).from(MEETUP_EVENT)
                .where(MEETUP_EVENT.ID.eq(event)).fetchOne().intoArray()).containsExactly(true, db.now());

        assertThat(registrations.register(users.get(1), event, NONE)).isInstanceOf(RegistrationResult.NotOpen.class);
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(1);
        assertThat(dao.listEventsForViewer(users.get(0), EventFilter.all(), PageRequest.first(20)).items())
                .extracting(EventListItem::id).containsExactly(other);
        assertThat(dao.listEventsForAnonymous(EventFilter.all(), PageRequest.first(20)).items())
                .extracting(PublicEventListItem::id).containsExactly(other);
        assertThat(dao.findEventDetail(event, users.get(0), null)).hasValueSatisfying(d -> {
            assertThat(d.registrationOpen()).isFalse();
            assertThat(d.viewerStatus()).contains(RegistrationStatus.CONFIRMED);
        });

        var again = Statements.count(db, () -> events.cancelEvent(event));
        assertThat(again.value()).isEqualTo(new EventCancelResult.AlreadyCancelled(event, java.util.Optional.of(db.now())));
        assertThat(again.statements()).isEqualTo(1);
    }

    @DatabaseTest
    void cancellingAnUnknownEventOrABadIdIsRefused(Database db) {
        EventService events = new EventService(db);
        assertThatThrownBy(() -> events.cancelEvent(4242)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> events.cancelEvent(0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("eventId"));
    }

    /** The bug of the issue: cancelling a registration of an unpublished event promoted the waitlist. */
    @DatabaseTest
    void cancellingARegistrationOnAnUnpublishedEventPromotesNobody(Database db) {
        long event = new EventDao(db).insertEvent(EventFixtures.draft(db, "draft", 1).withPublished(false));
        assertWaitlistStaysWhenTheConfirmedOneCancels(db, event);
    }

    @DatabaseTest
    void cancellingARegistrationOnACancelledEventPromotesNobody(Database db) {
        long event = EventFixtures.event(db, "off", 1);
        new EventService(db).cancelEvent(event);
        assertWaitlistStaysWhenTheConfirmedOneCancels(db, event);
    }

    @DatabaseTest
    void cancellingARegistrationOnAPastEventPromotesNobody(Database db) {
        long event = EventFixtures.pastEvent(db, "yesterday", 1);
        assertWaitlistStaysWhenTheConfirmedOneCancels(db, event);
    }

    /** The control of the three above: the same on a published future event promotes. */
    @DatabaseTest
    void cancellingARegistrationOnAPublishedFutureEventPromotesTheOldestWaiting(Database db) {
        long event = EventFixtures.event(db, "on", 1);
        long confirmed = EventFixtures.member(db, "c");
        long waiting = EventFixtures.member(db, "w");
        EventFixtures.registration(db, event, confirmed, RegistrationStatus.CONFIRMED, Duration.ofHours(2));
        EventFixtures.registration(db, event, waiting, RegistrationStatus.WAITLIST, Duration.ofHours(1));
        var result = new RegistrationService(db).cancel(confirmed, event);
        assertThat(result).isInstanceOfSatisfying(RegistrationCancelResult.Cancelled.class,
                c -> assertThat(c.promoted()).map(Registration::userId).contains(waiting));
    }

    private static void assertWaitlistStaysWhenTheConfirmedOneCancels(Database db, long event) {
        long confirmed = EventFixtures.member(db, "c");
        long waiting = EventFixtures.member(db, "w");
        EventFixtures.registration(db, event, confirmed, RegistrationStatus.CONFIRMED, Duration.ofHours(2));
        EventFixtures.registration(db, event, waiting, RegistrationStatus.WAITLIST, Duration.ofHours(1));
        List<RegistrationPromotion> heard = new CopyOnWriteArrayList<>();
        var result = new RegistrationService(db, heard::add).cancel(confirmed, event);
        assertThat(result).isInstanceOfSatisfying(RegistrationCancelResult.Cancelled.class, c -> {
            assertThat(c.registration().status()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(c.promoted()).isEmpty();
        });
        assertThat(count(db, event, RegistrationStatus.WAITLIST)).isEqualTo(1);
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isZero();
        assertThat(heard).isEmpty();
    }

    /**
     * Raising the capacity confirms the oldest waitlisted registrations by {@code created_at} (not by id), as many
     * as the new places, and tells the listener after the commit, oldest first.
     */
    @DatabaseTest
    void raisingTheCapacityPromotesTheOldestWaitlistedFirstAndNotifiesAfterCommit(Database db, Backend backend) {
        long event = EventFixtures.event(db, "grows", 2);
        List<Long> users = EventFixtures.members(db, "u", 6);
        EventFixtures.registration(db, event, users.get(0), RegistrationStatus.CONFIRMED, Duration.ofHours(10));
        EventFixtures.registration(db, event, users.get(1), RegistrationStatus.CONFIRMED, Duration.ofHours(9));
        // inserted in id order, but created in the order 4, 2, 5, 3
        EventFixtures.registration(db, event, users.get(2), RegistrationStatus.WAITLIST, Duration.ofHours(7));
        EventFixtures.registration(db, event, users.get(3), RegistrationStatus.WAITLIST, Duration.ofHours(5));
        EventFixtures.registration(db, event, users.get(4), RegistrationStatus.WAITLIST, Duration.ofHours(8));
        EventFixtures.registration(db, event, users.get(5), RegistrationStatus.WAITLIST, Duration.ofHours(6));
        List<RegistrationPromotion> heard = new CopyOnWriteArrayList<>();
        EventService events = new EventService(db, heard::add);

        var changed = Statements.count(db, () -> db.inTransaction(tx -> {
            CapacityChangeResult r = events.changeCapacity(event, 5);
            assertThat(heard).as("nothing is told before the commit").isEmpty();
            return r;
        }));
        assertThat(changed.value()).isInstanceOfSatisfying(CapacityChangeResult.Changed.class, c -> {
            assertThat(c.previous()).isEqualTo(2);
            assertThat(c.capacity()).isEqualTo(5);
            assertThat(c.promoted()).extracting(Registration::userId)
                    .containsExactly(users.get(4), users.get(2), users.get(5));
            assertThat(c.promoted()).allMatch(p -> p.status() == RegistrationStatus.CONFIRMED);
        });
        assertThat(changed.statements()).isEqualTo(5);
        assertThat(heard).extracting(RegistrationPromotion::userId)
                .containsExactly(users.get(4), users.get(2), users.get(5));
        assertThat(heard).allMatch(p -> p.eventId() == event && p.cancelledUserId() == 0);
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(5);
        assertThat(new RegistrationService(db).findRegistration(users.get(3), event))
                .map(Registration::status).contains(RegistrationStatus.WAITLIST);
    }

    @DatabaseTest
    void aRolledBackCapacityChangePromotesNobodyAndTellsNobody(Database db) {
        long event = EventFixtures.event(db, "e", 1);
        long c = EventFixtures.member(db, "c");
        long w = EventFixtures.member(db, "w");
        EventFixtures.registration(db, event, c, RegistrationStatus.CONFIRMED, Duration.ofHours(2));
        EventFixtures.registration(db, event, w, RegistrationStatus.WAITLIST, Duration.ofHours(1));
        List<RegistrationPromotion> heard = new CopyOnWriteArrayList<>();
        EventService events = new EventService(db, heard::add);
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            events.changeCapacity(event, 3);
            throw new IllegalStateException("caller fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(heard).isEmpty();
        assertThat(count(db, event, RegistrationStatus.WAITLIST)).isEqualTo(1);
        assertThat(db.dsl().fetchValue(MEETUP_EVENT.MAX_PARTICIPANTS, MEETUP_EVENT.ID.eq(event))).isEqualTo(1);
    }

    @DatabaseTest
    void raisingTheCapacityOfAPastOrUnpublishedEventPromotesNobody(Database db, Backend backend) {
        long past = EventFixtures.pastEvent(db, "past", 1);
        long draft = new EventDao(db).insertEvent(EventFixtures.draft(db, "draft", 1).withPublished(false));
        List<Long> users = EventFixtures.members(db, "u", 2);
        for (long event : List.of(past, draft)) {
            EventFixtures.registration(db, event, users.get(0), RegistrationStatus.CONFIRMED, Duration.ofHours(2));
            EventFixtures.registration(db, event, users.get(1), RegistrationStatus.WAITLIST, Duration.ofHours(1));
            var changed = Statements.count(db, () -> new EventService(db).changeCapacity(event, 4));
            assertThat(changed.value()).isEqualTo(new CapacityChangeResult.Changed(event, 1, 4, List.of()));
            assertThat(changed.statements()).isEqualTo(3);
            assertThat(count(db, event, RegistrationStatus.WAITLIST)).isEqualTo(1);
            assertThat(db.dsl().fetchValue(MEETUP_EVENT.MAX_PARTICIPANTS, MEETUP_EVENT.ID.eq(event))).isEqualTo(4);
        }
    }

    @DatabaseTest
    void loweringTheCapacityBelowTheConfirmedIsRefusedAndDownToThemIsAllowed(Database db) {
        EventService events = new EventService(db);
        long event = EventFixtures.event(db, "shrinks", 5);
        List<Long> users = EventFixtures.members(db, "u", 3);
        for (long u : users) {
            EventFixtures.registration(db, event, u, RegistrationStatus.CONFIRMED, Duration.ofHours(1));
        }
        String before = EventFixtures.snapshot(db);
        var refused = Statements.count(db, () -> events.changeCapacity(event, 2));
        assertThat(refused.value()).isEqualTo(new CapacityChangeResult.BelowConfirmed(2, 3));
        assertThat(refused.statements()).isEqualTo(2);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);

        assertThat(events.changeCapacity(event, 3)).isEqualTo(new CapacityChangeResult.Changed(event, 5, 3, List.of()));
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(3);
        assertThat(new RegistrationService(db).register(EventFixtures.member(db, "late"), event, NONE))
                .isInstanceOf(RegistrationResult.Waitlisted.class);
    }

    @DatabaseTest
    void theCapacityOfACancelledEventCannotChange(Database db) {
        EventService events = new EventService(db);
        long event = EventFixtures.event(db, "off", 1);
        long w = EventFixtures.member(db, "w");
        EventFixtures.registration(db, event, w, RegistrationStatus.WAITLIST, Duration.ofHours(1));
        events.cancelEvent(event);
        String before = EventFixtures.snapshot(db);
        assertThat(events.changeCapacity(event, 10)).isInstanceOf(CapacityChangeResult.EventCancelled.class);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void badCapacityInputNamesTheFieldAndWritesNothing(Database db, TestClock clock) {
        EventService events = new EventService(db);
        long event = EventFixtures.event(db, "e", 5);
        String before = EventFixtures.snapshot(db);
        for (int bad : new int[] {0, -1, NewEvent.MAX_PARTICIPANTS + 1}) {
            assertThatThrownBy(() -> events.changeCapacity(event, bad)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.field()).isEqualTo("capacity"));
        }
        assertThatThrownBy(() -> events.changeCapacity(-3, 5)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("eventId"));
        assertThatThrownBy(() -> events.changeCapacity(4242, 5)).isInstanceOf(NotFoundException.class);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }
}
