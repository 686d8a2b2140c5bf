package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT_SPECIAL_USERS;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import lu.entreprinder.persistence.schema.generated.tables.records.EventRegistrationRecord;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Registration for meetup events: capacity-safe registration with a waitlist, cancellation with promotion of the
 * oldest waitlisted registration, attendance and payment. Every verb runs in its own transaction (joining the
 * caller's as a savepoint) with the event's row locked first ({@code SELECT … FOR UPDATE} on PostgreSQL; the
 * immediate write transaction on SQLite), so concurrent registrations and cancellations of one event are serialized
 * and the confirmed count read after the lock is exact.
 */
public final class RegistrationService {

    private static final String CONFIRMED = RegistrationStatus.CONFIRMED.dbValue();
    private static final String WAITLIST = RegistrationStatus.WAITLIST.dbValue();
    private static final String CANCELLED = RegistrationStatus.CANCELLED.dbValue();

    /** The unique constraint on (event, user): one registration per user and event. */
    private static final String REGISTRATION_UNIQUE = "crush_lu_eventregistration_event_id_user_id_uniq";

    /** Whether the user of step 1's row is on the event's special list or a guest a coach approved for it. */
    private static final Field<Boolean> SPECIAL = field(exists(selectOne().from(MEETUP_EVENT_SPECIAL_USERS)
            .where(MEETUP_EVENT_SPECIAL_USERS.MEETUPEVENT_ID.eq(MEETUP_EVENT.ID),
                    MEETUP_EVENT_SPECIAL_USERS.USER_ID.eq(USER.ID)))
            .or(exists(InvitationService.approvedGuest(MEETUP_EVENT.ID, USER.ID)))).as("special");

    private final Database db;
    private final RegistrationListener listener;

    /** A service without a listener. */
    public RegistrationService(Database db) {
        this(db, RegistrationListener.NONE);
    }

    /** A service that tells {@code listener} about promotions after commit. */
    public RegistrationService(Database db, RegistrationListener listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Registers the user for the event. Confirmed while spots remain, waitlisted after. Registering again while
     * registered returns the existing registration ({@link RegistrationResult.AlreadyRegistered}, nothing written);
     * registering after a cancellation reactivates that row (at the back of the waitlist when full). A cancelled
     * event answers {@link RegistrationResult.NotOpen}. A guest whose invitation a coach approved counts as
     * invited to the private event (no code needed).
     *
     * @throws ValidationException (field {@code userId}, {@code eventId}, {@code details},
     *         {@code details.dietaryRestrictions}, {@code details.specialRequests} or {@code details.invitationCode})
     * @throws NotFoundException for an unknown event or user
     * @throws ConflictException ({@code crush_lu_eventregistration_event_id_user_id_uniq}) when a writer that does not
     *         take the event's lock (not this library) changed the user's registration of the event during the call
     */
    public RegistrationResult register(long userId, long eventId, RegistrationDetails details) {
        Check.userId(userId, "userId");
        Check.id(eventId, "eventId");
        Check.required(details, "details");
        String dietary = Check.optionalText(details.dietaryRestrictions(), RegistrationDetails.MAX_TEXT,
                "details.dietaryRestrictions");
        String requests = Check.optionalText(details.specialRequests(), RegistrationDetails.MAX_TEXT,
                "details.specialRequests");
        String code = Check.optionalText(details.invitationCode(), 50, "details.invitationCode");
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            var r = EVENT_REGISTRATION;
            // 1. One statement: the event's row locked, with the user, profile, invitation and existing registration
            //    joined to it. PostgreSQL reads the joined rows first and locks the event's row on top of them, so
            //    these reads cost the lock's holders nothing; the event's columns are its latest committed version
            //    (a lock that waited re-reads the row). The other rows are as they were when the statement started:
            //    the one that matters, the existing registration, is re-checked by the guarded write below.
            Record who = lockEventWithUser(tx, eventId, userId);
            EventRegistrationRecord existing = who.get(r.ID) == null ? null : who.into(r);
            if (existing != null && !CANCELLED.equals(existing.getStatus())) {
                return new RegistrationResult.AlreadyRegistered(toRegistration(existing));
            }
            OffsetDateTime now = tx.now(); // one instant: the deadline is checked at the time the row records
            RegistrationResult refused = refusal(who, code, now);
            if (refused != null) {
                return refused;
            }
            // 2. Count after the lock, in a later statement (a fresh snapshot under READ COMMITTED).
            Record2<Integer, Integer> counts = COUNTS.fetchOptional(tx.dsl(), row -> row, eventId).orElseThrow();
            int confirmed = counts.value1();
            int waiting = counts.value2();
            RaceSeam.of(db).pause("registration.before-write");
            String status = confirmed < who.get(e.MAX_PARTICIPANTS) ? CONFIRMED : WAITLIST;
            // 3. The write, guarded: it writes nothing when the user's registration is no longer what step 1 read.
            Registration registration = write(tx, userId, eventId, existing, status, now, dietary, requests);
            if (registration == null) {
                // The same user's registration of this event committed between step 1's read and the lock (a
                // double submission): read it again, now under the lock, and decide on it.
                existing = tx.dsl().selectFrom(r).where(r.EVENT_ID.eq(eventId), r.USER_ID.eq(userId)).fetchOne();
                if (existing != null && !CANCELLED.equals(existing.getStatus())) {
                    return new RegistrationResult.AlreadyRegistered(toRegistration(existing));
                }
                registration = write(tx, userId, eventId, existing, status, now, dietary, requests);
                if (registration == null) {
                    throw new ConflictException("the registration of user " + userId + " for event " + eventId
                            + " changed outside the event's lock", REGISTRATION_UNIQUE, null);
                }
            }
            return CONFIRMED.equals(status)
                    ? new RegistrationResult.Confirmed(registration)
                    : new RegistrationResult.Waitlisted(registration, waiting + 1);
        });
    }

    /**
     * Step 1 of {@link #register}: the event's row, locked, with the user's id, profile, invitation and registration
     * of it. @throws NotFoundException for an unknown event, then for an unknown user
     */
    private static Record lockEventWithUser(Transaction tx, long eventId, long userId) {
        Record who = (tx.locksRows() ? LOCK_EVENT_WITH_USER : EVENT_WITH_USER)
                .fetchOptional(tx.dsl(), row -> row, eventId, userId)
                .orElseThrow(() -> new NotFoundException("event", eventId));
        if (who.get(USER.ID) == null) {
            throw new NotFoundException("user", userId);
        }
        return who;
    }

    private static final Param<Long> EVENT_ID = DSL.param("event_id", MEETUP_EVENT.ID.getDataType());
    private static final Param<Long> USER_ID = DSL.param("user_id", USER.ID.getDataType());

    /** Step 1's statement, rendered once: the event's row with the user's rows joined to it ... */
    private static final PreparedRead<Record> EVENT_WITH_USER = PreparedRead.of(eventWithUser(), EVENT_ID, USER_ID);
    /** ... and the event's row locked ({@code FOR UPDATE OF} the event only: the joined rows stay free). */
    private static final PreparedRead<Record> LOCK_EVENT_WITH_USER = PreparedRead.of(
            eventWithUser().forUpdate().of(MEETUP_EVENT), EVENT_ID, USER_ID);

    private static org.jooq.SelectForUpdateStep<Record> eventWithUser() {
        var e = MEETUP_EVENT;
        var r = EVENT_REGISTRATION;
        var u = USER;
        var cp = CRUSH_PROFILE;
        return DSL.select(e.ID, e.MAX_PARTICIPANTS, e.MIN_AGE, e.MAX_AGE, e.REGISTRATION_DEADLINE,
                        e.IS_PUBLISHED, e.IS_PRIVATE_INVITATION, e.INVITATION_CODE, e.IS_CANCELLED,
                        u.ID, cp.ID, cp.IS_APPROVED, cp.IS_ACTIVE, cp.DATE_OF_BIRTH, SPECIAL)
                .select(r.fields())
                .from(e)
                .leftJoin(u).on(u.ID.eq(USER_ID))
                .leftJoin(cp).on(cp.USER_ID.eq(u.ID))
                .leftJoin(r).on(r.USER_ID.eq(u.ID), r.EVENT_ID.eq(e.ID))
                .where(e.ID.eq(EVENT_ID));
    }

    /** Step 2's statement: the event's confirmed and waitlisted registrations. */
    private static final PreparedRead<Record2<Integer, Integer>> COUNTS = PreparedRead.of(
            DSL.select(count().filterWhere(EVENT_REGISTRATION.STATUS.eq(CONFIRMED)),
                            count().filterWhere(EVENT_REGISTRATION.STATUS.eq(WAITLIST)))
                    .from(EVENT_REGISTRATION).where(EVENT_REGISTRATION.EVENT_ID.eq(EVENT_ID)),
            EVENT_ID);

    /** Why the user may not register for the locked event, in {@link #register}'s order; null when they may. */
    private RegistrationResult refusal(Record who, String code, OffsetDateTime now) {
        var e = MEETUP_EVENT;
        var cp = CRUSH_PROFILE;
        if (who.get(e.IS_PRIVATE_INVITATION) && !who.get(SPECIAL)
                && (code.isBlank() || !code.equals(who.get(e.INVITATION_CODE)))) {
            return new RegistrationResult.PrivateWithoutInvitation();
        }
        if (!who.get(e.IS_PUBLISHED) || who.get(e.IS_CANCELLED)
                || !now.isBefore(who.get(e.REGISTRATION_DEADLINE))) {
            return new RegistrationResult.NotOpen();
        }
        if (who.get(cp.ID) == null) {
            return new RegistrationResult.ProfileMissing();
        }
        if (!who.get(cp.IS_APPROVED) || !who.get(cp.IS_ACTIVE)) {
            return new RegistrationResult.ProfileNotApproved();
        }
        LocalDate dateOfBirth = who.get(cp.DATE_OF_BIRTH);
        int age = ProfileDisplay.age(dateOfBirth, db.today());
        int minAge = who.get(e.MIN_AGE);
        int maxAge = who.get(e.MAX_AGE);
        if (age < minAge || age > maxAge) {
            return new RegistrationResult.AgeOutOfRange(age, minAge, maxAge);
        }
        return null;
    }

    /**
     * Reactivates the cancelled registration {@code existing} (still cancelled) or inserts one (still none); null
     * when that no longer holds, nothing written: a statement that cannot fail on a duplicate, so the transaction
     * stays usable.
     */
    private static Registration write(Transaction tx, long userId, long eventId,
                                                 EventRegistrationRecord existing, String status, OffsetDateTime now,
                                                 String dietary, String requests) {
        var r = EVENT_REGISTRATION;
        if (!tx.database().isSqlite()) {
            // PostgreSQL: the text rendered once and sent straight to the driver (PreparedRead), so nothing is
            // rendered while the event is locked
            return (existing != null
                    ? REACTIVATE_GUARDED.fetchOptional(tx.dsl(), RegistrationService::registration, status, now,
                            dietary, requests, existing.getId())
                    : INSERT_GUARDED.fetchOptional(tx.dsl(), RegistrationService::registration, eventId, userId,
                            status, dietary, requests, now))
                    .orElse(null);
        }
        if (existing != null) {
            EventRegistrationRecord reactivated = tx.dsl().update(r)
                    .set(r.STATUS, status)
                    .set(r.CREATED_AT, now)
                    .set(r.DIETARY_RESTRICTIONS, dietary)
                    .set(r.SPECIAL_REQUESTS, requests)
                    .where(r.ID.eq(existing.getId()), r.STATUS.eq(CANCELLED))
                    .returning()
                    .fetchOne();
            return reactivated == null ? null : toRegistration(reactivated);
        }
        // SQLite needs no guard: its immediate transaction held the write lock before step 1 read anything (and
        // jOOQ would fetch ON CONFLICT's RETURNING there with a second statement)
        return toRegistration(tx.dsl().insertInto(r)
                .set(r.EVENT_ID, eventId)
                .set(r.USER_ID, userId)
                .set(r.STATUS, status)
                .set(r.PAYMENT_CONFIRMED, false)
                .set(r.DIETARY_RESTRICTIONS, dietary)
                .set(r.SPECIAL_REQUESTS, requests)
                .set(r.CREATED_AT, now)
                .returning()
                .fetchOne());
    }

    /** Where each column of a registration is in a row of {@code EVENT_REGISTRATION.fields()}. */
    private static final int AT_ID = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.ID);
    private static final int AT_EVENT = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.EVENT_ID);
    private static final int AT_USER = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.USER_ID);
    private static final int AT_STATUS = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.STATUS);
    private static final int AT_PAID = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.PAYMENT_CONFIRMED);
    private static final int AT_PAID_AT = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.PAYMENT_DATE);
    private static final int AT_CREATED = EVENT_REGISTRATION.indexOf(EVENT_REGISTRATION.CREATED_AT);

    /**
     * A row of {@code EVENT_REGISTRATION.fields()} (a registration record, or a returned row of the guarded writes)
     * read by position: mapping it by field ({@code into}) searched its columns by name, inside the event's lock.
     */
    private static Registration registration(Record row) {
        return new Registration((Long) row.get(AT_ID), (Long) row.get(AT_EVENT), (Long) row.get(AT_USER),
                RegistrationStatus.fromDb((String) row.get(AT_STATUS)), (Boolean) row.get(AT_PAID),
                Optional.ofNullable((OffsetDateTime) row.get(AT_PAID_AT)), (OffsetDateTime) row.get(AT_CREATED));
    }

    private static final Param<String> NEW_STATUS = DSL.param("new_status", EVENT_REGISTRATION.STATUS.getDataType());
    private static final Param<OffsetDateTime> NOW = DSL.param("now", EVENT_REGISTRATION.CREATED_AT.getDataType());
    private static final Param<String> DIETARY =
            DSL.param("dietary", EVENT_REGISTRATION.DIETARY_RESTRICTIONS.getDataType());
    private static final Param<String> REQUESTS =
            DSL.param("requests", EVENT_REGISTRATION.SPECIAL_REQUESTS.getDataType());
    private static final Param<Long> REGISTRATION_ID =
            DSL.param("registration_id", EVENT_REGISTRATION.ID.getDataType());

    /** PostgreSQL: the insert, writing nothing when the user registered meanwhile (read before the lock). */
    private static final PreparedRead<Record> INSERT_GUARDED = PreparedRead.of(
            DSL.insertInto(EVENT_REGISTRATION)
                    .set(EVENT_REGISTRATION.EVENT_ID, EVENT_ID)
                    .set(EVENT_REGISTRATION.USER_ID, USER_ID)
                    .set(EVENT_REGISTRATION.STATUS, NEW_STATUS)
                    .set(EVENT_REGISTRATION.PAYMENT_CONFIRMED, DSL.inline(false))
                    .set(EVENT_REGISTRATION.DIETARY_RESTRICTIONS, DIETARY)
                    .set(EVENT_REGISTRATION.SPECIAL_REQUESTS, REQUESTS)
                    .set(EVENT_REGISTRATION.CREATED_AT, NOW)
                    .onConflict(EVENT_REGISTRATION.EVENT_ID, EVENT_REGISTRATION.USER_ID).doNothing()
                    .returningResult(EVENT_REGISTRATION.fields()),
            EVENT_ID, USER_ID, NEW_STATUS, DIETARY, REQUESTS, NOW);

    /** PostgreSQL: the reactivation of a cancelled registration, writing nothing when it is no longer cancelled. */
    private static final PreparedRead<Record> REACTIVATE_GUARDED = PreparedRead.of(
            DSL.update(EVENT_REGISTRATION)
                    .set(EVENT_REGISTRATION.STATUS, NEW_STATUS)
                    .set(EVENT_REGISTRATION.CREATED_AT, NOW)
                    .set(EVENT_REGISTRATION.DIETARY_RESTRICTIONS, DIETARY)
                    .set(EVENT_REGISTRATION.SPECIAL_REQUESTS, REQUESTS)
                    .where(EVENT_REGISTRATION.ID.eq(REGISTRATION_ID),
                            EVENT_REGISTRATION.STATUS.eq(DSL.inline(CANCELLED)))
                    .returningResult(EVENT_REGISTRATION.fields()),
            NEW_STATUS, NOW, DIETARY, REQUESTS, REGISTRATION_ID);

    /**
     * Cancels the user's registration. When it held a confirmed spot of a published, not cancelled event that has
     * not started, the oldest waitlisted registrations take the free spots in the same transaction, and the
     * listener hears of each promotion after the commit (never after a rollback). On a past, cancelled or
     * unpublished event the registration is cancelled and the waitlist stays as it is.
     *
     * @throws ValidationException (field {@code userId} or {@code eventId}) for a non-positive id
     * @throws NotFoundException for an unknown event
     */
    public RegistrationCancelResult cancel(long userId, long eventId) {
        Check.userId(userId, "userId");
        Check.id(eventId, "eventId");
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            var r = EVENT_REGISTRATION;
            Locked locked = lockAndRead(tx, eventId, userId);
            Record event = locked.event();
            EventRegistrationRecord existing = locked.registration();
            if (existing == null) {
                return new RegistrationCancelResult.NotRegistered();
            }
            RegistrationStatus before = RegistrationStatus.fromDb(existing.getStatus());
            if (before == RegistrationStatus.ATTENDED || before == RegistrationStatus.NO_SHOW) {
                return new RegistrationCancelResult.AlreadyFinal(toRegistration(existing));
            }
            EventRegistrationRecord cancelled = tx.dsl().update(r)
                    .set(r.STATUS, CANCELLED)
                    .where(r.ID.eq(existing.getId()))
                    .returning()
                    .fetchOne();
            Optional<Registration> promoted = Optional.empty();
            if (before == RegistrationStatus.CONFIRMED && tx.now().isBefore(event.get(e.EVENT_DATE))
                    && event.get(e.IS_PUBLISHED) && !event.get(e.IS_CANCELLED)) {
                promoted = promoteOldest(tx, eventId, event.get(e.MAX_PARTICIPANTS), userId);
            }
            return new RegistrationCancelResult.Cancelled(toRegistration(cancelled), promoted);
        });
    }

    /** Confirms the oldest waitlisted registration when a spot is free; tells the listener after commit. */
    private Optional<Registration> promoteOldest(Transaction tx, long eventId, int maxParticipants,
                                                 long cancelledUserId) {
        var r = EVENT_REGISTRATION;
        int confirmed = tx.dsl().selectCount().from(r)
                .where(r.EVENT_ID.eq(eventId), r.STATUS.eq(CONFIRMED))
                .fetchOne(0, int.class);
        if (confirmed >= maxParticipants) {
            return Optional.empty();
        }
        List<Long> next = oldestWaitlisted(tx, eventId, 1);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        EventRegistrationRecord promoted = tx.dsl().update(r)
                .set(r.STATUS, CONFIRMED)
                .where(r.ID.eq(next.get(0)))
                .returning()
                .fetchOne();
        Registration registration = toRegistration(promoted);
        RegistrationPromotion promotion = new RegistrationPromotion(eventId, registration.userId(), registration.id(),
                cancelledUserId);
        tx.afterCommit(() -> listener.onPromoted(promotion));
        return Optional.of(registration);
    }

    /**
     * The ids of the event's {@code n} oldest waitlisted registrations, first come first served ({@code created_at},
     * then id): the one order every promotion uses. The caller holds the event lock.
     */
    static List<Long> oldestWaitlisted(Transaction tx, long eventId, int n) {
        var r = EVENT_REGISTRATION;
        return tx.dsl().select(r.ID).from(r)
                .where(r.EVENT_ID.eq(eventId), r.STATUS.eq(WAITLIST))
                .orderBy(r.CREATED_AT, r.ID)
                .limit(inline(n))
                .fetch(r.ID);
    }

    /**
     * Records whether a confirmed attendee came ({@code attended}) or not ({@code no_show}), once the event has
     * started. Changing a recorded attendance is allowed.
     *
     * @throws ValidationException (field {@code userId} or {@code eventId}) for a non-positive id
     * @throws NotFoundException for an unknown event
     */
    public RegistrationUpdateResult markAttendance(long userId, long eventId, boolean attended) {
        Check.userId(userId, "userId");
        Check.id(eventId, "eventId");
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            var r = EVENT_REGISTRATION;
            Locked locked = lockAndRead(tx, eventId, userId);
            Record event = locked.event();
            EventRegistrationRecord existing = locked.registration();
            if (existing == null) {
                return new RegistrationUpdateResult.NotRegistered();
            }
            if (tx.now().isBefore(event.get(e.EVENT_DATE))) {
                return new RegistrationUpdateResult.EventNotOver();
            }
            RegistrationStatus status = RegistrationStatus.fromDb(existing.getStatus());
            if (status != RegistrationStatus.CONFIRMED && status != RegistrationStatus.ATTENDED
                    && status != RegistrationStatus.NO_SHOW) {
                return new RegistrationUpdateResult.NotConfirmed(toRegistration(existing));
            }
            String target = (attended ? RegistrationStatus.ATTENDED : RegistrationStatus.NO_SHOW).dbValue();
            return new RegistrationUpdateResult.Updated(toRegistration(tx.dsl().update(r)
                    .set(r.STATUS, target)
                    .where(r.ID.eq(existing.getId()))
                    .returning()
                    .fetchOne()));
        });
    }

    /**
     * Records the payment of a registration that is not cancelled: {@code payment_confirmed} and
     * {@code payment_date} (now). A payment already confirmed keeps its date.
     *
     * @throws ValidationException (field {@code userId} or {@code eventId}) for a non-positive id
     * @throws NotFoundException for an unknown event
     */
    public RegistrationUpdateResult confirmPayment(long userId, long eventId) {
        Check.userId(userId, "userId");
        Check.id(eventId, "eventId");
        return db.inTransaction(tx -> {
            var r = EVENT_REGISTRATION;
            EventRegistrationRecord existing = lockAndRead(tx, eventId, userId).registration();
            if (existing == null) {
                return new RegistrationUpdateResult.NotRegistered();
            }
            if (existing.getPaymentConfirmed()) {
                return new RegistrationUpdateResult.Updated(toRegistration(existing));
            }
            return new RegistrationUpdateResult.Updated(toRegistration(tx.dsl().update(r)
                    .set(r.PAYMENT_CONFIRMED, true)
                    .set(r.PAYMENT_DATE, tx.now())
                    .where(r.ID.eq(existing.getId()))
                    .returning()
                    .fetchOne()));
        });
    }

    /**
     * The user's registration of the event, whatever its status; one statement.
     *
     * @throws ValidationException (field {@code userId} or {@code eventId}) for a non-positive id
     */
    public Optional<Registration> findRegistration(long userId, long eventId) {
        Check.userId(userId, "userId");
        Check.id(eventId, "eventId");
        var r = EVENT_REGISTRATION;
        return db.dsl().selectFrom(r)
                .where(r.EVENT_ID.eq(eventId), r.USER_ID.eq(userId))
                .fetchOptional()
                .map(RegistrationService::toRegistration);
    }

    /**
     * Locks the event's row until the transaction ends (every verb of this class takes it first) and returns the
     * columns the verbs decide on. @throws NotFoundException for an unknown event
     */
    private static Record lockEvent(Transaction tx, long eventId) {
        var e = MEETUP_EVENT;
        Record event = tx.forUpdate(tx.dsl()
                .select(e.ID, e.MAX_PARTICIPANTS, e.MIN_AGE, e.MAX_AGE, e.REGISTRATION_DEADLINE, e.EVENT_DATE,
                        e.IS_PUBLISHED, e.IS_PRIVATE_INVITATION, e.INVITATION_CODE, e.IS_CANCELLED)
                .from(e).where(e.ID.eq(eventId))).fetchOne();
        if (event == null) {
            throw new NotFoundException("event", eventId);
        }
        return event;
    }

    /** The locked event and the user's live registration of it (null when missing or cancelled). */
    private record Locked(Record event, EventRegistrationRecord registration) {
    }

    /** The preamble of the verbs on an existing registration: the event's lock, then the registration under it. */
    private static Locked lockAndRead(Transaction tx, long eventId, long userId) {
        Record event = lockEvent(tx, eventId);
        return new Locked(event, liveRegistration(tx, eventId, userId));
    }

    static Registration toRegistration(EventRegistrationRecord r) {
        return registration(r);
    }

    /** The user's registration for the event unless it is missing or cancelled (the caller holds the event lock). */
    private static EventRegistrationRecord liveRegistration(Transaction tx, long eventId, long userId) {
        EventRegistrationRecord registration = tx.dsl().selectFrom(EVENT_REGISTRATION)
                .where(EVENT_REGISTRATION.EVENT_ID.eq(eventId), EVENT_REGISTRATION.USER_ID.eq(userId))
                .fetchOne();
        return registration == null || CANCELLED.equals(registration.getStatus()) ? null : registration;
    }
}
