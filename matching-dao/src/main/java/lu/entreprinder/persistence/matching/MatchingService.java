package lu.entreprinder.persistence.matching;

import lu.entreprinder.persistence.core.internal.Check;
import static lu.entreprinder.persistence.schema.generated.Tables.DISLIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.SelectForUpdateStep;

/**
 * Likes and the matches they become. Each verb runs in its own transaction ({@link Database#inTransaction}), which
 * joins the caller's transaction as a savepoint when there is one (the pair's locks are then held until the caller's
 * transaction ends).
 *
 * <h2>Exactly one match per pair, under contention</h2>
 * Both verbs first lock the two users' {@code auth_user} rows, in id order: {@code SELECT id FROM auth_user WHERE id
 * IN (a, b) ORDER BY id FOR NO KEY UPDATE} on PostgreSQL; on SQLite the transaction already holds the database's write
 * lock ({@code BEGIN IMMEDIATE}), so the select runs as is. Why this is correct under READ COMMITTED:
 * <ul>
 *   <li>Every like/unlike of the pair {a, b}, in either direction, takes the same two row locks before it reads or
 *       writes anything of the pair, so they run one after the other: the second blocks on the lock until the first
 *       commits or rolls back.</li>
 *   <li>Under READ COMMITTED each statement takes a new snapshot, so the second transaction's reverse-like check (a
 *       statement that runs after it got the lock) sees the first transaction's committed like. The first one cannot
 *       have seen the second's like, because the second inserts its like only after it holds the lock. So exactly one
 *       of the two creates the match; neither can miss it.</li>
 *   <li>Locks are taken in ascending id order (the ORDER BY sorts below the row-locking step), so two transactions
 *       over overlapping pairs (a, b) and (b, c) never wait on each other in a cycle: no deadlocks from this code.</li>
 *   <li>{@code FOR NO KEY UPDATE} conflicts with itself (so it serialises the pair) but not with the {@code FOR KEY
 *       SHARE} locks that foreign-key checks take, so other users' likes of a or b are not blocked; it does block
 *       deleting the user, so the foreign keys cannot break between the check and the insert.</li>
 *   <li>The match is stored once per pair (this class writes the lower id first; the Django app may store either
 *       order, V15) and the unique index {@code matching_match_pair_uniq} on the unordered pair stays the last line
 *       of defence: the insert uses {@code ON CONFLICT DO NOTHING}, so even inconsistent old data cannot make a like
 *       fail.</li>
 * </ul>
 * The select that locks also proves that both users exist, so a like costs four statements (lock, clear the
 * liker's dislike of the other user, insert the like, insert the match when the reverse like exists) and nothing is
 * written for an unknown user.
 *
 * <h2>Dislikes</h2>
 * {@link #dislike} takes the same pair lock. A like and a dislike from the same user are exclusive: a dislike
 * withdraws the disliker's like (and dissolves the pair's match), a later like clears the dislike (the user changed
 * their mind). Because both verbs hold the pair lock, a like and a dislike racing end in one of the two states, never
 * with both rows. The match keeps who liked first ({@code matching_match.first_liker_id}, V22): the user whose like
 * was there when the second like created the match.
 */
public final class MatchingService {

    private final Database db;

    public MatchingService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * {@code fromUserId} likes {@code toUserId}. When {@code toUserId} already likes {@code fromUserId}, the pair's
     * match is created in the same transaction (stored once, lower user id first, {@code toUserId} recorded as the
     * first liker). Liking twice changes nothing. A dislike of {@code toUserId} by {@code fromUserId} is cleared
     * (also when the like already existed).
     *
     * @return {@link LikeResult.Liked}, {@link LikeResult.Matched} or {@link LikeResult.AlreadyLiked}
     * @throws ValidationException {@code fromUserId}/{@code toUserId} not a positive id; {@code toUserId} when it equals
     *         {@code fromUserId} (nobody can like themselves). Nothing is written.
     * @throws NotFoundException   (entity {@code user}) when either user does not exist. Nothing is written.
     * @throws PersistenceException any other database failure (the transaction is rolled back)
     */
    public LikeResult like(long fromUserId, long toUserId) {
        long from = Check.userId(fromUserId, "fromUserId");
        long to = Check.userId(toUserId, "toUserId");
        if (from == to) {
            throw new ValidationException("toUserId", "must differ from fromUserId: nobody can like themselves");
        }
        return db.inTransaction(tx -> {
            lockUsers(tx, from, to);
            // A like of someone the liker disliked clears the dislike (see the class comment).
            tx.dsl().deleteFrom(DISLIKE).where(DISLIKE.FROM_USER_ID.eq(from), DISLIKE.TO_USER_ID.eq(to)).execute();
            OffsetDateTime now = db.now();
            Optional<Long> likeId = returningId(tx.dsl(), tx.dsl().insertInto(LIKE)
                    .set(LIKE.FROM_USER_ID, from)
                    .set(LIKE.TO_USER_ID, to)
                    .set(LIKE.CREATED_AT, now)
                    .onConflictDoNothing());
            if (likeId.isEmpty()) {
                return new LikeResult.AlreadyLiked();
            }
            RaceSeam.of(db).pause("matching.after-like-inserted");
            // One statement: create the match if (and only if) the reverse like exists.
            // The other user's like was there first: they are the first liker.
            Optional<Long> matchId = returningId(tx.dsl(), tx.dsl().insertInto(MATCH, MATCH.USER1_ID, MATCH.USER2_ID, MATCH.CREATED_AT,
                            MATCH.FIRST_LIKER_ID)
                    .select(select(val(Math.min(from, to)), val(Math.max(from, to)), val(now, MATCH.CREATED_AT),
                            val(to, MATCH.FIRST_LIKER_ID))
                            .where(exists(selectOne().from(LIKE)
                                    .where(LIKE.FROM_USER_ID.eq(to), LIKE.TO_USER_ID.eq(from)))))
                    .onConflictDoNothing());
            RaceSeam.of(db).pause("matching.after-reverse-checked");
            return matchId.<LikeResult>map(id -> new LikeResult.Matched(likeId.get(), id))
                    .orElseGet(() -> new LikeResult.Liked(likeId.get()));
        });
    }

    /**
     * Removes {@code fromUserId}'s like of {@code toUserId} and dissolves (deletes) the pair's match if there was one.
     * The other user's like stays. Takes the same pair lock as {@link #like}.
     *
     * @return {@link UnlikeResult.Unliked}, {@link UnlikeResult.Unmatched} or {@link UnlikeResult.NotLiked}
     * @throws ValidationException {@code fromUserId}/{@code toUserId} not a positive id, or equal ({@code toUserId}).
     *         Nothing is written.
     * @throws NotFoundException   (entity {@code user}) when either user does not exist. Nothing is written.
     * @throws PersistenceException any other database failure (the transaction is rolled back)
     */
    public UnlikeResult unlike(long fromUserId, long toUserId) {
        long from = Check.userId(fromUserId, "fromUserId");
        long to = Check.userId(toUserId, "toUserId");
        if (from == to) {
            throw new ValidationException("toUserId", "must differ from fromUserId: nobody can like themselves");
        }
        return db.inTransaction(tx -> {
            lockUsers(tx, from, to);
            int deleted = tx.dsl().deleteFrom(LIKE)
                    .where(LIKE.FROM_USER_ID.eq(from), LIKE.TO_USER_ID.eq(to))
                    .execute();
            if (deleted == 0) {
                return new UnlikeResult.NotLiked();
            }
            Optional<Long> matchId = returningId(tx.dsl(), tx.dsl().deleteFrom(MATCH)
                    // either order: the Django app may have stored the pair as (higher, lower)
                    .where(MATCH.USER1_ID.eq(Math.min(from, to)).and(MATCH.USER2_ID.eq(Math.max(from, to)))
                            .or(MATCH.USER1_ID.eq(Math.max(from, to)).and(MATCH.USER2_ID.eq(Math.min(from, to))))));
            return matchId.<UnlikeResult>map(UnlikeResult.Unmatched::new).orElseGet(UnlikeResult.Unliked::new);
        });
    }

    /**
     * {@code fromUserId} dislikes {@code toUserId}: {@code toUserId} is never again listed by
     * {@link MatchingDao#listCandidates} for {@code fromUserId}. A like of {@code toUserId} by {@code fromUserId} is
     * withdrawn, and the pair's match dissolved (deleted) if there was one; {@code toUserId}'s own like stays. Disliking
     * twice changes nothing. A later {@link #like} clears the dislike. Takes the same pair lock as {@link #like}. Two
     * statements when the dislike already existed, three when there was no like to withdraw, four otherwise.
     *
     * @return {@link DislikeResult.Disliked} or {@link DislikeResult.AlreadyDisliked}
     * @throws ValidationException {@code fromUserId}/{@code toUserId} not a positive id; {@code toUserId} when it equals
     *         {@code fromUserId} (nobody can dislike themselves). Nothing is written.
     * @throws NotFoundException   (entity {@code user}) when either user does not exist. Nothing is written.
     * @throws PersistenceException any other database failure (the transaction is rolled back)
     */
    public DislikeResult dislike(long fromUserId, long toUserId) {
        long from = Check.userId(fromUserId, "fromUserId");
        long to = Check.userId(toUserId, "toUserId");
        if (from == to) {
            throw new ValidationException("toUserId", "must differ from fromUserId: nobody can dislike themselves");
        }
        return db.inTransaction(tx -> {
            lockUsers(tx, from, to);
            Optional<Long> dislikeId = returningId(tx.dsl(), tx.dsl().insertInto(DISLIKE)
                    .set(DISLIKE.FROM_USER_ID, from)
                    .set(DISLIKE.TO_USER_ID, to)
                    .set(DISLIKE.CREATED_AT, db.now())
                    .onConflictDoNothing());
            if (dislikeId.isEmpty()) {
                return new DislikeResult.AlreadyDisliked();
            }
            int withdrawn = tx.dsl().deleteFrom(LIKE)
                    .where(LIKE.FROM_USER_ID.eq(from), LIKE.TO_USER_ID.eq(to))
                    .execute();
            if (withdrawn == 0) {
                return new DislikeResult.Disliked(dislikeId.get(), false, OptionalLong.empty());
            }
            Optional<Long> matchId = returningId(tx.dsl(), tx.dsl().deleteFrom(MATCH)
                    // either order: the Django app may have stored the pair as (higher, lower)
                    .where(MATCH.USER1_ID.eq(Math.min(from, to)).and(MATCH.USER2_ID.eq(Math.max(from, to)))
                            .or(MATCH.USER1_ID.eq(Math.max(from, to)).and(MATCH.USER2_ID.eq(Math.min(from, to))))));
            return new DislikeResult.Disliked(dislikeId.get(), true,
                    matchId.map(OptionalLong::of).orElseGet(OptionalLong::empty));
        });
    }

    /**
     * Runs an INSERT/DELETE with the database's own {@code RETURNING id} (PostgreSQL; SQLite 3.35+) and returns the id
     * of the row it wrote, empty when it wrote none. jOOQ's SQLite emulation of RETURNING reads
     * {@code last_insert_rowid()}, which is stale after {@code ON CONFLICT DO NOTHING}, so it is not used.
     */
    private static Optional<Long> returningId(DSLContext dsl, Query statement) {
        return dsl.resultQuery("{0} returning id", statement).fetchOptional(0, Long.class);
    }

    /** Locks both users' rows in id order (see the class comment) and fails if either does not exist. */
    private static void lockUsers(Transaction tx, long a, long b) {
        SelectForUpdateStep<Record1<Long>> select = tx.dsl().select(USER.ID).from(USER)
                .where(USER.ID.in(a, b))
                .orderBy(USER.ID);
        List<Long> found = tx.forNoKeyUpdate(select).fetch(Record1::value1);
        if (found.size() < 2) {
            long missing = found.contains(a) ? b : a;
            throw new NotFoundException("user", missing);
        }
    }
}
