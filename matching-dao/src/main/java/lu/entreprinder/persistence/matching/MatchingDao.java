package lu.entreprinder.persistence.matching;

import static lu.entreprinder.persistence.schema.generated.Tables.DISLIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_SKILLS;
import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MATCH;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.asterisk;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.with;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.matching.internal.ProfileSummaries;
import lu.entreprinder.persistence.schema.generated.tables.Dislike;
import lu.entreprinder.persistence.schema.generated.tables.EntrepreneurProfile;
import lu.entreprinder.persistence.schema.generated.tables.EntrepreneurProfileIndustries;
import lu.entreprinder.persistence.schema.generated.tables.EntrepreneurProfileSkills;
import lu.entreprinder.persistence.schema.generated.tables.Like;
import lu.entreprinder.persistence.schema.generated.tables.User;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record9;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.Table;

/**
 * Reads of the matching domain: a user's matches, candidates to like, likes received. One SQL statement per method.
 * Reads do not check that the user exists: an unknown user has no matches, no candidates and no likes (an empty page
 * or zero), which one statement can answer.
 */
public final class MatchingDao {

    private final Database db;

    public MatchingDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Matches
    // ---------------------------------------------------------------------------------------------------------

    /**
     * The matches of {@code userId}, newest first ({@code created_at desc, id desc}), each with the other person and
     * their entrepreneur profile summary (headline, photo path, industries); a person without a profile is listed with
     * {@link ProfileSummary#EMPTY}. One statement (industries as a {@code multiset}).
     *
     * @throws ValidationException {@code userId} not a positive id; {@code page} null; {@code cursor} not a cursor of
     *         this listing
     * @throws PersistenceException any database failure
     */
    public Page<UserMatch> listMatches(long userId, PageRequest page) {
        long me = Check.userId(userId, "userId");
        Check.required(page, "page");
        Condition after = noCondition();
        if (page.after() != null) {
            OffsetDateTime at = page.key(0, 2, OffsetDateTime::parse);
            long id = page.key(1, 2, Long::parseLong);
            after = row(MATCH.CREATED_AT, MATCH.ID).lt(at, id);
        }
        Field<Long> other = when(MATCH.USER1_ID.eq(me), MATCH.USER2_ID).otherwise(MATCH.USER1_ID);
        // The page's rows first (derived table), then the profile summary of those rows only.
        Table<?> pg = select(MATCH.ID, MATCH.CREATED_AT, other.as("other_id"), MATCH.FIRST_LIKER_ID)
                .from(MATCH)
                .where(MATCH.USER1_ID.eq(me).or(MATCH.USER2_ID.eq(me)))
                .and(after)
                .orderBy(MATCH.CREATED_AT.desc(), MATCH.ID.desc())
                .limit(inline(page.size() + 1))
                .asTable("pg");
        Field<Long> matchId = pg.field(MATCH.ID);
        Field<OffsetDateTime> createdAt = pg.field(MATCH.CREATED_AT);
        Field<Long> otherId = pg.field("other_id", USER.ID.getDataType());
        Field<Integer> firstLiker = pg.field(MATCH.FIRST_LIKER_ID);
        List<UserMatch> rows = db.dsl()
                .select(matchId, createdAt, otherId, USER.USERNAME, USER.FIRST_NAME,
                        ENTREPRENEUR_PROFILE.ID, ENTREPRENEUR_PROFILE.HEADLINE, ENTREPRENEUR_PROFILE.PROFILE_PHOTO,
                        ProfileSummaries.industries(ENTREPRENEUR_PROFILE.ID), firstLiker)
                .from(pg)
                .join(USER).on(USER.ID.eq(otherId))
                .leftJoin(ENTREPRENEUR_PROFILE).on(ENTREPRENEUR_PROFILE.USER_ID.eq(otherId))
                .orderBy(createdAt.desc(), matchId.desc())
                .fetch(r -> new UserMatch(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        ProfileSummary.of(r.value6(), r.value7(), r.value8(), r.value9()),
                        r.value10() == null ? OptionalLong.empty() : OptionalLong.of(r.value10())));
        return page.toPage(rows, m -> PageRequest.encode(m.matchedAt(), m.matchId()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Candidates
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Users {@code userId} could like next: active users with an entrepreneur profile, other than {@code userId},
     * whom {@code userId} has neither liked nor disliked (a disliked user never comes back). Ranked by the number of
     * skills plus industries their profile shares with {@code userId}'s own profile (0 for everyone when
     * {@code userId} has none), then newest ({@code date_joined desc, id desc}). Keyset pagination: the cursor carries (score, date_joined, id). One statement.
     *
     * @throws ValidationException {@code userId} not a positive id; {@code page} null; {@code cursor} not a cursor of
     *         this listing
     * @throws PersistenceException any database failure
     */
    public Page<Candidate> listCandidates(long userId, PageRequest page) {
        long me = Check.userId(userId, "userId");
        Check.required(page, "page");
        Bound bound = candidates(me, page);
        List<Candidate> rows = bound.read().fetch(db.dsl(), r -> new Candidate(r.value1(), r.value2(), r.value3(),
                r.value4(), r.value7(), r.value8(), new ProfileSummary(true, r.value5(), r.value6(), r.value9())),
                bound.values());
        return page.toPage(rows, x -> PageRequest.encode(x.score(), x.dateJoined(), x.userId()));
    }

    /**
     * The one statement of {@link #listCandidates}, its values bound (package-private so a test can EXPLAIN it).
     *
     * @throws ValidationException {@code cursor} not a cursor of this listing
     */
    ResultQuery<Record9<Long, String, String, OffsetDateTime, String, String, Integer, Integer, List<String>>>
            candidatesQuery(long me, PageRequest page) {
        Bound bound = candidates(me, page);
        return bound.read().bind(db.dsl(), bound.values());
    }

    /** The statement of one cursor shape and its values. */
    private record Bound(PreparedRead<Record9<Long, String, String, OffsetDateTime, String, String, Integer, Integer,
            List<String>>> read, Object[] values) {
    }

    /** @throws ValidationException {@code cursor} not a cursor of this listing */
    private static Bound candidates(long me, PageRequest page) {
        int limit = page.size() + 1;
        if (page.after() == null) {
            return new Bound(CANDIDATES.computeIfAbsent(new CandidateShape(false, false, limit),
                    MatchingDao::candidates), new Object[] {me});
        }
        int afterScore = page.key(0, 3, Integer::parseInt);
        OffsetDateTime afterJoined = page.key(1, 3, OffsetDateTime::parse);
        long afterId = page.key(2, 3, Integer::parseInt).longValue();
        // after a candidate who shares something (score above 0) the zero-score fill starts at its top; after a
        // zero-score candidate only zero-score candidates after it
        return new Bound(CANDIDATES.computeIfAbsent(new CandidateShape(true, afterScore <= 0, limit),
                MatchingDao::candidates), new Object[] {me, afterScore, afterJoined, afterId});
    }

    // The per-call values of the candidate listing; its SQL is rendered once per cursor shape and dialect.
    private static final Param<Long> ME = param("me", USER.ID.getDataType());
    private static final Param<Integer> AFTER_SCORE = param("after_score", INTEGER);
    private static final Param<OffsetDateTime> AFTER_JOINED = param("after_joined", USER.DATE_JOINED.getDataType());
    private static final Param<Long> AFTER_ID = param("after_id", USER.ID.getDataType());

    /**
     * A candidate statement's shape: first page or after a cursor (of a candidate scoring 0 or more), and the rows it
     * reads (the LIMIT inlined, not bound: see {@link PreparedRead}).
     */
    private record CandidateShape(boolean after, boolean afterZeroScore, int limit) {
    }

    /** At most 3 cursor shapes x 100 page sizes. */
    private static final Map<CandidateShape, PreparedRead<Record9<Long, String, String, OffsetDateTime, String, String,
            Integer, Integer, List<String>>>> CANDIDATES = new ConcurrentHashMap<>();

    /**
     * The candidate statement of one shape. Parameters: {@link #ME}, then with a cursor {@link #AFTER_SCORE},
     * {@link #AFTER_JOINED}, {@link #AFTER_ID}.
     */
    private static PreparedRead<Record9<Long, String, String, OffsetDateTime, String, String, Integer, Integer,
            List<String>>> candidates(CandidateShape shape) {
        boolean after = shape.after();
        boolean afterZeroScore = shape.afterZeroScore();
        Field<Long> me = ME;
        Field<Integer> limit = inline(shape.limit());
        User cu = USER.as("cu");
        EntrepreneurProfile cp = ENTREPRENEUR_PROFILE.as("cp");
        EntrepreneurProfile mp = ENTREPRENEUR_PROFILE.as("mp");
        EntrepreneurProfileSkills ms = ENTREPRENEUR_PROFILE_SKILLS.as("ms");
        EntrepreneurProfileSkills cs = ENTREPRENEUR_PROFILE_SKILLS.as("cs");
        EntrepreneurProfileIndustries mi = ENTREPRENEUR_PROFILE_INDUSTRIES.as("mi");
        EntrepreneurProfileIndustries ci = ENTREPRENEUR_PROFILE_INDUSTRIES.as("ci");
        Like l = LIKE.as("l");
        Dislike d = DISLIKE.as("d");
        User mu = USER.as("m");
        // Only profiles sharing a skill or an industry get a score: start from my own skills and industries (index
        // lookups) instead of scoring every profile, which made the first version 2-3x slower than hand-tuned SQL.
        Field<Long> myProfile = field(select(mp.ID).from(mp).where(mp.USER_ID.eq(me)));
        Table<?> hits = select(cs.ENTREPRENEURPROFILE_ID.as("profile_id"), inline(1).as("s"), inline(0).as("i"))
                .from(ms).join(cs).on(cs.SKILL_ID.eq(ms.SKILL_ID))
                .where(ms.ENTREPRENEURPROFILE_ID.eq(myProfile))
                .unionAll(select(ci.ENTREPRENEURPROFILE_ID, inline(0), inline(1))
                        .from(mi).join(ci).on(ci.INDUSTRY_ID.eq(mi.INDUSTRY_ID))
                        .where(mi.ENTREPRENEURPROFILE_ID.eq(myProfile)))
                .asTable("x");
        Field<Long> hitProfile = hits.field("profile_id", Long.class);
        var scored = name("scored").fields("profile_id", "shared_skills", "shared_industries")
                .as(select(hitProfile,
                                sum(hits.field("s", Integer.class)).cast(INTEGER),
                                sum(hits.field("i", Integer.class)).cast(INTEGER))
                        .from(hits).groupBy(hitProfile));
        Field<Long> scoredProfile = scored.field("profile_id", Long.class);
        Field<Integer> sharedSkills = scored.field("shared_skills", Integer.class);
        Field<Integer> sharedIndustries = scored.field("shared_industries", Integer.class);
        Field<Integer> score = sharedSkills.plus(sharedIndustries);

        // The statement's text passes through jOOQ's render context on every call (about 4 bytes allocated per
        // character): short aliases, "select 1" and "select *" keep it a sixth shorter than jOOQ's defaults.
        List<SelectField<?>> candidate = List.of(cu.ID.as("user_id"), cu.USERNAME, cu.FIRST_NAME, cu.DATE_JOINED,
                cp.ID.as("profile_id"), cp.HEADLINE, cp.PROFILE_PHOTO.as("photo"));
        Condition eligible = cu.IS_ACTIVE.isTrue()
                .and(cu.ID.ne(me))
                .and(notExists(select(inline(1)).from(l).where(l.FROM_USER_ID.eq(me), l.TO_USER_ID.eq(cu.ID))))
                .and(notExists(select(inline(1)).from(d).where(d.FROM_USER_ID.eq(me), d.TO_USER_ID.eq(cu.ID))));
        var topScored = name("top_scored").as(
                select(candidate)
                        .select(sharedSkills, sharedIndustries, score.as("score"))
                        .from(scored)
                        .join(cp).on(cp.ID.eq(scoredProfile))
                        .join(cu).on(cu.ID.eq(cp.USER_ID))
                        .where(eligible)
                        .and(after ? row(score, cu.DATE_JOINED, cu.ID).lt(AFTER_SCORE, AFTER_JOINED, AFTER_ID)
                                : noCondition())
                        .orderBy(score.desc(), cu.DATE_JOINED.desc(), cu.ID.desc())
                        .limit(limit));
        // Everyone else scores 0; read them only when the scored rows do not fill the page.
        Condition afterZero = afterZeroScore ? row(cu.DATE_JOINED, cu.ID).lt(AFTER_JOINED, AFTER_ID) : noCondition();
        Table<?> zeroScored = select(candidate)
                .select(inline(0).as("shared_skills"), inline(0).as("shared_industries"), inline(0).as("score"))
                .from(cu)
                .join(cp).on(cp.USER_ID.eq(cu.ID))
                .where(field(selectCount().from(topScored)).lt(limit))
                .and(eligible)
                .and(notExists(select(inline(1)).from(scored).where(scoredProfile.eq(cp.ID))))
                .and(afterZero)
                .orderBy(cu.DATE_JOINED.desc(), cu.ID.desc())
                .limit(limit)
                .asTable("z");
        // Each branch in a derived table: SQLite takes ORDER BY / LIMIT only on a whole compound select.
        Table<?> pg = select(asterisk()).from(topScored)
                .unionAll(select(asterisk()).from(zeroScored))
                .asTable("pg");

        Field<Long> userIdF = pg.field("user_id", USER.ID.getDataType());
        Field<String> usernameF = pg.field("username", String.class);
        Field<String> firstNameF = pg.field("first_name", String.class);
        Field<OffsetDateTime> joinedF = field(name("pg", "date_joined"), USER.DATE_JOINED.getDataType());
        Field<Long> profileIdF = pg.field("profile_id", Long.class);
        Field<String> headlineF = pg.field("headline", String.class);
        Field<String> photoF = pg.field("photo", String.class);
        Field<Integer> skillsF = pg.field("shared_skills", Integer.class);
        Field<Integer> industriesF = pg.field("shared_industries", Integer.class);
        Field<Integer> scoreF = pg.field("score", Integer.class);

        var statement = with(scored)
                .with(topScored)
                .select(userIdF, usernameF, firstNameF, joinedF, headlineF, photoF, skillsF, industriesF,
                        ProfileSummaries.industriesAsText(profileIdF))
                .from(pg)
                .where(exists(select(inline(1)).from(mu).where(mu.ID.eq(me))))
                .orderBy(scoreF.desc(), joinedF.desc(), userIdF.desc())
                .limit(limit);
        return after ? PreparedRead.of(statement, ME, AFTER_SCORE, AFTER_JOINED, AFTER_ID)
                : PreparedRead.of(statement, ME);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Likes received
    // ---------------------------------------------------------------------------------------------------------

    /**
     * How many users like {@code userId}. One statement.
     *
     * @throws ValidationException {@code userId} not a positive id
     * @throws PersistenceException any database failure
     */
    public long countLikesReceived(long userId) {
        long me = Check.userId(userId, "userId");
        return db.dsl().selectCount().from(LIKE).where(LIKE.TO_USER_ID.eq(me)).fetchOne(0, Long.class);
    }

    /**
     * Who liked {@code userId}, newest like first ({@code created_at desc, id desc}), with whether {@code userId}
     * liked them back and their profile summary. Keyset pagination. One statement.
     *
     * @throws ValidationException {@code userId} not a positive id; {@code page} null; {@code cursor} not a cursor of
     *         this listing
     * @throws PersistenceException any database failure
     */
    public Page<ReceivedLike> listLikesReceived(long userId, PageRequest page) {
        long me = Check.userId(userId, "userId");
        Check.required(page, "page");
        Condition after = noCondition();
        if (page.after() != null) {
            OffsetDateTime at = page.key(0, 2, OffsetDateTime::parse);
            long id = page.key(1, 2, Long::parseLong);
            after = row(LIKE.CREATED_AT, LIKE.ID).lt(at, id);
        }
        Table<?> pg = select(LIKE.ID, LIKE.CREATED_AT, LIKE.FROM_USER_ID)
                .from(LIKE)
                .where(LIKE.TO_USER_ID.eq(me))
                .and(after)
                .orderBy(LIKE.CREATED_AT.desc(), LIKE.ID.desc())
                .limit(inline(page.size() + 1))
                .asTable("pg");
        Field<Long> likeId = pg.field(LIKE.ID);
        Field<OffsetDateTime> createdAt = pg.field(LIKE.CREATED_AT);
        Field<Long> fromId = pg.field(LIKE.FROM_USER_ID);
        Like back = LIKE.as("back");
        List<ReceivedLike> rows = db.dsl()
                .select(likeId, createdAt, fromId, USER.USERNAME, USER.FIRST_NAME,
                        exists(selectOne().from(back).where(back.FROM_USER_ID.eq(me), back.TO_USER_ID.eq(fromId)))
                                .as("liked_back"),
                        ENTREPRENEUR_PROFILE.ID, ENTREPRENEUR_PROFILE.HEADLINE, ENTREPRENEUR_PROFILE.PROFILE_PHOTO,
                        ProfileSummaries.industries(ENTREPRENEUR_PROFILE.ID))
                .from(pg)
                .join(USER).on(USER.ID.eq(fromId))
                .leftJoin(ENTREPRENEUR_PROFILE).on(ENTREPRENEUR_PROFILE.USER_ID.eq(fromId))
                .orderBy(createdAt.desc(), likeId.desc())
                .fetch(r -> new ReceivedLike(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Boolean.TRUE.equals(r.value6()),
                        ProfileSummary.of(r.value7(), r.value8(), r.value9(), r.value10())));
        return page.toPage(rows, x -> PageRequest.encode(x.likedAt(), x.likeId()));
    }
}
