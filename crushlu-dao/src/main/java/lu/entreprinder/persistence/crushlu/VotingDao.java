package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.PRESENTATION_RATING;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.VOTING_SESSION;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.PresentationRating;
import lu.entreprinder.persistence.schema.generated.tables.records.VotingSessionRecord;
import org.jooq.impl.SQLDataType;

/** Reads of the voting domain (V23): an event's session and a session's results. One statement per method. */
public final class VotingDao {

    private final Database db;

    public VotingDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * The voting session of {@code eventId}, if one was opened. One statement.
     *
     * @throws ValidationException (eventId) not a positive id
     * @throws PersistenceException any database failure
     */
    public Optional<VotingSession> findSessionForEvent(long eventId) {
        Check.id(eventId, "eventId");
        return db.dsl().selectFrom(VOTING_SESSION).where(VOTING_SESSION.EVENT_ID.eq(eventId)).fetchOptional()
                .map(VotingDao::toSession);
    }

    /**
     * Every rated presenter of the session with the number of ratings and their average, best average first (then
     * more ratings, then user id). Open or closed sessions alike; an unknown session has no results. One statement
     * (grouped over the session's ratings only).
     *
     * @throws ValidationException (sessionId) not a positive id
     * @throws PersistenceException any database failure
     */
    public List<PresenterResult> listResults(long sessionId) {
        Check.id(sessionId, "sessionId");
        var pr = PRESENTATION_RATING;
        var n = count();
        var total = sum(pr.SCORE).cast(SQLDataType.INTEGER);
        return db.dsl().select(pr.PRESENTER_USER_ID, USER.USERNAME, USER.FIRST_NAME, n, total)
                .from(pr)
                .join(USER).on(USER.ID.eq(pr.PRESENTER_USER_ID))
                .where(pr.SESSION_ID.eq(sessionId))
                .groupBy(pr.PRESENTER_USER_ID, USER.USERNAME, USER.FIRST_NAME)
                .orderBy(avg(pr.SCORE).desc(), n.desc(), pr.PRESENTER_USER_ID)
                .fetch(r -> new PresenterResult(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * Pairs of attendees who rated each other's presentation at least {@code minScore} in the session, ordered by
     * the pair's user ids. One statement.
     *
     * @throws ValidationException (sessionId) not a positive id; (minScore) outside
     *         {@value VotingService#MIN_SCORE}–{@value VotingService#MAX_SCORE}
     * @throws PersistenceException any database failure
     */
    public List<MutualRating> listMutualHighRatings(long sessionId, int minScore) {
        Check.id(sessionId, "sessionId");
        Check.range(minScore, VotingService.MIN_SCORE, VotingService.MAX_SCORE, "minScore");
        PresentationRating a = PRESENTATION_RATING.as("a");
        PresentationRating b = PRESENTATION_RATING.as("b");
        return db.dsl().select(a.RATER_USER_ID, a.PRESENTER_USER_ID, a.SCORE, b.SCORE)
                .from(a)
                .join(b).on(b.SESSION_ID.eq(a.SESSION_ID), b.RATER_USER_ID.eq(a.PRESENTER_USER_ID),
                        b.PRESENTER_USER_ID.eq(a.RATER_USER_ID))
                .where(a.SESSION_ID.eq(sessionId), a.RATER_USER_ID.lt(a.PRESENTER_USER_ID), a.SCORE.ge(minScore),
                        b.SCORE.ge(minScore))
                .orderBy(a.RATER_USER_ID, a.PRESENTER_USER_ID)
                .fetch(r -> new MutualRating(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    static VotingSession toSession(VotingSessionRecord r) {
        return new VotingSession(r.getId(), r.getEventId(),
                r.getOpenedByUserId() == null ? OptionalLong.empty() : OptionalLong.of(r.getOpenedByUserId()),
                VotingStatus.fromDb(r.getStatus()), r.getOpenedAt(), Optional.ofNullable(r.getClosedAt()));
    }
}
