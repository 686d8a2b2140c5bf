package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.ValidationException;
import org.jooq.Record;

/**
 * An organizer's (or admin's) operations on an event as a whole: cancelling it and changing its capacity. The schema
 * has no organizer column, so the caller checks that its user may run them. Each verb runs in its own transaction
 * (a savepoint inside the caller's) with the event's row locked first, the same lock
 * {@link RegistrationService} takes, so a capacity change and concurrent registrations or cancellations of the
 * event are serialized.
 *
 * <p>A cancelled event takes no new registrations ({@link RegistrationResult.NotOpen}), never promotes anybody,
 * and disappears from the listings ({@link EventDao#listEventsForViewer}, {@link EventDao#listEventsForAnonymous});
 * its registrations are kept as they are (the seed has no status for "event cancelled"), so each member still finds
 * their registration and the event's detail ({@code registrationOpen} false).
 */
public final class EventService {

    private static final String CONFIRMED = RegistrationStatus.CONFIRMED.dbValue();

    private final Database db;
    private final RegistrationListener listener;

    /** A service without a listener. */
    public EventService(Database db) {
        this(db, RegistrationListener.NONE);
    }

    /** A service that tells {@code listener} about promotions after commit (the notices of a cancellation's). */
    public EventService(Database db, RegistrationListener listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Cancels the event: {@code is_cancelled} and {@code cancelled_at} (now). Registrations stay as they are; nobody
     * is promoted any more. Two statements (lock, update); one when already cancelled.
     *
     * @return {@link EventCancelResult.Cancelled}, or {@link EventCancelResult.AlreadyCancelled} (nothing written)
     * @throws ValidationException (field {@code eventId}) for a non-positive id
     * @throws NotFoundException for an unknown event
     */
    public EventCancelResult cancelEvent(long eventId) {
        Check.id(eventId, "eventId");
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            Record event = lock(tx, eventId);
            if (event.get(e.IS_CANCELLED)) {
                return new EventCancelResult.AlreadyCancelled(eventId, Optional.ofNullable(event.get(e.CANCELLED_AT)));
            }
            OffsetDateTime now = tx.now();
            tx.dsl().update(e).set(e.IS_CANCELLED, true).set(e.CANCELLED_AT, now).where(e.ID.eq(eventId)).execute();
            return new EventCancelResult.Cancelled(eventId, now);
        });
    }

    /**
     * Sets the event's capacity ({@code max_participants}). When the event is published, not cancelled and has not
     * started, the oldest waitlisted registrations (first come first served: {@code created_at}, then id — the order
     * a cancellation's promotion uses) are confirmed into the places that are now free, in the same transaction,
     * and the listener hears of each after the commit ({@link RegistrationPromotion} with {@code cancelledUserId}
     * 0). On a past or unpublished event the capacity changes and the waitlist stays as it is.
     *
     * <p>Lowering the capacity is allowed down to the number of confirmed registrations; below it the call is
     * refused ({@link CapacityChangeResult.BelowConfirmed}, nothing written): no confirmed registration is ever
     * demoted. A cancelled event is refused ({@link CapacityChangeResult.EventCancelled}).
     *
     * <p>Statements: lock, confirmed count, waitlist (only when places are free on an event that promotes), the
     * capacity update, and one update of the promoted registrations (when any): 5 with promotions, 3 on a past or
     * unpublished event, 2 when refused for the confirmed count, 1 on a cancelled event (both databases).
     *
     * @throws ValidationException (field {@code eventId}, or {@code capacity} outside 1..{@value NewEvent#MAX_PARTICIPANTS});
     *         nothing is written
     * @throws NotFoundException for an unknown event
     */
    public CapacityChangeResult changeCapacity(long eventId, int capacity) {
        Check.id(eventId, "eventId");
        int max = Check.range(capacity, 1, NewEvent.MAX_PARTICIPANTS, "capacity");
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            var r = EVENT_REGISTRATION;
            Record event = lock(tx, eventId);
            if (event.get(e.IS_CANCELLED)) {
                return new CapacityChangeResult.EventCancelled();
            }
            int confirmed = tx.dsl().selectCount().from(r)
                    .where(r.EVENT_ID.eq(eventId), r.STATUS.eq(CONFIRMED))
                    .fetchOne(0, int.class);
            if (max < confirmed) {
                return new CapacityChangeResult.BelowConfirmed(max, confirmed);
            }
            boolean promotes = event.get(e.IS_PUBLISHED) && tx.now().isBefore(event.get(e.EVENT_DATE));
            List<Long> next = promotes && max > confirmed
                    ? RegistrationService.oldestWaitlisted(tx, eventId, max - confirmed)
                    : List.of();
            RaceSeam.of(db).pause("event.capacity-before-write");
            tx.dsl().update(e).set(e.MAX_PARTICIPANTS, max).where(e.ID.eq(eventId)).execute();
            List<Registration> promoted = new ArrayList<>();
            if (!next.isEmpty()) {
                tx.dsl().update(r).set(r.STATUS, CONFIRMED).where(r.ID.in(next)).returning().fetch()
                        .forEach(row -> promoted.add(RegistrationService.toRegistration(row)));
                promoted.sort(Comparator.comparing(Registration::createdAt).thenComparingLong(Registration::id));
                for (Registration p : promoted) {
                    RegistrationPromotion notice = new RegistrationPromotion(eventId, p.userId(), p.id(), 0);
                    tx.afterCommit(() -> listener.onPromoted(notice));
                }
            }
            return new CapacityChangeResult.Changed(eventId, event.get(e.MAX_PARTICIPANTS), max, promoted);
        });
    }

    private static Record lock(Transaction tx, long eventId) {
        var e = MEETUP_EVENT;
        Record event = tx.forUpdate(tx.dsl()
                .select(e.ID, e.MAX_PARTICIPANTS, e.EVENT_DATE, e.IS_PUBLISHED, e.IS_CANCELLED, e.CANCELLED_AT)
                .from(e).where(e.ID.eq(eventId))).fetchOne();
        if (event == null) {
            throw new NotFoundException("event", eventId);
        }
        return event;
    }

}
