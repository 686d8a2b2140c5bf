package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.PRESENTATION_RATING;
import static lu.entreprinder.persistence.schema.generated.Tables.VOTING_SESSION;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.records.VotingSessionRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SelectForUpdateStep;

/**
 * Votes of a speed-dating evening: a coach opens the event's one voting session, attendees rate each other's
 * presentations (score {@value #MIN_SCORE}–{@value #MAX_SCORE}), a coach closes it. Results are read through
 * {@link VotingDao}. Every verb runs its own transaction (a savepoint inside the caller's).
 *
 * <p>Rules:
 * <ul>
 *   <li>An attendee is a user whose registration for the event is {@code attended} (checked in); a confirmed
 *       registration is not enough. Rater and presenter must both be attendees, and differ.</li>
 *   <li>One rating per rater and presenter in a session: rating again while the session is open <em>updates</em>
 *       the score ({@link RatingResult.Updated}); the unique constraint
 *       {@code crush_lu_presentationrating_session_rater_presenter_uniq} backs this up.</li>
 *   <li>{@link #rate} and {@link #closeSession} lock the session row first ({@code FOR UPDATE}; SQLite: the
 *       immediate transaction's write lock): a rating never lands after the close, and two submissions of the same
 *       rating at once become one row (the second sees the first and updates it) instead of a constraint error.</li>
 *   <li>One session per event: {@code crush_lu_votingsession_event_id_key}; two coaches opening at once get one
 *       {@link VotingOpenResult.Opened} and one {@link VotingOpenResult.AlreadyExists}
 *       ({@code ON CONFLICT DO NOTHING}, so nothing fails).</li>
 * </ul>
 */
public final class VotingService {

    /** The lowest score a rating may give. */
    public static final int MIN_SCORE = 1;

    /** The highest score a rating may give. */
    public static final int MAX_SCORE = 5;

    private final Database db;

    public VotingService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Opens the voting session of {@code eventId}, as the coach {@code coachUserId}. Two statements (the checks in
     * one, then the insert); a third only when another coach opened the session at the same moment.
     *
     * @return {@link VotingOpenResult.Opened}, {@link VotingOpenResult.AlreadyExists} (the event's one session, open
     *         or closed) or {@link VotingOpenResult.NotCoach}
     * @throws ValidationException (eventId, coachUserId) not a positive id. Nothing is written.
     * @throws NotFoundException   (entity {@code event}) for an unknown event. Nothing is written.
     * @throws PersistenceException any other database failure
     */
    public VotingOpenResult openSession(long eventId, long coachUserId) {
        Check.id(eventId, "eventId");
        long coach = Check.userId(coachUserId, "coachUserId");
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            var vs = VOTING_SESSION;
            Record check = dsl.select(MEETUP_EVENT.ID, isCoach(coach), vs.ID, vs.EVENT_ID, vs.OPENED_BY_USER_ID, vs.STATUS,
                            vs.OPENED_AT, vs.CLOSED_AT)
                    .from(MEETUP_EVENT)
                    .leftJoin(vs).on(vs.EVENT_ID.eq(MEETUP_EVENT.ID))
                    .where(MEETUP_EVENT.ID.eq(eventId))
                    .fetchOne();
            if (check == null) {
                throw new NotFoundException("event", eventId);
            }
            if (!check.get(1, Boolean.class)) {
                return new VotingOpenResult.NotCoach(coachUserId);
            }
            if (check.get(vs.ID) != null) {
                return new VotingOpenResult.AlreadyExists(new VotingSession(check.get(vs.ID), eventId,
                        optionalUser(check.get(vs.OPENED_BY_USER_ID)), VotingStatus.fromDb(check.get(vs.STATUS)),
                        check.get(vs.OPENED_AT), Optional.ofNullable(check.get(vs.CLOSED_AT))));
            }
            OffsetDateTime now = tx.now();
            var insert = dsl.insertInto(vs)
                    .set(vs.EVENT_ID, eventId)
                    .set(vs.OPENED_BY_USER_ID, coach)
                    .set(vs.STATUS, VotingStatus.OPEN.dbValue())
                    .set(vs.OPENED_AT, now)
                    .onConflictDoNothing();
            // The database's own RETURNING: jOOQ's SQLite emulation reads last_insert_rowid(), stale after DO NOTHING.
            Optional<Long> id = dsl.resultQuery("{0} returning id", insert).fetchOptional(0, Long.class);
            if (id.isPresent()) {
                return new VotingOpenResult.Opened(new VotingSession(id.get(), eventId, OptionalLong.of(coach),
                        VotingStatus.OPEN, now, Optional.empty()));
            }
            return new VotingOpenResult.AlreadyExists(VotingDao.toSession(
                    dsl.selectFrom(vs).where(vs.EVENT_ID.eq(eventId)).fetchSingle()));
        });
    }

    /**
     * Closes the session, as the coach {@code coachUserId}: no more ratings. Locks the session row. Two statements
     * (one when nothing changes).
     *
     * @return {@link VotingCloseResult.Closed}, {@link VotingCloseResult.AlreadyClosed} or
     *         {@link VotingCloseResult.NotCoach}
     * @throws ValidationException (sessionId, coachUserId) not a positive id. Nothing is written.
     * @throws NotFoundException   (entity {@code session}) for an unknown session. Nothing is written.
     * @throws PersistenceException any other database failure
     */
    public VotingCloseResult closeSession(long sessionId, long coachUserId) {
        Check.id(sessionId, "sessionId");
        long coach = Check.userId(coachUserId, "coachUserId");
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            var vs = VOTING_SESSION;
            SelectForUpdateStep<Record> select = dsl.select(vs.fields()).select(isCoach(coach))
                    .from(vs).where(vs.ID.eq(sessionId));
            Record row = tx.forUpdate(select).fetchOne();
            if (row == null) {
                throw new NotFoundException("session", sessionId);
            }
            VotingSessionRecord stored = row.into(vs);
            if (!row.get(vs.fields().length, Boolean.class)) {
                return new VotingCloseResult.NotCoach(coachUserId);
            }
            if (VotingStatus.fromDb(stored.getStatus()) == VotingStatus.CLOSED) {
                return new VotingCloseResult.AlreadyClosed(VotingDao.toSession(stored));
            }
            OffsetDateTime now = tx.now();
            dsl.update(vs).set(vs.STATUS, VotingStatus.CLOSED.dbValue()).set(vs.CLOSED_AT, now)
                    .where(vs.ID.eq(sessionId)).execute();
            stored.setStatus(VotingStatus.CLOSED.dbValue());
            stored.setClosedAt(now);
            return new VotingCloseResult.Closed(VotingDao.toSession(stored));
        });
    }

    /**
     * {@code raterId} rates {@code presenterId}'s presentation in the session. Both must be attendees of the
     * session's event ({@code attended}); a second rating of the same presenter updates the score. Locks the session
     * row first (see the class comment). Three statements: the lock, the checks (attendance of both and the existing
     * rating, in one), the insert or update; two when the session is closed.
     *
     * @return {@link RatingResult.Rated}, {@link RatingResult.Updated}, {@link RatingResult.SessionClosed},
     *         {@link RatingResult.RaterNotAttendee} or {@link RatingResult.PresenterNotAttendee}
     * @throws ValidationException (sessionId, raterId, presenterId) not a positive id; (presenterId) equal to the
     *         rater (nobody rates themselves); (score) outside {@value #MIN_SCORE}–{@value #MAX_SCORE}. Nothing is
     *         written.
     * @throws NotFoundException   (entity {@code session}) for an unknown session. Nothing is written.
     * @throws PersistenceException any other database failure
     */
    public RatingResult rate(long sessionId, long raterId, long presenterId, int score) {
        Check.id(sessionId, "sessionId");
        long rater = Check.userId(raterId, "raterId");
        long presenter = Check.userId(presenterId, "presenterId");
        if (rater == presenter) {
            throw new ValidationException("presenterId", "must differ from raterId: nobody rates themselves");
        }
        Check.range(score, MIN_SCORE, MAX_SCORE, "score");
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            var vs = VOTING_SESSION;
            var pr = PRESENTATION_RATING;
            SelectForUpdateStep<Record2<Long, String>> select = dsl.select(vs.EVENT_ID, vs.STATUS).from(vs)
                    .where(vs.ID.eq(sessionId));
            Record2<Long, String> session = tx.forUpdate(select).fetchOne();
            if (session == null) {
                throw new NotFoundException("session", sessionId);
            }
            if (VotingStatus.fromDb(session.value2()) == VotingStatus.CLOSED) {
                return new RatingResult.SessionClosed(sessionId);
            }
            long eventId = session.value1();
            Condition mine = pr.SESSION_ID.eq(sessionId).and(pr.RATER_USER_ID.eq(rater)).and(pr.PRESENTER_USER_ID.eq(presenter));
            // A statement of its own, after the lock: its snapshot sees every rating committed before this one.
            Record check = dsl.select(attended(eventId, rater), attended(eventId, presenter),
                            field(select(pr.ID).from(pr).where(mine)), field(select(pr.SCORE).from(pr).where(mine)))
                    .fetchSingle();
            if (!check.get(0, Boolean.class)) {
                return new RatingResult.RaterNotAttendee(raterId);
            }
            if (!check.get(1, Boolean.class)) {
                return new RatingResult.PresenterNotAttendee(presenterId);
            }
            Long existing = check.get(2, Long.class);
            OffsetDateTime now = tx.now();
            RaceSeam.of(db).pause("voting.rate");
            if (existing != null) {
                dsl.update(pr).set(pr.SCORE, score).set(pr.UPDATED_AT, now).where(pr.ID.eq(existing)).execute();
                return new RatingResult.Updated(existing, check.get(3, Integer.class), score);
            }
            // The database's own RETURNING, one statement on both (jOOQ's SQLite emulation adds a second).
            long id = dsl.resultQuery("{0} returning id", dsl.insertInto(pr)
                            .set(pr.SESSION_ID, sessionId)
                            .set(pr.RATER_USER_ID, rater)
                            .set(pr.PRESENTER_USER_ID, presenter)
                            .set(pr.SCORE, score)
                            .set(pr.CREATED_AT, now)
                            .set(pr.UPDATED_AT, now))
                    .fetchSingle(0, Long.class);
            return new RatingResult.Rated(id, score);
        });
    }

    private static OptionalLong optionalUser(Long userId) {
        return userId == null ? OptionalLong.empty() : OptionalLong.of(userId);
    }

    private static Field<Boolean> isCoach(long userId) {
        return field(exists(selectOne().from(CRUSH_COACH).where(CRUSH_COACH.USER_ID.eq(userId))));
    }

    private static Field<Boolean> attended(long eventId, long userId) {
        return field(exists(selectOne().from(EVENT_REGISTRATION)
                .where(EVENT_REGISTRATION.EVENT_ID.eq(eventId), EVENT_REGISTRATION.USER_ID.eq(userId),
                        EVENT_REGISTRATION.STATUS.eq(RegistrationStatus.ATTENDED.dbValue()))));
    }
}
