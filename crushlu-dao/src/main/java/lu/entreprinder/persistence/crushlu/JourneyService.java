package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PROGRESS;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_REWARD;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_ATTEMPT;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_HINT_USE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PIECE_UNLOCK;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PUZZLE_PIECE;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.crushlu.internal.ChapterTimes;
import lu.entreprinder.persistence.crushlu.internal.JourneyText;
import lu.entreprinder.persistence.crushlu.internal.ProfileJson;
import lu.entreprinder.persistence.schema.generated.tables.records.JourneyProgressRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record7;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * Playing journeys: answering challenges (validation per format, progress kept per user and journey, points,
 * every attempt stored, chapter completion times, chapter rewards unlocked, the journey completed), hints with a
 * cost, puzzle pieces bought with points, the final response, and the queries over the JSON progress lists.
 *
 * <p>Writes by the same user in the same journey never lose an update nor spend points twice: {@link #takeHint} and
 * {@link #unlockPiece} get or create the progress row and lock it ({@code FOR UPDATE}; SQLite: the immediate
 * transaction), {@link #respond} locks it, before reading and rewriting it; {@link #answer} does the same on SQLite,
 * and on PostgreSQL rewrites the row only if it is still as it read it (one guarded statement), else answers again.
 *
 * <p>JSON containment: PostgreSQL uses {@code completed_challenges @> '[id]'} (GIN {@code jsonb_path_ops} index),
 * SQLite an {@code EXISTS} over {@code json_each}; both give the same answers.
 */
public final class JourneyService {

    private static final int MAX_ANSWER = 2000;
    /** How often {@link #answer} tries its guarded update before it takes the row's lock (PostgreSQL). */
    private static final int GUARDED_TRIES = 5;

    private final Database db;

    public JourneyService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Answers a challenge for a user. Every evaluated answer is stored as an attempt ({@link #listAttempts}), right
     * or wrong. A wrong answer writes only its attempt. A right (or, for open formats and in a questionnaire
     * chapter, any non-empty) answer adds the challenge to the user's completed challenges once and awards the
     * challenge's points; completing the chapter's challenges records the chapter's completion time, unlocks its
     * rewards and advances the current chapter; completing the last chapter completes the journey. Answering a
     * completed challenge again awards nothing and answers the points of the first right answer. An answer to a
     * challenge of a chapter after the current one is refused ({@link JourneyAnswerResult.ChapterLocked}) and not
     * stored as an attempt. Riddles and word scrambles also accept their alternative answers, compared after the
     * same normalisation ({@link JourneyText}).
     *
     * <p>Statements on PostgreSQL, once the user has progress in the journey: a right answer 2, in auto-commit (the
     * challenge with its journey's structure and the progress row, one prepared read; then one statement that
     * updates the row only if it is still as read and stores the attempt), a wrong answer 2 (the read, the attempt),
     * a chapter-locked answer 1, an answer to a completed challenge 4 (the read, then in a transaction the progress
     * locked, the original points, the attempt). The first right answer 3 (the read, then in a transaction the row
     * created and returned, the update with the attempt). On SQLite everything runs in one immediate transaction:
     * a right answer 3 (the read, the update, the attempt), a wrong answer 2, a completed challenge 3, a
     * chapter-locked answer 1; before the user has progress 1 more for a wrong answer (the challenge alone), 3 more
     * for the first right one (the challenge, the row created, jOOQ reads the returned row apart).
     *
     * <p>Concurrent answers of the same user never lose an update nor award a challenge twice: on PostgreSQL the
     * update is guarded by the state it was computed from (every column of the row that the answer reads), so an
     * answer that lost a race writes nothing (its attempt neither) and is evaluated again on the new state (after
     * {@value #GUARDED_TRIES} lost races, in a transaction under the row's lock); on SQLite the transaction holds the
     * write lock.
     *
     * @throws ValidationException (fields {@code userId}, {@code challengeId}, {@code answer}) for bad input, a
     *         blank answer, or an answer of the wrong format for the challenge (e.g. a choice that is not one of its
     *         options); nothing is written
     * @throws NotFoundException if the challenge does not exist
     * @throws ForeignKeyViolationException if the user does not exist
     */
    public JourneyAnswerResult answer(long userId, long challengeId, JourneyAnswer answer) {
        Check.userId(userId, "userId");
        Check.id(challengeId, "challengeId");
        Check.required(answer, "answer");
        if (!db.isPostgres()) {
            return db.inTransaction(tx -> answerLocked(tx, userId, challengeId, answer));
        }
        for (int tries = 1; ; tries++) {
            if (tries > GUARDED_TRIES) {
                // lost the race that often (a very busy row): wait for the row's lock instead
                return db.inTransaction(tx -> answerLocked(tx, userId, challengeId, answer));
            }
            // the read sees the latest committed row: it goes to the primary even when replicas are configured
            Record read = db.onPrimary(() -> ANSWER_READ.fetchOptional(db.dsl(), r -> r, challengeId, userId))
                    .orElseThrow(() -> new NotFoundException("challenge", challengeId));
            Challenge ch = Challenge.of(read);
            Evaluated evaluated = evaluate(ch, answer);
            if (!evaluated.correct()) {
                insertAttempt(db.dsl(), userId, challengeId, ch.journeyId(), evaluated.stored(), false, 0);
                return new JourneyAnswerResult.Incorrect(challengeId, !ch.hint().isEmpty());
            }
            Progress progress = Progress.of(read, PROGRESS_AT);
            if (progress == null) {
                // the first answer: the row created and answered in one transaction, which holds it until the end
                return db.inTransaction(tx -> right(tx, ch, Progress.of(createProgress(tx, userId, ch.journeyId()), 0),
                        userId, challengeId, answer, evaluated));
            }
            JourneyAnswerResult result = right(null, ch, progress, userId, challengeId, answer, evaluated);
            if (result != null) {
                return result;
            }
            // the row changed between the read and the guarded update, which wrote nothing: answer on the new state
        }
    }

    /**
     * {@link #answer} in a transaction (SQLite: immediate, so it holds the write lock), with the progress row locked:
     * the path of every answer on SQLite, and of an answer to a completed challenge on PostgreSQL.
     */
    private JourneyAnswerResult answerLocked(Transaction tx, long userId, long challengeId, JourneyAnswer answer) {
        // the challenge, its journey's structure and the user's progress row, locked (FOR UPDATE OF the
        // progress only: other players of the challenge are not held up), in one statement
        var joined = tx.dsl().select(WITH_PROGRESS)
                .from(JOURNEY_CHALLENGE)
                .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_CHALLENGE.CHAPTER_ID))
                .join(JOURNEY_PROGRESS).on(JOURNEY_PROGRESS.JOURNEY_ID.eq(JOURNEY_CHAPTER.JOURNEY_ID))
                .and(JOURNEY_PROGRESS.USER_ID.eq(userId))
                .where(JOURNEY_CHALLENGE.ID.eq(challengeId));
        Record locked = tx.forUpdate(joined, JOURNEY_PROGRESS)
                .fetchOne();
        Challenge ch = Challenge.of(locked != null ? locked : tx.dsl().select(CHALLENGE_FIELDS)
                .from(JOURNEY_CHALLENGE)
                .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_CHALLENGE.CHAPTER_ID))
                .where(JOURNEY_CHALLENGE.ID.eq(challengeId))
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("challenge", challengeId)));
        Evaluated evaluated = evaluate(ch, answer);
        if (!evaluated.correct()) {
            insertAttempt(tx.dsl(), userId, challengeId, ch.journeyId(), evaluated.stored(), false, 0);
            return new JourneyAnswerResult.Incorrect(challengeId, !ch.hint().isEmpty());
        }
        Progress progress = locked != null ? Progress.of(locked, PROGRESS_AT)
                : Progress.of(createProgress(tx, userId, ch.journeyId()), 0);
        JourneyAnswerResult result = right(tx, ch, progress, userId, challengeId, answer, evaluated);
        if (result == null) {
            throw new IllegalStateException("progress " + progress.id() + " changed under its lock");
        }
        return result;
    }

    /** The answer judged against the challenge. */
    private static Evaluated evaluate(Challenge ch, JourneyAnswer answer) {
        return check(JourneyChallengeType.fromDb(ch.type()), ch.correct(), ProfileJson.strings(ch.options()),
                ProfileJson.strings(ch.alternatives()), ch.questionnaire(), answer);
    }

    /**
     * The columns of {@link #CHALLENGE_FIELDS}, in that order, read by position (looking a column of a joined row up
     * by its field makes jOOQ search the row's columns by name, which costs more than the rest of the mapping).
     */
    private record Challenge(String type, String correct, JSONB options, String hint, JSONB alternatives, int points,
                             long journeyId, int chapterNumber, boolean questionnaire, String slots,
                             String rewardSlots) {

        static Challenge of(Record r) {
            return new Challenge((String) r.get(0), (String) r.get(1), (JSONB) r.get(2), (String) r.get(3),
                    (JSONB) r.get(4), (Integer) r.get(5), (Long) r.get(6), (Integer) r.get(7), (Boolean) r.get(8),
                    (String) r.get(9), (String) r.get(10));
        }
    }

    /**
     * The progress row's columns as read, by position (in the table's order, from {@code at} on); the raw values
     * are what the guarded update compares.
     */
    private record Progress(long id, long userId, long journeyId, int currentChapter, JSONB completedChallenges,
                            JSONB unlockedRewards, boolean completed, OffsetDateTime completedAt, int totalPoints,
                            JSONB chaptersCompletedAt, String finalResponse, OffsetDateTime finalResponseAt) {

        /** The row at {@code at}, or null when its id is null (no row: an outer join's empty side). */
        static Progress of(Record r, int at) {
            Long id = (Long) r.get(at);
            return id == null ? null : new Progress(id, (Long) r.get(at + 1), (Long) r.get(at + 2),
                    (Integer) r.get(at + 3), (JSONB) r.get(at + 4), (JSONB) r.get(at + 5), (Boolean) r.get(at + 6),
                    (OffsetDateTime) r.get(at + 7), (Integer) r.get(at + 8), (JSONB) r.get(at + 9),
                    (String) r.get(at + 10), (OffsetDateTime) r.get(at + 11));
        }

        JourneyProgressView view(int done, int total) {
            return new JourneyProgressView(id, userId, journeyId, currentChapter, ProfileJson.longs(completedChallenges),
                    ProfileJson.longs(unlockedRewards), completed, Optional.ofNullable(completedAt), totalPoints,
                    ChapterTimes.read(chaptersCompletedAt), done, total, JourneyFinalResponse.fromDb(finalResponse),
                    Optional.ofNullable(finalResponseAt));
        }
    }

    /**
     * A right answer on the progress row as read: already completed, chapter locked, or the row updated and the
     * attempt stored. Without {@code tx} (PostgreSQL, auto-commit) the update is guarded by the row as read and this
     * answers {@code null} when another write changed it first (nothing written), and an answer to a completed
     * challenge runs again under the row's lock ({@link #answerLocked}); in {@code tx} the row is locked and the
     * guard always holds.
     */
    private JourneyAnswerResult right(Transaction tx, Challenge ch, Progress progress, long userId, long challengeId,
                                      JourneyAnswer answer, Evaluated evaluated) {
        DSLContext dsl = tx != null ? tx.dsl() : db.dsl();
        long journeyId = ch.journeyId();
        int chapterNumber = ch.chapterNumber();
        int points = ch.points();

        Map<Integer, List<Long>> challengesByChapter = slots(ch.slots(), true);
        Map<Integer, List<Long>> rewardsByChapter = slots(ch.rewardSlots(), false);
        List<Long> journeyChallenges = new ArrayList<>();
        challengesByChapter.values().forEach(journeyChallenges::addAll);

        JourneyProgressView read = progress.view(0, journeyChallenges.size());
        JourneyProgressView before = new JourneyProgressView(read.progressId(), read.userId(), read.journeyId(),
                read.currentChapter(), read.completedChallenges(), read.unlockedRewards(), read.completed(),
                read.completedAt(), read.totalPoints(), read.chapterCompletedAt(),
                done(read.completedChallenges(), journeyChallenges), read.journeyChallenges(), read.finalResponse(),
                read.finalResponseAt());
        if (tx == null && before.completedChallenges().contains(challengeId)) {
            // answered again (rare): the original points and the attempt under the row's lock
            return db.inTransaction(locked -> answerLocked(locked, userId, challengeId, answer));
        }
        RaceSeam.of(db).pause("journey.between-read-and-write");

        if (before.completedChallenges().contains(challengeId)) {
            int original = dsl.select(JOURNEY_ATTEMPT.POINTS_AWARDED).from(JOURNEY_ATTEMPT)
                    .where(JOURNEY_ATTEMPT.USER_ID.eq(userId))
                    .and(JOURNEY_ATTEMPT.CHALLENGE_ID.eq(challengeId))
                    .and(JOURNEY_ATTEMPT.IS_CORRECT)
                    .orderBy(JOURNEY_ATTEMPT.ID)
                    .limit(1)
                    .fetchOptional(JOURNEY_ATTEMPT.POINTS_AWARDED)
                    .orElse(0);
            insertAttempt(dsl, userId, challengeId, journeyId, evaluated.stored(), true, 0);
            return new JourneyAnswerResult.AlreadyCompleted(before, original);
        }
        if (chapterNumber > before.currentChapter() && !before.completed()) {
            return new JourneyAnswerResult.ChapterLocked(challengeId, chapterNumber, before.currentChapter());
        }

        LinkedHashSet<Long> completed = new LinkedHashSet<>(before.completedChallenges());
        completed.add(challengeId);
        LinkedHashSet<Long> unlocked = new LinkedHashSet<>(before.unlockedRewards());
        List<Long> newlyUnlocked = new ArrayList<>();
        Integer current = null;
        int last = 1;
        for (Map.Entry<Integer, List<Long>> chapter : challengesByChapter.entrySet()) {
            last = chapter.getKey();
            if (completed.containsAll(chapter.getValue())) {
                for (Long reward : rewardsByChapter.getOrDefault(chapter.getKey(), List.of())) {
                    if (unlocked.add(reward)) {
                        newlyUnlocked.add(reward);
                    }
                }
            } else if (current == null) {
                current = chapter.getKey();
            }
        }
        boolean journeyDone = current == null;
        boolean chapterDone = completed.containsAll(challengesByChapter.getOrDefault(chapterNumber, List.of()));
        int newCurrent = Math.max(1, journeyDone ? last : current);
        OffsetDateTime now = db.now();
        OffsetDateTime completedAt = before.completedAt().orElse(journeyDone ? now : null);
        Map<Integer, OffsetDateTime> chapterTimes = new TreeMap<>(before.chapterCompletedAt());
        if (chapterDone) {
            chapterTimes.putIfAbsent(chapterNumber, now);
        }
        int total = before.totalPoints() + points;
        JSONB completedJson = ProfileJson.longsJson(completed);
        JSONB unlockedJson = ProfileJson.longsJson(unlocked);
        JSONB timesJson = ChapterTimes.write(chapterTimes);
        if (db.isPostgres()) {
            // the update and the attempt in one statement; the update only when the row is still as read
            boolean guarded = RaceSeam.of(db).locks();
            Object[] values = new Object[guarded ? WRITE_GUARDED_PARAMS.length : WRITE_PARAMS.length];
            int i = 0;
            values[i++] = before.progressId();
            values[i++] = completedJson;
            values[i++] = unlockedJson;
            values[i++] = newCurrent;
            values[i++] = journeyDone;
            values[i++] = completedAt;
            values[i++] = total;
            values[i++] = timesJson;
            values[i++] = userId;
            values[i++] = challengeId;
            values[i++] = evaluated.stored();
            values[i++] = points;
            values[i++] = now;
            if (guarded) {
                values[i++] = progress.currentChapter();
                values[i++] = progress.completedChallenges();
                values[i++] = progress.unlockedRewards();
                values[i++] = progress.completed();
                values[i++] = progress.completedAt();
                values[i++] = progress.totalPoints();
                values[i++] = progress.chaptersCompletedAt();
                values[i++] = progress.finalResponse();
                values[i++] = progress.finalResponseAt();
            }
            if ((guarded ? WRITE_GUARDED : WRITE).fetchOptional(dsl, row -> row, values).isEmpty()) {
                return null;
            }
        } else {
            dsl.update(JOURNEY_PROGRESS)
                    .set(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, completedJson)
                    .set(JOURNEY_PROGRESS.UNLOCKED_REWARDS, unlockedJson)
                    .set(JOURNEY_PROGRESS.CURRENT_CHAPTER, newCurrent)
                    .set(JOURNEY_PROGRESS.COMPLETED, journeyDone)
                    .set(JOURNEY_PROGRESS.COMPLETED_AT, completedAt)
                    .set(JOURNEY_PROGRESS.TOTAL_POINTS, total)
                    .set(JOURNEY_PROGRESS.CHAPTERS_COMPLETED_AT, timesJson)
                    .where(JOURNEY_PROGRESS.ID.eq(before.progressId()))
                    .execute();
            dsl.insertInto(JOURNEY_ATTEMPT, ATTEMPT_COLUMNS)
                    .select(attemptRow(userId, challengeId, before.progressId(), evaluated.stored(), true, points,
                            now))
                    .execute();
        }
        JourneyProgressView after = new JourneyProgressView(before.progressId(), userId, journeyId, newCurrent,
                List.copyOf(completed), List.copyOf(unlocked), journeyDone, Optional.ofNullable(completedAt),
                total, chapterTimes, done(completed, journeyChallenges), journeyChallenges.size(),
                before.finalResponse(), before.finalResponseAt());
        return new JourneyAnswerResult.Correct(after, newlyUnlocked, chapterDone,
                journeyDone && !before.completed(), points);
    }

    /** The challenge's columns that {@link #answer} reads, with its journey's structure ({@link Challenge}'s order). */
    private static final List<org.jooq.SelectFieldOrAsterisk> CHALLENGE_FIELDS;
    /** {@link #CHALLENGE_FIELDS} and the progress row. */
    private static final List<org.jooq.SelectFieldOrAsterisk> WITH_PROGRESS;
    /** Where the progress row starts in a row of {@link #WITH_PROGRESS}. */
    private static final int PROGRESS_AT;
    private static final List<Field<?>> ATTEMPT_COLUMNS = List.of(JOURNEY_ATTEMPT.USER_ID,
            JOURNEY_ATTEMPT.CHALLENGE_ID, JOURNEY_ATTEMPT.ANSWER, JOURNEY_ATTEMPT.IS_CORRECT,
            JOURNEY_ATTEMPT.POINTS_AWARDED, JOURNEY_ATTEMPT.HINTS_USED, JOURNEY_ATTEMPT.CREATED_AT);

    /**
     * The columns {@link #answer} reads of challenge {@code c} in chapter {@code h}, in {@link Challenge}'s order, with
     * its journey's structure as two text values: {@code chapter:id} pairs, comma-separated, in no order (aggregates
     * on both databases; cheaper to read than nested records): the challenges of every chapter of the journey
     * ({@code 0} for a chapter without challenges), and the rewards of its chapters.
     */
    private static List<org.jooq.SelectFieldOrAsterisk> challengeFields(
            lu.entreprinder.persistence.schema.generated.tables.JourneyChallenge c,
            lu.entreprinder.persistence.schema.generated.tables.JourneyChapter h) {
        var oc = JOURNEY_CHAPTER.as("oc");
        var och = JOURNEY_CHALLENGE.as("och");
        var rc = JOURNEY_CHAPTER.as("rc");
        var rw = JOURNEY_REWARD.as("rw");
        Field<String> slots = DSL.field(select(DSL.groupConcat(oc.CHAPTER_NUMBER.concat(DSL.inline(":"))
                        .concat(DSL.coalesce(och.ID, DSL.inline(0L)))).separator(","))
                .from(oc).leftJoin(och).on(och.CHAPTER_ID.eq(oc.ID))
                .where(oc.JOURNEY_ID.eq(h.JOURNEY_ID))).as("slots");
        Field<String> rewardSlots = DSL.field(select(DSL.groupConcat(rc.CHAPTER_NUMBER.concat(DSL.inline(":"))
                        .concat(rw.ID)).separator(","))
                .from(rw).join(rc).on(rc.ID.eq(rw.CHAPTER_ID))
                .where(rc.JOURNEY_ID.eq(h.JOURNEY_ID))).as("reward_slots");
        return List.of(c.CHALLENGE_TYPE, c.CORRECT_ANSWER, c.OPTIONS, c.HINT, c.ALTERNATIVE_ANSWERS, c.POINTS,
                h.JOURNEY_ID, h.CHAPTER_NUMBER, h.IS_QUESTIONNAIRE, slots, rewardSlots);
    }

    static {
        CHALLENGE_FIELDS = challengeFields(JOURNEY_CHALLENGE, JOURNEY_CHAPTER);
        List<org.jooq.SelectFieldOrAsterisk> withProgress = new ArrayList<>(CHALLENGE_FIELDS);
        withProgress.addAll(List.of(JOURNEY_PROGRESS.fields()));
        WITH_PROGRESS = List.copyOf(withProgress);
        PROGRESS_AT = CHALLENGE_FIELDS.size();
        List<Field<?>> order = List.of(JOURNEY_PROGRESS.ID, JOURNEY_PROGRESS.USER_ID, JOURNEY_PROGRESS.JOURNEY_ID,
                JOURNEY_PROGRESS.CURRENT_CHAPTER, JOURNEY_PROGRESS.COMPLETED_CHALLENGES,
                JOURNEY_PROGRESS.UNLOCKED_REWARDS, JOURNEY_PROGRESS.COMPLETED, JOURNEY_PROGRESS.COMPLETED_AT,
                JOURNEY_PROGRESS.TOTAL_POINTS, JOURNEY_PROGRESS.CHAPTERS_COMPLETED_AT, JOURNEY_PROGRESS.FINAL_RESPONSE,
                JOURNEY_PROGRESS.FINAL_RESPONSE_AT);
        if (!order.equals(List.of(JOURNEY_PROGRESS.fields()))) {
            throw new IllegalStateException("the progress table's columns are not in Progress's order: "
                    + List.of(JOURNEY_PROGRESS.fields()));
        }
    }

    // ---- the prepared statements of a right answer on PostgreSQL ----------------------------------------------

    private static final Param<Long> P_CHALLENGE = DSL.param("challenge", JOURNEY_CHALLENGE.ID.getDataType());
    private static final Param<Long> P_USER = DSL.param("user_id", JOURNEY_PROGRESS.USER_ID.getDataType());
    private static final Param<Long> P_PROGRESS = DSL.param("progress", JOURNEY_PROGRESS.ID.getDataType());
    private static final Param<JSONB> P_COMPLETED = newValue(JOURNEY_PROGRESS.COMPLETED_CHALLENGES);
    private static final Param<JSONB> P_UNLOCKED = newValue(JOURNEY_PROGRESS.UNLOCKED_REWARDS);
    private static final Param<Integer> P_CURRENT = newValue(JOURNEY_PROGRESS.CURRENT_CHAPTER);
    private static final Param<Boolean> P_DONE = newValue(JOURNEY_PROGRESS.COMPLETED);
    private static final Param<OffsetDateTime> P_DONE_AT = newValue(JOURNEY_PROGRESS.COMPLETED_AT);
    private static final Param<Integer> P_TOTAL = newValue(JOURNEY_PROGRESS.TOTAL_POINTS);
    private static final Param<JSONB> P_TIMES = newValue(JOURNEY_PROGRESS.CHAPTERS_COMPLETED_AT);
    private static final Param<String> P_ANSWER = DSL.param("answer", JOURNEY_ATTEMPT.ANSWER.getDataType());
    private static final Param<Integer> P_POINTS = DSL.param("points", JOURNEY_ATTEMPT.POINTS_AWARDED.getDataType());
    private static final Param<OffsetDateTime> P_NOW = DSL.param("now", JOURNEY_ATTEMPT.CREATED_AT.getDataType());
    /** The columns of the row as read that the guard compares (all that {@link #right} reads), in bind order. */
    private static final List<Field<?>> GUARDED = List.of(JOURNEY_PROGRESS.CURRENT_CHAPTER,
            JOURNEY_PROGRESS.COMPLETED_CHALLENGES, JOURNEY_PROGRESS.UNLOCKED_REWARDS, JOURNEY_PROGRESS.COMPLETED,
            JOURNEY_PROGRESS.COMPLETED_AT, JOURNEY_PROGRESS.TOTAL_POINTS, JOURNEY_PROGRESS.CHAPTERS_COMPLETED_AT,
            JOURNEY_PROGRESS.FINAL_RESPONSE, JOURNEY_PROGRESS.FINAL_RESPONSE_AT);
    private static final Param<?>[] WRITE_PARAMS = {P_PROGRESS, P_COMPLETED, P_UNLOCKED, P_CURRENT, P_DONE,
            P_DONE_AT, P_TOTAL, P_TIMES, P_USER, P_CHALLENGE, P_ANSWER, P_POINTS, P_NOW};
    private static final Param<?>[] WRITE_GUARDED_PARAMS;

    /** The challenge with its journey's structure, and the user's progress row if there is one (not locked). */
    private static final PreparedRead<Record> ANSWER_READ;
    /** A right answer's update and attempt, the update unconditional (the race tests' negative control). */
    private static final PreparedRead<Record1<Long>> WRITE;
    /**
     * A right answer's update and attempt in one statement: the update only when every column in {@link #GUARDED}
     * is still as read (in READ COMMITTED a concurrent update makes PostgreSQL check the newest row), the attempt
     * only when the update wrote; answers the attempt's id, nothing when the row had changed.
     */
    private static final PreparedRead<Record1<Long>> WRITE_GUARDED;

    private static final JSONB EMPTY_LIST = JSONB.valueOf("[]");
    /** The user's empty progress row in the journey, created unless it exists (then nothing is answered). */
    private static final PreparedRead<Record> CREATE_PROGRESS;

    static {
        List<Param<?>> guarded = new ArrayList<>(List.of(WRITE_PARAMS));
        for (Field<?> column : GUARDED) {
            guarded.add(DSL.param("old_" + column.getName(), column.getDataType()));
        }
        WRITE_GUARDED_PARAMS = guarded.toArray(Param<?>[]::new);
        // short aliases: the text is sent on every call (and built by jOOQ from the cached pieces)
        var c = JOURNEY_CHALLENGE.as("c");
        var h = JOURNEY_CHAPTER.as("h");
        var p = JOURNEY_PROGRESS.as("p");
        List<org.jooq.SelectFieldOrAsterisk> read = new ArrayList<>(challengeFields(c, h));
        read.addAll(List.of(p.fields()));
        ANSWER_READ = PreparedRead.of(select(read)
                .from(c)
                .join(h).on(h.ID.eq(c.CHAPTER_ID))
                .leftJoin(p).on(p.JOURNEY_ID.eq(h.JOURNEY_ID)).and(p.USER_ID.eq(P_USER))
                .where(c.ID.eq(P_CHALLENGE)), P_CHALLENGE, P_USER);
        Param<Long> journey = DSL.param("journey", JOURNEY_PROGRESS.JOURNEY_ID.getDataType());
        CREATE_PROGRESS = PreparedRead.of(newProgress(DSL.insertInto(JOURNEY_PROGRESS), P_USER, journey)
                .returningResult(JOURNEY_PROGRESS.fields()), P_USER, journey);
        WRITE = PreparedRead.of(writeShape(false), WRITE_PARAMS);
        WRITE_GUARDED = PreparedRead.of(writeShape(true), WRITE_GUARDED_PARAMS);
    }

    /** The user's empty progress row in the journey, unless there is one ({@code ON CONFLICT DO NOTHING}). */
    private static org.jooq.InsertReturningStep<JourneyProgressRecord> newProgress(
            org.jooq.InsertSetStep<JourneyProgressRecord> insert, Field<Long> userId, Field<Long> journeyId) {
        return insert.set(JOURNEY_PROGRESS.USER_ID, userId)
                .set(JOURNEY_PROGRESS.JOURNEY_ID, journeyId)
                .set(JOURNEY_PROGRESS.CURRENT_CHAPTER, DSL.inline(1))
                .set(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, DSL.inline(EMPTY_LIST))
                .set(JOURNEY_PROGRESS.UNLOCKED_REWARDS, DSL.inline(EMPTY_LIST))
                .set(JOURNEY_PROGRESS.COMPLETED, DSL.inline(false))
                .onConflict(JOURNEY_PROGRESS.USER_ID, JOURNEY_PROGRESS.JOURNEY_ID).doNothing();
    }

    private static <T> Param<T> newValue(Field<T> column) {
        return DSL.param("new_" + column.getName(), column.getDataType());
    }

    @SuppressWarnings("unchecked")
    private static org.jooq.ResultQuery<Record1<Long>> writeShape(boolean guarded) {
        var p = JOURNEY_PROGRESS.as("p");
        Condition where = p.ID.eq(P_PROGRESS);
        if (guarded) {
            for (int i = 0; i < GUARDED.size(); i++) {
                Field<Object> column = (Field<Object>) p.field(GUARDED.get(i));
                Field<Object> read = (Field<Object>) WRITE_GUARDED_PARAMS[WRITE_PARAMS.length + i];
                where = where.and(column.getDataType().nullable() ? column.isNotDistinctFrom(read) : column.eq(read));
            }
        }
        var update = DSL.update(p)
                .set(p.COMPLETED_CHALLENGES, P_COMPLETED)
                .set(p.UNLOCKED_REWARDS, P_UNLOCKED)
                .set(p.CURRENT_CHAPTER, P_CURRENT)
                .set(p.COMPLETED, P_DONE)
                .set(p.COMPLETED_AT, P_DONE_AT)
                .set(p.TOTAL_POINTS, P_TOTAL)
                .set(p.CHAPTERS_COMPLETED_AT, P_TIMES)
                .where(where)
                .returning(p.ID);
        var updated = DSL.name("updated");
        Field<Integer> hints = selectCount().from(JOURNEY_HINT_USE)
                .where(JOURNEY_HINT_USE.PROGRESS_ID.eq(P_PROGRESS))
                .and(JOURNEY_HINT_USE.CHALLENGE_ID.eq(P_CHALLENGE))
                .asField("hints");
        return DSL.with(updated).as(update)
                .insertInto(JOURNEY_ATTEMPT, ATTEMPT_COLUMNS)
                .select(select(P_USER, P_CHALLENGE, P_ANSWER, DSL.inline(true, JOURNEY_ATTEMPT.IS_CORRECT), P_POINTS,
                        hints, P_NOW).from(DSL.table(updated)))
                .returningResult(JOURNEY_ATTEMPT.ID);
    }

    /**
     * Chapter number to ids, chapters in order, ids in id order, from a slots text ({@code keepEmpty}: a {@code 0}
     * id is a chapter without challenges: an empty list) or a reward slots text ({@link #challengeFields}).
     */
    private static Map<Integer, List<Long>> slots(String text, boolean keepEmpty) {
        Map<Integer, List<Long>> out = new TreeMap<>();
        if (text == null) {
            return out;
        }
        int chapter = 0;
        long id = 0;
        boolean inId = false;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : ',';
            if (c == ':') {
                inId = true;
            } else if (c == ',') {
                List<Long> ids = out.computeIfAbsent(chapter, k -> new ArrayList<>());
                if (id != 0 || !keepEmpty) {
                    ids.add(id);
                }
                chapter = 0;
                id = 0;
                inId = false;
            } else if (inId) {
                id = id * 10 + (c - '0');
            } else {
                chapter = chapter * 10 + (c - '0');
            }
        }
        for (List<Long> ids : out.values()) {
            ids.sort(null);
        }
        return out;
    }

    /** An answer judged: right or not, and the text stored in the attempt. */
    private record Evaluated(boolean correct, String stored) {
    }

    private static int done(java.util.Collection<Long> completed, List<Long> journeyChallenges) {
        int n = 0;
        for (Long id : journeyChallenges) {
            if (completed.contains(id)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The user's progress row in the journey, locked for the transaction ({@code FOR UPDATE}; SQLite's immediate
     * transaction already holds the write lock), created when missing: one statement when it exists, two the
     * first time (the read, {@code INSERT … ON CONFLICT DO NOTHING RETURNING}, which jOOQ splits in two on SQLite;
     * a concurrent first write waits for the other's row and then reads it locked: one more).
     */
    private Record lockedProgress(Transaction tx, long userId, long journeyId) {
        var select = tx.dsl().selectFrom(JOURNEY_PROGRESS)
                .where(JOURNEY_PROGRESS.USER_ID.eq(userId))
                .and(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId));
        Optional<? extends Record> row = tx.forUpdate(select).fetchOptional();
        return row.isPresent() ? row.get() : createProgress(tx, userId, journeyId);
    }

    /**
     * Creates the user's progress row in the journey and answers it (held by this transaction until it ends: a
     * concurrent first write waits on the unique key); when a concurrent call just created it, reads it locked.
     * One statement, two after a concurrent creation.
     */
    private Record createProgress(Transaction tx, long userId, long journeyId) {
        // PostgreSQL: rendered once (the first answer of every player in every journey); SQLite: jOOQ's own
        // RETURNING emulation, which needs the insert itself
        Record created = db.isPostgres()
                ? CREATE_PROGRESS.fetchOptional(tx.dsl(), r -> r, userId, journeyId).orElse(null)
                : newProgress(tx.dsl().insertInto(JOURNEY_PROGRESS), DSL.val(userId), DSL.val(journeyId))
                        .returning()
                        .fetchOne();
        if (created != null) {
            return created;
        }
        var select = tx.dsl().selectFrom(JOURNEY_PROGRESS)
                .where(JOURNEY_PROGRESS.USER_ID.eq(userId))
                .and(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId));
        return tx.forUpdate(select).fetchSingle();
    }

    /**
     * The values of an attempt of the user whose progress row is {@code progressId}, the hints they took for the
     * challenge counted in the same select.
     */
    private org.jooq.SelectSelectStep<Record7<Long, Long, String, Boolean, Integer, Integer, OffsetDateTime>> attemptRow(
            long userId, long challengeId, long progressId, String answer, boolean correct, int points,
            OffsetDateTime now) {
        Field<Integer> hints = selectCount().from(JOURNEY_HINT_USE)
                .where(JOURNEY_HINT_USE.PROGRESS_ID.eq(progressId))
                .and(JOURNEY_HINT_USE.CHALLENGE_ID.eq(challengeId))
                .asField("hints");
        return select(val(userId, JOURNEY_ATTEMPT.USER_ID), val(challengeId, JOURNEY_ATTEMPT.CHALLENGE_ID),
                val(answer, JOURNEY_ATTEMPT.ANSWER), val(correct, JOURNEY_ATTEMPT.IS_CORRECT),
                val(points, JOURNEY_ATTEMPT.POINTS_AWARDED), hints, val(now, JOURNEY_ATTEMPT.CREATED_AT));
    }

    /** Stores one attempt; the hints the user took for the challenge are counted by the same statement. */
    private void insertAttempt(DSLContext dsl, long userId, long challengeId, long journeyId, String answer,
                               boolean correct, int points) {
        var hp = JOURNEY_PROGRESS.as("hp");
        Field<Integer> hints = selectCount().from(JOURNEY_HINT_USE)
                .join(hp).on(hp.ID.eq(JOURNEY_HINT_USE.PROGRESS_ID))
                .where(hp.USER_ID.eq(userId))
                .and(hp.JOURNEY_ID.eq(journeyId))
                .and(JOURNEY_HINT_USE.CHALLENGE_ID.eq(challengeId))
                .asField("hints");
        dsl.insertInto(JOURNEY_ATTEMPT, JOURNEY_ATTEMPT.USER_ID, JOURNEY_ATTEMPT.CHALLENGE_ID,
                        JOURNEY_ATTEMPT.ANSWER, JOURNEY_ATTEMPT.IS_CORRECT, JOURNEY_ATTEMPT.POINTS_AWARDED,
                        JOURNEY_ATTEMPT.HINTS_USED, JOURNEY_ATTEMPT.CREATED_AT)
                .select(select(val(userId, JOURNEY_ATTEMPT.USER_ID), val(challengeId, JOURNEY_ATTEMPT.CHALLENGE_ID),
                        val(answer, JOURNEY_ATTEMPT.ANSWER), val(correct, JOURNEY_ATTEMPT.IS_CORRECT),
                        val(points, JOURNEY_ATTEMPT.POINTS_AWARDED), hints,
                        val(db.now(), JOURNEY_ATTEMPT.CREATED_AT)))
                .execute();
    }

    /**
     * Takes the hint of a challenge for a user. The first time, its cost is deducted from the user's points, never
     * below zero (a user with fewer points pays what they have); taking it again costs nothing and answers the same
     * hint ({@link JourneyHintResult.AlreadyTaken}). A challenge without a hint writes nothing. The progress row is
     * created when missing and locked, so concurrent hint takes never deduct from a stale balance.
     *
     * <p>Statements: 4 for a hint taken with a cost (the challenge, the progress locked, the hint's use, the
     * points), 3 when it costs nothing or was taken before, 1 for no hint; 1 more when the progress row is created
     * (2 on SQLite).
     *
     * @throws ValidationException (fields {@code userId}, {@code challengeId})
     * @throws NotFoundException if the challenge does not exist
     * @throws ForeignKeyViolationException if the user does not exist
     */
    public JourneyHintResult takeHint(long userId, long challengeId) {
        Check.userId(userId, "userId");
        Check.id(challengeId, "challengeId");
        return db.inTransaction(tx -> {
            var ch = tx.dsl().select(JOURNEY_CHALLENGE.HINT, JOURNEY_CHALLENGE.HINT_COST, JOURNEY_CHAPTER.JOURNEY_ID)
                    .from(JOURNEY_CHALLENGE)
                    .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_CHALLENGE.CHAPTER_ID))
                    .where(JOURNEY_CHALLENGE.ID.eq(challengeId))
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("challenge", challengeId));
            String hint = ch.value1();
            if (hint.isBlank()) {
                return new JourneyHintResult.NoHint(challengeId);
            }
            Record progress = lockedProgress(tx, userId, ch.value3());
            RaceSeam.of(db).pause("journey.between-read-and-write");
            long progressId = progress.get(JOURNEY_PROGRESS.ID);
            int points = progress.get(JOURNEY_PROGRESS.TOTAL_POINTS);
            int charged = Math.min(ch.value2(), points);
            boolean first = tx.dsl().insertInto(JOURNEY_HINT_USE)
                    .set(JOURNEY_HINT_USE.PROGRESS_ID, progressId)
                    .set(JOURNEY_HINT_USE.CHALLENGE_ID, challengeId)
                    .set(JOURNEY_HINT_USE.POINTS_SPENT, charged)
                    .set(JOURNEY_HINT_USE.CREATED_AT, db.now())
                    .onConflict(JOURNEY_HINT_USE.PROGRESS_ID, JOURNEY_HINT_USE.CHALLENGE_ID).doNothing()
                    .execute() == 1;
            if (!first) {
                return new JourneyHintResult.AlreadyTaken(challengeId, hint, points);
            }
            if (charged > 0) {
                tx.dsl().update(JOURNEY_PROGRESS)
                        .set(JOURNEY_PROGRESS.TOTAL_POINTS, points - charged)
                        .where(JOURNEY_PROGRESS.ID.eq(progressId))
                        .execute();
            }
            return new JourneyHintResult.Taken(challengeId, hint, charged, points - charged);
        });
    }

    /**
     * Unlocks a piece of a puzzle reward for a user with points: the piece's cost is deducted; a piece already
     * unlocked costs nothing again ({@link JourneyPieceResult.AlreadyUnlocked}); fewer points than the cost is
     * refused ({@link JourneyPieceResult.NotEnoughPoints}). Pieces can be unlocked before the puzzle's chapter is
     * completed: they are bought with points, not earned by the chapter. The progress row is created when missing
     * and locked, so two unlocks at once never both spend the same points.
     *
     * <p>Statements: 5 for a piece unlocked with a cost (the piece, the progress locked, the unlocked check, the
     * unlock, the points), 4 for a free piece, 3 when refused or already unlocked; 1 more when the progress row is
     * created (2 on SQLite).
     *
     * @throws ValidationException (fields {@code userId}, {@code pieceId})
     * @throws NotFoundException if the piece does not exist
     * @throws ForeignKeyViolationException if the user does not exist
     */
    public JourneyPieceResult unlockPiece(long userId, long pieceId) {
        Check.userId(userId, "userId");
        Check.id(pieceId, "pieceId");
        return db.inTransaction(tx -> {
            var piece = tx.dsl().select(JOURNEY_PUZZLE_PIECE.POINT_COST, JOURNEY_CHAPTER.JOURNEY_ID)
                    .from(JOURNEY_PUZZLE_PIECE)
                    .join(JOURNEY_REWARD).on(JOURNEY_REWARD.ID.eq(JOURNEY_PUZZLE_PIECE.REWARD_ID))
                    .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_REWARD.CHAPTER_ID))
                    .where(JOURNEY_PUZZLE_PIECE.ID.eq(pieceId))
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("piece", pieceId));
            int cost = piece.value1();
            Record progress = lockedProgress(tx, userId, piece.value2());
            long progressId = progress.get(JOURNEY_PROGRESS.ID);
            int points = progress.get(JOURNEY_PROGRESS.TOTAL_POINTS);
            boolean had = tx.dsl().fetchExists(selectOne().from(JOURNEY_PIECE_UNLOCK)
                    .where(JOURNEY_PIECE_UNLOCK.PROGRESS_ID.eq(progressId))
                    .and(JOURNEY_PIECE_UNLOCK.PIECE_ID.eq(pieceId)));
            RaceSeam.of(db).pause("journey.between-read-and-write");
            if (had) {
                return new JourneyPieceResult.AlreadyUnlocked(pieceId, points);
            }
            if (points < cost) {
                return new JourneyPieceResult.NotEnoughPoints(pieceId, cost, points);
            }
            tx.dsl().insertInto(JOURNEY_PIECE_UNLOCK)
                    .set(JOURNEY_PIECE_UNLOCK.PROGRESS_ID, progressId)
                    .set(JOURNEY_PIECE_UNLOCK.PIECE_ID, pieceId)
                    .set(JOURNEY_PIECE_UNLOCK.POINTS_SPENT, cost)
                    .set(JOURNEY_PIECE_UNLOCK.CREATED_AT, db.now())
                    .execute();
            if (cost > 0) {
                tx.dsl().update(JOURNEY_PROGRESS)
                        .set(JOURNEY_PROGRESS.TOTAL_POINTS, points - cost)
                        .where(JOURNEY_PROGRESS.ID.eq(progressId))
                        .execute();
            }
            return new JourneyPieceResult.Unlocked(pieceId, cost, points - cost);
        });
    }

    /**
     * Records the user's response to the journey's final question: only {@code yes} or {@code thinking}, and only
     * once the journey is completed. {@code thinking} may later become {@code yes}; {@code yes} is final
     * ({@link JourneyFinalResponseResult.AlreadyFinal}); the same response again changes nothing. Two statements
     * (the progress row locked with its counts, its update); one when nothing changes.
     *
     * @throws ValidationException (fields {@code userId}, {@code journeyId}, {@code response}: anything but
     *         {@code yes} or {@code thinking}); nothing is written
     */
    public JourneyFinalResponseResult respond(long userId, long journeyId, String response) {
        Check.userId(userId, "userId");
        Check.id(journeyId, "journeyId");
        JourneyFinalResponse wanted = JourneyFinalResponse.parse(response);
        return db.inTransaction(tx -> {
            var select = progressQuery(tx.dsl(), userId, journeyId);
            Optional<JourneyProgressView> found = tx.forUpdate(select)
                    .fetchOptional(JourneyService::view);
            if (found.isEmpty() || !found.get().completed()) {
                return new JourneyFinalResponseResult.NotCompleted(journeyId);
            }
            JourneyProgressView p = found.get();
            RaceSeam.of(db).pause("journey.between-read-and-write");
            if (p.finalResponse().equals(Optional.of(wanted))) {
                return new JourneyFinalResponseResult.Unchanged(wanted);
            }
            if (p.finalResponse().equals(Optional.of(JourneyFinalResponse.YES))) {
                return new JourneyFinalResponseResult.AlreadyFinal(JourneyFinalResponse.YES);
            }
            OffsetDateTime now = db.now();
            tx.dsl().update(JOURNEY_PROGRESS)
                    .set(JOURNEY_PROGRESS.FINAL_RESPONSE, wanted.dbValue())
                    .set(JOURNEY_PROGRESS.FINAL_RESPONSE_AT, now)
                    .where(JOURNEY_PROGRESS.ID.eq(p.progressId()))
                    .execute();
            return new JourneyFinalResponseResult.Recorded(new JourneyProgressView(p.progressId(), p.userId(),
                    p.journeyId(), p.currentChapter(), p.completedChallenges(), p.unlockedRewards(), p.completed(),
                    p.completedAt(), p.totalPoints(), p.chapterCompletedAt(), p.journeyChallengesCompleted(),
                    p.journeyChallenges(), Optional.of(wanted), Optional.of(now)));
        });
    }

    private static Evaluated check(JourneyChallengeType type, String correct, List<String> options,
                                   List<String> alternatives, boolean questionnaire, JourneyAnswer answer) {
        if (questionnaire) {
            return new Evaluated(true, anyAnswer(type, options, answer));
        }
        return switch (type) {
            case RIDDLE, WORD_SCRAMBLE -> {
                String text = text(answer, type);
                String given = JourneyText.normalize(text);
                boolean right = given.equals(JourneyText.normalize(correct));
                for (String alternative : alternatives) {
                    right = right || given.equals(JourneyText.normalize(alternative));
                }
                yield new Evaluated(right, text);
            }
            case MULTIPLE_CHOICE -> {
                if (!(answer instanceof JourneyAnswer.Choice choice)) {
                    throw new ValidationException("answer", "must be one of the options for a " + type.dbValue());
                }
                String option = matchOption(Check.text(choice.option(), MAX_ANSWER, "answer"), options);
                yield new Evaluated(JourneyText.normalize(option).equals(JourneyText.normalize(correct)), option);
            }
            case TIMELINE_SORT -> {
                List<String> given = order(answer, options);
                List<String> right = JourneyDao.storedOrder(correct).stream().map(JourneyText::normalize).toList();
                yield new Evaluated(given.equals(right), Json.toJsonb(((JourneyAnswer.Order) answer).items()).data());
            }
            case WOULD_YOU_RATHER, OPEN_TEXT -> new Evaluated(true, anyAnswer(type, options, answer));
        };
    }

    /**
     * An open answer (would-you-rather, open text, any challenge of a questionnaire chapter): any non-empty answer
     * of a format the challenge can take. Answers the text to store.
     */
    private static String anyAnswer(JourneyChallengeType type, List<String> options, JourneyAnswer answer) {
        if (answer instanceof JourneyAnswer.Choice choice && type != JourneyChallengeType.OPEN_TEXT) {
            String c = Check.text(choice.option(), MAX_ANSWER, "answer");
            return options.isEmpty() ? c : matchOption(c, options);
        }
        if (answer instanceof JourneyAnswer.Order o && type == JourneyChallengeType.TIMELINE_SORT) {
            order(answer, options);
            return Json.toJsonb(o.items()).data();
        }
        return text(answer, type);
    }

    /** A timeline answer's items, normalised, after checking they are exactly the challenge's items. */
    private static List<String> order(JourneyAnswer answer, List<String> options) {
        if (!(answer instanceof JourneyAnswer.Order order) || order.items() == null) {
            throw new ValidationException("answer", "must be an ordering of the items for a timeline_sort");
        }
        for (String item : order.items()) {
            Check.text(item, MAX_ANSWER, "answer");
        }
        List<String> given = order.items().stream().map(JourneyText::normalize).toList();
        List<String> items = options.stream().map(JourneyText::normalize).toList();
        if (given.size() != items.size() || !new LinkedHashSet<>(given).equals(new LinkedHashSet<>(items))) {
            throw new ValidationException("answer", "must order exactly the challenge's items");
        }
        return given;
    }

    private static String text(JourneyAnswer answer, JourneyChallengeType type) {
        if (!(answer instanceof JourneyAnswer.Text text)) {
            throw new ValidationException("answer", "must be text for a " + type.dbValue());
        }
        return Check.text(text.text(), MAX_ANSWER, "answer");
    }

    private static String matchOption(String choice, List<String> options) {
        String wanted = JourneyText.normalize(choice);
        for (String o : options) {
            if (JourneyText.normalize(o).equals(wanted)) {
                return o;
            }
        }
        throw new ValidationException("answer", "is not one of the options");
    }

    private static JourneyProgressView view(Record r, int done, int total) {
        return new JourneyProgressView(r.get(JOURNEY_PROGRESS.ID), r.get(JOURNEY_PROGRESS.USER_ID),
                r.get(JOURNEY_PROGRESS.JOURNEY_ID), r.get(JOURNEY_PROGRESS.CURRENT_CHAPTER),
                ProfileJson.longs(r.get(JOURNEY_PROGRESS.COMPLETED_CHALLENGES)),
                ProfileJson.longs(r.get(JOURNEY_PROGRESS.UNLOCKED_REWARDS)), r.get(JOURNEY_PROGRESS.COMPLETED),
                Optional.ofNullable(r.get(JOURNEY_PROGRESS.COMPLETED_AT)), r.get(JOURNEY_PROGRESS.TOTAL_POINTS),
                ChapterTimes.read(r.get(JOURNEY_PROGRESS.CHAPTERS_COMPLETED_AT)), done, total,
                JourneyFinalResponse.fromDb(r.get(JOURNEY_PROGRESS.FINAL_RESPONSE)),
                Optional.ofNullable(r.get(JOURNEY_PROGRESS.FINAL_RESPONSE_AT)));
    }

    /** A row of {@link #progressQuery}: the progress with its counts. */
    private static JourneyProgressView view(Record r) {
        return view(r, r.get(DONE), r.get(TOTAL));
    }

    private static final Field<Integer> DONE = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("done"), Integer.class);
    private static final Field<Integer> TOTAL = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("total"), Integer.class);

    /** The progress row of the user in the journey with its completed and total challenge counts. */
    private SelectConditionStep<Record> progressQuery(DSLContext dsl, long userId, long journeyId) {
        var c = JOURNEY_CHALLENGE.as("c");
        var h = JOURNEY_CHAPTER.as("h");
        Field<Integer> total = selectCount().from(c).join(h).on(h.ID.eq(c.CHAPTER_ID))
                .where(h.JOURNEY_ID.eq(JOURNEY_PROGRESS.JOURNEY_ID)).asField(TOTAL.getName());
        Field<Integer> done = selectCount().from(c).join(h).on(h.ID.eq(c.CHAPTER_ID))
                .where(h.JOURNEY_ID.eq(JOURNEY_PROGRESS.JOURNEY_ID))
                .and(containsField(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, c.ID)).asField(DONE.getName());
        List<org.jooq.SelectFieldOrAsterisk> fields = new ArrayList<>(List.of(JOURNEY_PROGRESS.fields()));
        fields.add(done);
        fields.add(total);
        return dsl.select(fields).from(JOURNEY_PROGRESS)
                .where(JOURNEY_PROGRESS.USER_ID.eq(userId))
                .and(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId));
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The user's progress in the journey, with its points, chapter completion times, completion counts and final
     * response; empty before their first right answer (or hint, or piece). One statement.
     *
     * @throws ValidationException (fields {@code userId}, {@code journeyId})
     */
    public Optional<JourneyProgressView> findProgress(long userId, long journeyId) {
        Check.userId(userId, "userId");
        Check.id(journeyId, "journeyId");
        return progressQuery(db.dsl(), userId, journeyId).fetchOptional(JourneyService::view);
    }

    /**
     * The users who completed the challenge, by user id. One statement (PostgreSQL: containment on the GIN index).
     *
     * @throws ValidationException (field {@code challengeId})
     */
    public List<Long> listUsersWhoCompleted(long challengeId) {
        Check.id(challengeId, "challengeId");
        return usersWhoCompletedQuery(challengeId).fetch(r -> r.value1());
    }

    /** The query of {@link #listUsersWhoCompleted} (package-private for the plan test). */
    ResultQuery<Record1<Long>> usersWhoCompletedQuery(long challengeId) {
        return db.dsl().select(JOURNEY_PROGRESS.USER_ID).from(JOURNEY_PROGRESS)
                .where(containsId(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, challengeId))
                .orderBy(JOURNEY_PROGRESS.USER_ID);
    }

    /**
     * How far each user with progress is in the journey: current chapter and how many of the journey's challenges
     * they completed, furthest first (completed, then most challenges, then user id). One statement.
     *
     * @throws ValidationException (field {@code journeyId})
     */
    public List<JourneyStanding> listJourneyStandings(long journeyId) {
        Check.id(journeyId, "journeyId");
        var c = JOURNEY_CHALLENGE.as("c");
        var h = JOURNEY_CHAPTER.as("h");
        Field<Integer> total = selectCount().from(c).join(h).on(h.ID.eq(c.CHAPTER_ID))
                .where(h.JOURNEY_ID.eq(JOURNEY_PROGRESS.JOURNEY_ID)).asField("total");
        Field<Integer> done = selectCount().from(c).join(h).on(h.ID.eq(c.CHAPTER_ID))
                .where(h.JOURNEY_ID.eq(JOURNEY_PROGRESS.JOURNEY_ID))
                .and(containsField(JOURNEY_PROGRESS.COMPLETED_CHALLENGES, c.ID)).asField("done");
        return db.dsl()
                .select(JOURNEY_PROGRESS.USER_ID, USER.USERNAME, JOURNEY_PROGRESS.CURRENT_CHAPTER, done, total,
                        JOURNEY_PROGRESS.COMPLETED)
                .from(JOURNEY_PROGRESS)
                .join(USER).on(USER.ID.eq(JOURNEY_PROGRESS.USER_ID))
                .where(JOURNEY_PROGRESS.JOURNEY_ID.eq(journeyId))
                .orderBy(JOURNEY_PROGRESS.COMPLETED.desc(), done.desc(), JOURNEY_PROGRESS.USER_ID)
                .fetch(r -> new JourneyStanding(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }

    /**
     * The user's attempts at a challenge, oldest first, wrong ones included. One statement.
     *
     * @throws ValidationException (fields {@code userId}, {@code challengeId})
     */
    public List<JourneyAttempt> listAttempts(long userId, long challengeId) {
        Check.userId(userId, "userId");
        Check.id(challengeId, "challengeId");
        return db.dsl().selectFrom(JOURNEY_ATTEMPT)
                .where(JOURNEY_ATTEMPT.USER_ID.eq(userId))
                .and(JOURNEY_ATTEMPT.CHALLENGE_ID.eq(challengeId))
                .orderBy(JOURNEY_ATTEMPT.ID)
                .fetch(r -> new JourneyAttempt(r.getId(), r.getUserId(), r.getChallengeId(), r.getAnswer(),
                        r.getIsCorrect(), r.getPointsAwarded(), r.getHintsUsed(), r.getCreatedAt()));
    }

    /**
     * A puzzle reward as the user sees it: its pieces by number, each marked unlocked or not for this user, and the
     * user's points in the reward's journey (0 without progress). One statement.
     *
     * @throws ValidationException (fields {@code userId}, {@code rewardId})
     * @throws NotFoundException if there is no puzzle reward with this id (other rewards included)
     */
    public JourneyPuzzleView getPuzzle(long userId, long rewardId) {
        Check.userId(userId, "userId");
        Check.id(rewardId, "rewardId");
        var up = JOURNEY_PROGRESS.as("up");
        Field<Integer> unlocks = selectCount().from(JOURNEY_PIECE_UNLOCK)
                .join(up).on(up.ID.eq(JOURNEY_PIECE_UNLOCK.PROGRESS_ID))
                .where(JOURNEY_PIECE_UNLOCK.PIECE_ID.eq(JOURNEY_PUZZLE_PIECE.ID))
                .and(up.USER_ID.eq(userId))
                .asField("unlocks");
        Field<List<JourneyPuzzleView.Piece>> pieces = multiset(
                select(JOURNEY_PUZZLE_PIECE.ID, JOURNEY_PUZZLE_PIECE.PIECE_NUMBER, JOURNEY_PUZZLE_PIECE.POINT_COST,
                        unlocks)
                        .from(JOURNEY_PUZZLE_PIECE)
                        .where(JOURNEY_PUZZLE_PIECE.REWARD_ID.eq(JOURNEY_REWARD.ID))
                        .orderBy(JOURNEY_PUZZLE_PIECE.PIECE_NUMBER))
                .convertFrom(r -> r.map(p -> new JourneyPuzzleView.Piece(p.value1(), p.value2(), p.value3(),
                        p.value4() > 0)));
        var pp = JOURNEY_PROGRESS.as("pp");
        Field<Integer> points = select(pp.TOTAL_POINTS).from(pp)
                .where(pp.USER_ID.eq(userId))
                .and(pp.JOURNEY_ID.eq(JOURNEY_CHAPTER.JOURNEY_ID))
                .asField("points");
        return db.dsl()
                .select(JOURNEY_REWARD.ID, JOURNEY_REWARD.CHAPTER_ID, JOURNEY_REWARD.TITLE, JOURNEY_REWARD.CONTENT,
                        JOURNEY_REWARD.PHOTO, pieces, points)
                .from(JOURNEY_REWARD)
                .join(JOURNEY_CHAPTER).on(JOURNEY_CHAPTER.ID.eq(JOURNEY_REWARD.CHAPTER_ID))
                .where(JOURNEY_REWARD.ID.eq(rewardId))
                .and(JOURNEY_REWARD.REWARD_TYPE.eq(JourneyRewardType.PUZZLE.dbValue()))
                .fetchOptional(r -> new JourneyPuzzleView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7() == null ? 0 : r.value7()))
                .orElseThrow(() -> new NotFoundException("puzzle", rewardId));
    }

    /** The JSON array {@code list} contains the id (PostgreSQL {@code @>}, SQLite {@code json_each}). */
    private Condition containsId(Field<JSONB> list, long id) {
        if (db.isPostgres()) {
            return condition("{0} @> {1}", list, org.jooq.impl.DSL.val(Json.toJsonb(List.of(id))));
        }
        return condition("exists (select 1 from json_each({0}) where json_each.value = {1})", list,
                org.jooq.impl.DSL.val(id));
    }

    private Condition containsField(Field<JSONB> list, Field<Long> id) {
        if (db.isPostgres()) {
            return condition("{0} @> jsonb_build_array({1})", list, id);
        }
        return condition("exists (select 1 from json_each({0}) where json_each.value = {1})", list, id);
    }
}
