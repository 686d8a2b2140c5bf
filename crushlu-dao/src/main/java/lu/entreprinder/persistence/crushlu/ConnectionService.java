package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CONNECTION_MESSAGE;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
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
import lu.entreprinder.persistence.core.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import lu.entreprinder.persistence.schema.generated.tables.records.EventConnectionRecord;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Connections between attendees of the same event: request, accept or decline, and a user's connection list.
 * An attendee is a user whose registration is {@code attended}, or {@code confirmed} for an event that has taken
 * place. A pair has at most one connection per event, whichever of the two asked.
 */
public final class ConnectionService {

    private final Database db;

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
            boolean past = !now.isBefore(event.get(e.EVENT_DATE));
            Field<Boolean> fromExists = field(exists(selectOne().from(USER).where(USER.ID.eq(fromUserId))));
            Field<Boolean> toExists = field(exists(selectOne().from(USER).where(USER.ID.eq(toUserId))));
            Record check = tx.dsl().select(fromExists, toExists,
                            attended(eventId, fromUserId, past), attended(eventId, toUserId, past))
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
     * Answers a pending request addressed to {@code userId}: accept (connected, with {@code connected_at} now) or
     * decline. A request that does not exist or is not addressed to the user gets
     * {@link ConnectionResponseResult.NotFound}.
     *
     * @throws ValidationException (field {@code userId} or {@code connectionId}) for a non-positive id
     */
    public ConnectionResponseResult respond(long userId, long connectionId, boolean accept) {
        Check.userId(userId, "userId");
        Check.id(connectionId, "connectionId");
        return db.inTransaction(tx -> {
            var c = EVENT_CONNECTION;
            ConnectionStatus target = accept ? ConnectionStatus.CONNECTED : ConnectionStatus.DECLINED;
            EventConnectionRecord updated = tx.dsl().update(c)
                    .set(c.STATUS, target.dbValue())
                    .set(c.CONNECTED_AT, accept ? tx.now() : null)
                    .where(c.ID.eq(connectionId), c.TO_USER_ID.eq(userId),
                            c.STATUS.eq(ConnectionStatus.PENDING.dbValue()))
                    .returning()
                    .fetchOne();
            if (updated != null) {
                Connection connection = toConnection(updated);
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

    /** The user attended the event: {@code attended}, or {@code confirmed} once it has taken place. */
    private static Field<Boolean> attended(long eventId, long userId, boolean past) {
        var r = EVENT_REGISTRATION;
        Condition status = past
                ? r.STATUS.in(RegistrationStatus.ATTENDED.dbValue(), RegistrationStatus.CONFIRMED.dbValue())
                : r.STATUS.eq(RegistrationStatus.ATTENDED.dbValue());
        return field(exists(selectOne().from(r).where(r.EVENT_ID.eq(eventId), r.USER_ID.eq(userId), status)));
    }

    private static Condition pair(long a, long b) {
        var c = EVENT_CONNECTION;
        return c.FROM_USER_ID.eq(a).and(c.TO_USER_ID.eq(b))
                .or(c.FROM_USER_ID.eq(b).and(c.TO_USER_ID.eq(a)));
    }

    static Connection toConnection(EventConnectionRecord r) {
        return new Connection(r.getId(), r.getEventId(), r.getFromUserId(), r.getToUserId(),
                ConnectionStatus.fromDb(r.getStatus()), Optional.ofNullable(r.getConnectedAt()), r.getCreatedAt());
    }
}
