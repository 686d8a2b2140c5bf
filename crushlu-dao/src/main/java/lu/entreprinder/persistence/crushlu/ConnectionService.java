package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CONNECTION_MESSAGE;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.PROFILE_SUBMISSION;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import lu.entreprinder.persistence.schema.generated.tables.records.EventConnectionRecord;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Connections between attendees of the same event: request, accept or decline, a user's connection list, and the
 * sharing of contact details after an accepted connection.
 *
 * <p>An attendee is a user whose registration is {@code attended} (a {@code confirmed} registration is not
 * attendance: the platform's rule). A pair has at most one connection per event, whichever of the two asked (a
 * reverse request answers {@link ConnectionRequestResult.AlreadyExists}). Only the recipient answers a request;
 * anyone else gets the same {@link ConnectionResponseResult.NotFound} as for a missing one.
 *
 * <p>Contact sharing (V20, see {@link ContactSharingStatus}): accepting assigns the requester's coach (the coach of
 * the requester's newest submission whose coach is active); both people consent ({@link #consentToShare}; the second
 * consent moves the connection to {@code coach_reviewing}, exactly once, under the connection's row lock); the
 * assigned coach approves ({@code coach_approved}) and then shares ({@code shared}); only then are contact details
 * readable ({@link #getContactDetails}).
 */
public final class ConnectionService {

    private final Database db;

    /** Test hook: runs between reading the connection's consents and writing the new one. */

    public ConnectionService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Asks to connect {@code fromUserId} with {@code toUserId}, both attendees of the event. Runs in a transaction
     * with the event row locked, so two crossing requests of one pair cannot both be created.
     *
     * @throws ValidationException (field {@code fromUserId}, {@code toUserId} or {@code eventId}) for a non-positive
     *         id, or {@code toUserId} equal to {@code fromUserId}
     * @throws NotFoundException for an unknown event or user
     */
    public ConnectionRequestResult requestConnection(long fromUserId, long toUserId, long eventId) {
        Check.userId(fromUserId, "fromUserId");
        Check.userId(toUserId, "toUserId");
        Check.id(eventId, "eventId");
        if (fromUserId == toUserId) {
            throw new ValidationException("toUserId", "must differ from fromUserId");
        }
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            var c = EVENT_CONNECTION;
            Record event = tx.forUpdate(tx.dsl().select(e.ID, e.EVENT_DATE).from(e).where(e.ID.eq(eventId)))
                    .fetchOne();
            if (event == null) {
                throw new NotFoundException("event", eventId);
            }
            OffsetDateTime now = tx.now();
            Field<Boolean> fromExists = field(exists(selectOne().from(USER).where(USER.ID.eq(fromUserId))));
            Field<Boolean> toExists = field(exists(selectOne().from(USER).where(USER.ID.eq(toUserId))));
            Record check = tx.dsl().select(fromExists, toExists,
                            attended(eventId, fromUserId), attended(eventId, toUserId))
                    .fetchOne();
            if (!check.get(0, Boolean.class)) {
                throw new NotFoundException("user", fromUserId);
            }
            if (!check.get(1, Boolean.class)) {
                throw new NotFoundException("user", toUserId);
            }
            if (!check.get(2, Boolean.class)) {
                return new ConnectionRequestResult.RequesterNotAttendee();
            }
            if (!check.get(3, Boolean.class)) {
                return new ConnectionRequestResult.TargetNotAttendee();
            }
            EventConnectionRecord existing = tx.dsl().selectFrom(c)
                    .where(c.EVENT_ID.eq(eventId), pair(fromUserId, toUserId))
                    .fetchAny();
            if (existing != null) {
                return new ConnectionRequestResult.AlreadyExists(toConnection(existing));
            }
            return new ConnectionRequestResult.Requested(toConnection(tx.dsl().insertInto(c)
                    .set(c.EVENT_ID, eventId)
                    .set(c.FROM_USER_ID, fromUserId)
                    .set(c.TO_USER_ID, toUserId)
                    .set(c.STATUS, ConnectionStatus.PENDING.dbValue())
                    .set(c.CREATED_AT, now)
                    .returning()
                    .fetchOne()));
        });
    }

    /**
     * Answers a pending request addressed to {@code userId}: accept (connected, with {@code connected_at} now, sharing
     * {@code accepted}, and the requester's coach assigned: the coach of the requester's newest profile submission
     * whose coach is active, none when there is no such submission) or decline. A request that does not exist or is
     * not addressed to the user (the requester included) gets {@link ConnectionResponseResult.NotFound}.
     *
     * @throws ValidationException (field {@code userId} or {@code connectionId}) for a non-positive id
     */
    public ConnectionResponseResult respond(long userId, long connectionId, boolean accept) {
        Check.userId(userId, "userId");
        Check.id(connectionId, "connectionId");
        return db.inTransaction(tx -> {
            var c = EVENT_CONNECTION;
            ConnectionStatus target = accept ? ConnectionStatus.CONNECTED : ConnectionStatus.DECLINED;
            var ps = PROFILE_SUBMISSION;
            var cp = CRUSH_PROFILE;
            var coach = CRUSH_COACH;
            Field<Long> requesterCoach = accept
                    ? field(select(ps.COACH_ID).from(ps)
                            .join(cp).on(cp.ID.eq(ps.PROFILE_ID))
                            .join(coach).on(coach.ID.eq(ps.COACH_ID))
                            .where(cp.USER_ID.eq(c.FROM_USER_ID), coach.IS_ACTIVE.isTrue())
                            .orderBy(ps.CREATED_AT.desc(), ps.ID.desc())
                            .limit(1))
                    : DSL.castNull(c.ASSIGNED_COACH_ID);
            EventConnectionRecord updated = tx.dsl().update(c)
                    .set(c.STATUS, target.dbValue())
                    .set(c.CONNECTED_AT, accept ? tx.now() : null)
                    .set(c.SHARING_STATUS, ContactSharingStatus.ACCEPTED.dbValue())
                    .set(c.ASSIGNED_COACH_ID, requesterCoach)
                    .where(c.ID.eq(connectionId), c.TO_USER_ID.eq(userId),
                            c.STATUS.eq(ConnectionStatus.PENDING.dbValue()))
                    .returning()
                    .fetchOne();
            if (updated != null) {
                EventConnection connection = toConnection(updated);
                return accept ? new ConnectionResponseResult.Connected(connection)
                        : new ConnectionResponseResult.Declined(connection);
            }
            return tx.dsl().selectFrom(c).where(c.ID.eq(connectionId), c.TO_USER_ID.eq(userId))
                    .fetchOptional()
                    .<ConnectionResponseResult>map(r -> new ConnectionResponseResult.NotPending(toConnection(r)))
                    .orElseGet(ConnectionResponseResult.NotFound::new);
        });
    }

    /**
     * The user's connected connections, with the other person's display name, the last message and the number of
     * messages the user has not read, most recent activity first. One statement.
     *
     * @throws ValidationException (field {@code userId}) for a non-positive id
     */
    public List<ConnectionSummary> listConnections(long userId) {
        Check.userId(userId, "userId");
        var c = EVENT_CONNECTION;
        var m = CONNECTION_MESSAGE;
        var u = USER;
        var cp = CRUSH_PROFILE;
        var e = MEETUP_EVENT;
        long me = userId;
        Field<Long> other = when(c.FROM_USER_ID.eq(me), c.TO_USER_ID).otherwise(c.FROM_USER_ID).as("other_id");
        Field<Integer> unread = field(selectCount().from(m)
                .where(m.CONNECTION_ID.eq(c.ID), m.SENDER_ID.ne(me), m.IS_READ.isFalse())).as("unread");
        Field<OffsetDateTime> lastAt = field(select(max(m.CREATED_AT)).from(m).where(m.CONNECTION_ID.eq(c.ID)));
        Field<Optional<Message>> last = multiset(
                select(m.ID, m.CONNECTION_ID, m.SENDER_ID, m.CONTENT, m.IS_READ, m.CREATED_AT)
                        .from(m).where(m.CONNECTION_ID.eq(c.ID))
                        .orderBy(m.CREATED_AT.desc(), m.ID.desc())
                        .limit(1))
                .as("last_message")
                .convertFrom(r -> r.map(x -> new Message(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(),
                        x.value6())).stream().findFirst());
        return db.dsl()
                .select(c.ID, c.EVENT_ID, e.TITLE, other, u.FIRST_NAME, u.LAST_NAME, cp.SHOW_FULL_NAME,
                        c.CONNECTED_AT, last, unread)
                .from(c)
                .join(e).on(e.ID.eq(c.EVENT_ID))
                .join(u).on(u.ID.eq(when(c.FROM_USER_ID.eq(me), c.TO_USER_ID).otherwise(c.FROM_USER_ID)))
                .leftJoin(cp).on(cp.USER_ID.eq(u.ID))
                .where(c.FROM_USER_ID.eq(me).or(c.TO_USER_ID.eq(me)),
                        c.STATUS.eq(ConnectionStatus.CONNECTED.dbValue()))
                .orderBy(coalesce(lastAt, c.CONNECTED_AT).desc(), c.ID.desc())
                .fetch(r -> new ConnectionSummary(r.get(c.ID), r.get(c.EVENT_ID), r.get(e.TITLE), r.get(other),
                        ProfileDisplay.displayName(r.get(u.FIRST_NAME), r.get(u.LAST_NAME), Boolean.TRUE.equals(r.get(cp.SHOW_FULL_NAME))),
                        r.get(c.CONNECTED_AT), r.get(last), r.get(unread)));
    }

    /** The user attended the event: the registration is {@code attended} (confirmed is not enough). */
    private static Field<Boolean> attended(long eventId, long userId) {
        var r = EVENT_REGISTRATION;
        return field(exists(selectOne().from(r).where(r.EVENT_ID.eq(eventId), r.USER_ID.eq(userId),
                r.STATUS.eq(RegistrationStatus.ATTENDED.dbValue()))));
    }

    private static Condition pair(long a, long b) {
        var c = EVENT_CONNECTION;
        return c.FROM_USER_ID.eq(a).and(c.TO_USER_ID.eq(b))
                .or(c.FROM_USER_ID.eq(b).and(c.TO_USER_ID.eq(a)));
    }

    static EventConnection toConnection(EventConnectionRecord r) {
        return new EventConnection(r.getId(), r.getEventId(), r.getFromUserId(), r.getToUserId(),
                ConnectionStatus.fromDb(r.getStatus()), Optional.ofNullable(r.getConnectedAt()), r.getCreatedAt(),
                ContactSharingStatus.fromDb(r.getSharingStatus()), r.getRequesterConsent(), r.getRecipientConsent(),
                r.getAssignedCoachId() == null ? OptionalLong.empty() : OptionalLong.of(r.getAssignedCoachId()));
    }

    // ------------------------------------------------------------------------------------------------ sharing

    /**
     * Records {@code userId}'s consent to share contact details on an accepted connection they are part of. The
     * second consent moves the connection from {@code accepted} to {@code coach_reviewing}. Runs in a transaction
     * with the connection row locked, so two consents arriving together are both recorded and exactly one of them
     * makes the transition (SQLite: the immediate transaction serialises them).
     *
     * @throws ValidationException (field {@code userId} or {@code connectionId}) for a non-positive id
     */
    public ContactConsentResult consentToShare(long userId, long connectionId) {
        Check.userId(userId, "userId");
        Check.id(connectionId, "connectionId");
        long me = userId;
        return db.inTransaction(tx -> {
            var c = EVENT_CONNECTION;
            var read = tx.dsl().selectFrom(c)
                    .where(c.ID.eq(connectionId), c.FROM_USER_ID.eq(me).or(c.TO_USER_ID.eq(me)));
            EventConnectionRecord row = tx.forUpdate(read).fetchOne();
            if (row == null) {
                return new ContactConsentResult.NotFound();
            }
            if (!ConnectionStatus.CONNECTED.dbValue().equals(row.getStatus())) {
                return new ContactConsentResult.NotConnected(toConnection(row));
            }
            boolean requester = row.getFromUserId() == me;
            boolean mine = requester ? row.getRequesterConsent() : row.getRecipientConsent();
            if (mine) {
                return new ContactConsentResult.AlreadyConsented(toConnection(row));
            }
            boolean other = requester ? row.getRecipientConsent() : row.getRequesterConsent();
            RaceSeam.of(db).pause("connection.before-consent-write");
            boolean second = other && ContactSharingStatus.ACCEPTED.dbValue().equals(row.getSharingStatus());
            EventConnectionRecord updated = tx.dsl().update(c)
                    .set(requester ? c.REQUESTER_CONSENT : c.RECIPIENT_CONSENT, true)
                    .set(c.SHARING_STATUS, second ? ContactSharingStatus.COACH_REVIEWING.dbValue()
                            : row.getSharingStatus())
                    .where(c.ID.eq(connectionId))
                    .returning()
                    .fetchOne();
            EventConnection connection = toConnection(updated);
            return second ? new ContactConsentResult.BothConsented(connection)
                    : new ContactConsentResult.Recorded(connection);
        });
    }

    /**
     * The assigned coach approves the sharing of a connection in {@code coach_reviewing} (both consented): it moves to
     * {@code coach_approved}. One conditional update, so it happens once; a refusal writes nothing.
     *
     * @throws ValidationException (field {@code coachId} or {@code connectionId}) for a non-positive id
     */
    public CoachSharingResult approveContactSharing(long coachId, long connectionId) {
        return advance(coachId, connectionId, ContactSharingStatus.COACH_REVIEWING,
                ContactSharingStatus.COACH_APPROVED);
    }

    /**
     * The assigned coach shares the contact details of a connection in {@code coach_approved}: it moves to
     * {@code shared}, after which both people can read each other's details ({@link #getContactDetails}). One
     * conditional update, so it happens once; a refusal writes nothing.
     *
     * @throws ValidationException (field {@code coachId} or {@code connectionId}) for a non-positive id
     */
    public CoachSharingResult shareContacts(long coachId, long connectionId) {
        return advance(coachId, connectionId, ContactSharingStatus.COACH_APPROVED, ContactSharingStatus.SHARED);
    }

    private CoachSharingResult advance(long coachId, long connectionId, ContactSharingStatus from,
                                       ContactSharingStatus to) {
        Check.id(coachId, "coachId");
        Check.id(connectionId, "connectionId");
        return db.inTransaction(tx -> {
            var c = EVENT_CONNECTION;
            var coach = CRUSH_COACH;
            EventConnectionRecord updated = tx.dsl().update(c)
                    .set(c.SHARING_STATUS, to.dbValue())
                    .where(c.ID.eq(connectionId), c.ASSIGNED_COACH_ID.eq(coachId),
                            c.STATUS.eq(ConnectionStatus.CONNECTED.dbValue()), c.SHARING_STATUS.eq(from.dbValue()),
                            exists(selectOne().from(coach).where(coach.ID.eq(coachId), coach.IS_ACTIVE.isTrue())))
                    .returning()
                    .fetchOne();
            if (updated != null) {
                return new CoachSharingResult.Advanced(toConnection(updated));
            }
            Field<Boolean> active = field(exists(selectOne().from(coach)
                    .where(coach.ID.eq(coachId), coach.IS_ACTIVE.isTrue())));
            Record r = tx.dsl().select(c.asterisk(), active).from(c).where(c.ID.eq(connectionId)).fetchOne();
            if (r == null) {
                return new CoachSharingResult.NotFound();
            }
            EventConnectionRecord row = r.into(c);
            Long assigned = row.getAssignedCoachId();
            if (assigned == null || assigned != coachId) {
                return new CoachSharingResult.NotAssignedCoach(connectionId,
                        assigned == null ? OptionalLong.empty() : OptionalLong.of(assigned));
            }
            if (!Boolean.TRUE.equals(r.get(active))) {
                return new CoachSharingResult.CoachInactive(coachId);
            }
            return new CoachSharingResult.WrongState(toConnection(row));
        });
    }

    /**
     * The other person's contact details (name, e-mail, phone) on a connection {@code userId} is part of, readable
     * only once sharing is {@code shared}; otherwise {@link ContactDetailsResult.NotSharedYet}. Someone who is not
     * part of the connection gets the same {@link ContactDetailsResult.NotFound} as for a missing one. One statement.
     *
     * @throws ValidationException (field {@code userId} or {@code connectionId}) for a non-positive id
     */
    public ContactDetailsResult getContactDetails(long userId, long connectionId) {
        Check.userId(userId, "userId");
        Check.id(connectionId, "connectionId");
        var c = EVENT_CONNECTION;
        var u = USER;
        var cp = CRUSH_PROFILE;
        long me = userId;
        Field<Long> other = when(c.FROM_USER_ID.eq(me), c.TO_USER_ID).otherwise(c.FROM_USER_ID);
        return db.dsl()
                .select(c.STATUS, c.SHARING_STATUS, u.ID, u.FIRST_NAME, u.LAST_NAME, u.EMAIL, cp.PHONE)
                .from(c)
                .join(u).on(u.ID.eq(other))
                .leftJoin(cp).on(cp.USER_ID.eq(u.ID))
                .where(c.ID.eq(connectionId), c.FROM_USER_ID.eq(me).or(c.TO_USER_ID.eq(me)))
                .fetchOptional(r -> {
                    boolean connected = ConnectionStatus.CONNECTED.dbValue().equals(r.get(c.STATUS));
                    ContactSharingStatus sharing = ContactSharingStatus.fromDb(r.get(c.SHARING_STATUS));
                    if (!connected || sharing != ContactSharingStatus.SHARED) {
                        return (ContactDetailsResult) new ContactDetailsResult.NotSharedYet(connected, sharing);
                    }
                    String phone = r.get(cp.PHONE);
                    return new ContactDetailsResult.Shared(new ContactDetails(connectionId, r.get(u.ID),
                            r.get(u.FIRST_NAME), r.get(u.LAST_NAME), r.get(u.EMAIL), phone == null ? "" : phone));
                })
                .orElseGet(ContactDetailsResult.NotFound::new);
    }
}
