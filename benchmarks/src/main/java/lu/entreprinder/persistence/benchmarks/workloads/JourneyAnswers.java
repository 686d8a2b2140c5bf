package lu.entreprinder.persistence.benchmarks.workloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sql.DataSource;
import lu.entreprinder.persistence.benchmarks.Fixture;
import lu.entreprinder.persistence.benchmarks.Variant;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.crushlu.JourneyAnswer;
import lu.entreprinder.persistence.crushlu.JourneyAnswerResult;
import lu.entreprinder.persistence.crushlu.JourneyChallengeType;
import lu.entreprinder.persistence.crushlu.JourneyFinalResponse;
import lu.entreprinder.persistence.crushlu.JourneyProgressView;
import lu.entreprinder.persistence.crushlu.JourneyService;
import lu.entreprinder.persistence.crushlu.internal.JourneyText;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * Workload 6: a Crush.lu journey answer that updates the player's progress (completed challenges appended, the
 * challenge's points added, chapter completion times, chapter rewards unlocked, current chapter advanced, the journey
 * completed) and, since V21, stores every attempt. Three ways, returning equal {@link JourneyAnswerResult}s (points
 * and counts included) and leaving equal progress rows and attempts:
 * <ul>
 *   <li>{@link #library}: {@link JourneyService#answer} (PostgreSQL, a right answer: two statements in auto-commit,
 *       the challenge with its journey's structure and the progress row, then the update guarded by the values
 *       read and the attempt in one statement; a lost race reads again);</li>
 *   <li>{@link #jdbc}: hand-tuned, in autocommit, two statements for a right answer: the challenge (the answer is
 *       checked in Java), then one statement that locks the progress row ({@code FOR UPDATE} in a CTE), computes
 *       chapters, rewards, completion and counts in SQL, appends to the jsonb lists ({@code ||}), adds the points and
 *       the chapter's time in the same {@code UPDATE}, and inserts the attempt (its hints counted) in a second
 *       data-modifying CTE; the first answer of a player inserts the empty row first (as the library does) and runs
 *       it again. A wrong answer is the challenge and one {@code INSERT … SELECT} of the attempt. The same guarantee
 *       as the library: answers of one player are serialized on the row lock (checked by {@link #verifyAndCount});</li>
 *   <li>{@link #nPlusOne}: Django without {@code select_related}/{@code prefetch_related} or
 *       {@code select_for_update}, in autocommit: the challenge, its chapter, {@code get_or_create} of the progress,
 *       the journey's chapters, each chapter's challenges, each completed chapter's rewards, the hints taken
 *       ({@code count()}), {@code progress.save()} (every column), {@code JourneyAttempt.objects.create}. Racy: a
 *       concurrent answer of the same player between its read and its save is lost (shown by
 *       {@link #verifyAndCount}).</li>
 * </ul>
 * All three check answers with the library's rules (normalized text, alternative answers, questionnaire chapters;
 * the same Jackson for options) and store the attempt's answer as the library does; chapter completion times are
 * written in the library's JSON form (chapter number to ISO time), so that the rows compare.
 *
 * <p>The answers: the data set leaves journeys {@code playedJourneys()+1..journeys()} unplayed. Player pair
 * {@code p} is (Crush.lu user {@code 1 + p / F}, unplayed journey {@code p % F}); each consumer (a JMH fork, an
 * interleaved variant, the check) claims blocks of pairs from a database sequence, so no answer is ever given twice,
 * and answers a block's pairs round-robin, every challenge of the journey in play order, all right. Every block has
 * the same journeys in the same order, so every consumer gives the same mix. Every measured answer completes a
 * challenge (checked); wrong, chapter-locked and repeated answers are only in the check.
 */
public final class JourneyAnswers {

    /** One answer to give. */
    public record Input(int userId, long challengeId, JourneyAnswer answer) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> TIMES = new TypeReference<>() { };

    static final String CHALLENGE_SQL = """
            SELECT c.challenge_type, c.correct_answer, c.options::text, c.alternative_answers::text, c.hint <> '',
                   c.points, h.journey_id, h.chapter_number, h.is_questionnaire
            FROM crush_lu_journeychallenge c
            JOIN crush_lu_journeychapter h ON h.id = c.chapter_id
            WHERE c.id = ?""";

    /** A wrong answer: its attempt, with the hints the player took for the challenge, in one statement. */
    static final String WRONG_SQL = """
            INSERT INTO crush_lu_journeyattempt
              (user_id, challenge_id, answer, is_correct, points_awarded, hints_used, created_at)
            SELECT ?, ?, ?, false, 0,
                   (SELECT count(*) FROM crush_lu_journeyhintuse u
                    JOIN crush_lu_journeyprogress p ON p.id = u.progress_id
                    WHERE p.user_id = ? AND p.journey_id = ? AND u.challenge_id = ?), ?""";

    /**
     * A right answer: lock, check, compute, append, award and store the attempt in one statement. {@code cur} locks
     * the row (READ COMMITTED: after a concurrent commit it returns the newest version, and the UPDATE re-reads that
     * same version); the attempt is inserted unless the chapter is locked (0 points when already completed); the
     * original points of an already completed challenge come from the statement's snapshot, which does not see the
     * attempt it inserts. The chapter's completion time is added only when absent ({@code jsonb ||}: the right
     * operand's key wins). Parameters: 1 user, 2 journey, 3 challenge, 4 chapter number, 5 now (text, as the library
     * writes it), 6 now, 7 points, 8 answer.
     */
    public static final String ANSWER_SQL = """
            WITH cur AS (
              SELECT id, current_chapter, completed_challenges, unlocked_rewards, completed, completed_at,
                     total_points, chapters_completed_at, final_response, final_response_at
              FROM crush_lu_journeyprogress
              WHERE user_id = ?1 AND journey_id = ?2
              FOR UPDATE
            ), st AS (
              SELECT cur.*,
                     cur.completed_challenges @> jsonb_build_array(?3::bigint) AS already,
                     ?4::int > cur.current_chapter AND NOT cur.completed AS locked,
                     cur.completed_challenges || jsonb_build_array(?3::bigint) AS after
              FROM cur
            ), jc AS (
              SELECT h.id AS chapter_id, h.chapter_number AS n, c.id
              FROM crush_lu_journeychapter h
              LEFT JOIN crush_lu_journeychallenge c ON c.chapter_id = h.id
              WHERE h.journey_id = ?2
            ), ch AS (
              SELECT chapter_id AS id, n, coalesce(jsonb_agg(id) FILTER (WHERE id IS NOT NULL), '[]'::jsonb) AS ids
              FROM jc
              GROUP BY chapter_id, n
            ), counts AS (
              SELECT count(jc.id) AS total,
                     count(jc.id) FILTER (WHERE st.completed_challenges @> jsonb_build_array(jc.id)) AS done
              FROM st CROSS JOIN jc
            ), calc AS (
              SELECT st.id,
                     (SELECT min(ch.n) FROM ch WHERE NOT st.after @> ch.ids) AS open_chapter,
                     (SELECT max(ch.n) FROM ch) AS last_chapter,
                     (SELECT coalesce(jsonb_agg(w.id ORDER BY ch.n, w.id), '[]'::jsonb)
                      FROM ch JOIN crush_lu_journeyreward w ON w.chapter_id = ch.id
                      WHERE st.after @> ch.ids AND NOT st.unlocked_rewards @> jsonb_build_array(w.id)) AS unlocked,
                     coalesce((SELECT st.after @> ch.ids FROM ch WHERE ch.n = ?4), true) AS chapter_done
              FROM st
              WHERE NOT st.already AND NOT st.locked
            ), upd AS (
              UPDATE crush_lu_journeyprogress p
              SET completed_challenges = p.completed_challenges || jsonb_build_array(?3::bigint),
                  unlocked_rewards = p.unlocked_rewards || calc.unlocked,
                  current_chapter = greatest(1, coalesce(calc.open_chapter, calc.last_chapter)),
                  completed = calc.open_chapter IS NULL,
                  completed_at = coalesce(p.completed_at, CASE WHEN calc.open_chapter IS NULL THEN ?6::timestamptz END),
                  total_points = p.total_points + ?7::int,
                  chapters_completed_at = CASE WHEN calc.chapter_done
                      THEN jsonb_build_object(?4::int, ?5::text) || p.chapters_completed_at
                      ELSE p.chapters_completed_at END
              FROM calc
              WHERE p.id = calc.id
              RETURNING p.id
            ), att AS (
              INSERT INTO crush_lu_journeyattempt
                (user_id, challenge_id, answer, is_correct, points_awarded, hints_used, created_at)
              SELECT ?1, ?3, ?8, true, CASE WHEN st.already THEN 0 ELSE ?7::int END,
                     (SELECT count(*) FROM crush_lu_journeyhintuse u WHERE u.progress_id = st.id
                      AND u.challenge_id = ?3), ?6::timestamptz
              FROM st
              WHERE NOT st.locked
              RETURNING id
            )
            SELECT st.id, st.current_chapter, st.completed_challenges::text, st.unlocked_rewards::text, st.completed,
                   st.completed_at, st.total_points, st.chapters_completed_at::text, st.final_response,
                   st.final_response_at, st.already, st.locked, calc.open_chapter, calc.last_chapter,
                   calc.unlocked::text, calc.chapter_done, counts.total, counts.done,
                   CASE WHEN st.already THEN coalesce((SELECT a.points_awarded FROM crush_lu_journeyattempt a
                     WHERE a.user_id = ?1 AND a.challenge_id = ?3 AND a.is_correct ORDER BY a.id LIMIT 1), 0) END,
                   (SELECT count(*) FROM upd) + (SELECT count(*) FROM att)
            FROM st CROSS JOIN counts LEFT JOIN calc ON true""";

    /** {@link #ANSWER_SQL} with JDBC's positional markers, and which parameter each marker takes. */
    private static final String ANSWER_JDBC = ANSWER_SQL.replaceAll("\\?[0-9]", "?");
    private static final int[] ANSWER_PARAMS = ANSWER_SQL.lines().flatMap(l -> java.util.regex.Pattern
            .compile("\\?([0-9])").matcher(l).results().map(m -> m.group(1))).mapToInt(Integer::parseInt).toArray();

    static final String INSERT_EMPTY_SQL = """
            INSERT INTO crush_lu_journeyprogress
              (user_id, journey_id, current_chapter, completed_challenges, unlocked_rewards, completed)
            VALUES (?, ?, 1, '[]', '[]', false)
            ON CONFLICT (user_id, journey_id) DO NOTHING""";

    private static final String PROGRESS_COLUMNS = "id, current_chapter, completed_challenges::text, "
            + "unlocked_rewards::text, completed, completed_at, total_points, chapters_completed_at::text, "
            + "final_response, final_response_at";
    private static final String CHALLENGE_COLUMNS = "id, chapter_id, challenge_type, question, correct_answer, "
            + "options::text, hint, \"order\", points, hint_cost, alternative_answers::text";
    private static final String CHAPTER_COLUMNS = "id, journey_id, chapter_number, title, description, is_questionnaire";
    static final String N1_CHALLENGE_SQL = "SELECT " + CHALLENGE_COLUMNS + " FROM crush_lu_journeychallenge WHERE id = ?";
    static final String N1_CHAPTER_SQL = "SELECT " + CHAPTER_COLUMNS + " FROM crush_lu_journeychapter WHERE id = ?";
    static final String N1_PROGRESS_SQL = "SELECT " + PROGRESS_COLUMNS
            + " FROM crush_lu_journeyprogress WHERE user_id = ? AND journey_id = ?";
    static final String N1_CHAPTERS_SQL = "SELECT " + CHAPTER_COLUMNS
            + " FROM crush_lu_journeychapter WHERE journey_id = ? ORDER BY chapter_number";
    static final String N1_CHALLENGES_SQL = "SELECT " + CHALLENGE_COLUMNS
            + " FROM crush_lu_journeychallenge WHERE chapter_id = ? ORDER BY \"order\", id";
    static final String N1_REWARDS_SQL = "SELECT id, chapter_id, reward_type, title, content, photo"
            + " FROM crush_lu_journeyreward WHERE chapter_id = ? ORDER BY id";
    /** {@code JourneyHintUse.objects.filter(progress__user=…, progress__journey=…, challenge=…).count()}. */
    static final String N1_HINTS_BY_USER_SQL = "SELECT count(*) FROM crush_lu_journeyhintuse u"
            + " JOIN crush_lu_journeyprogress p ON p.id = u.progress_id"
            + " WHERE p.user_id = ? AND p.journey_id = ? AND u.challenge_id = ?";
    /** {@code JourneyHintUse.objects.filter(progress=progress, challenge=challenge).count()}. */
    static final String N1_HINTS_SQL = "SELECT count(*) FROM crush_lu_journeyhintuse"
            + " WHERE progress_id = ? AND challenge_id = ?";
    /** {@code JourneyAttempt.objects.filter(user=…, challenge=…, is_correct=True).order_by('id').first()}. */
    static final String N1_FIRST_RIGHT_SQL = "SELECT id, user_id, challenge_id, answer, is_correct, points_awarded,"
            + " hints_used, created_at FROM crush_lu_journeyattempt"
            + " WHERE user_id = ? AND challenge_id = ? AND is_correct ORDER BY id LIMIT 1";
    /** {@code JourneyAttempt.objects.create(…)}. */
    static final String N1_ATTEMPT_SQL = """
            INSERT INTO crush_lu_journeyattempt
              (user_id, challenge_id, answer, is_correct, points_awarded, hints_used, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    private final Database db;
    private final JourneyService service;
    private final DataSource dataSource;
    private long jdbcStatements;

    public JourneyAnswers(Database db) {
        this.db = db;
        this.service = new JourneyService(db);
        this.dataSource = db.dataSource();
    }

    public long jdbcStatements() {
        return jdbcStatements;
    }

    public JourneyAnswerResult library(Input in) {
        return service.answer(in.userId(), in.challengeId(), in.answer());
    }

    // ---- hand-written JDBC --------------------------------------------------------------------------------

    /** The challenge as the JDBC variant reads it. */
    private record Challenge(String type, String correct, String options, String alternatives, boolean hint,
                             int points, long journeyId, int chapterNumber, boolean questionnaire) {
    }

    public JourneyAnswerResult jdbc(Input in) {
        try (Connection c = dataSource.getConnection()) {
            Challenge ch;
            jdbcStatements++;
            try (PreparedStatement ps = c.prepareStatement(CHALLENGE_SQL)) {
                ps.setLong(1, in.challengeId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no challenge " + in.challengeId());
                    }
                    ch = new Challenge(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getBoolean(9));
                }
            }
            Judged judged = check(JourneyChallengeType.fromDb(ch.type()), ch.correct(), ch.options(),
                    ch.alternatives(), ch.questionnaire(), in.answer());
            OffsetDateTime now = db.now();
            if (!judged.correct()) {
                jdbcStatements++;
                try (PreparedStatement ps = c.prepareStatement(WRONG_SQL)) {
                    ps.setInt(1, in.userId());
                    ps.setLong(2, in.challengeId());
                    ps.setString(3, judged.stored());
                    ps.setInt(4, in.userId());
                    ps.setLong(5, ch.journeyId());
                    ps.setLong(6, in.challengeId());
                    ps.setObject(7, now);
                    ps.executeUpdate();
                }
                return new JourneyAnswerResult.Incorrect(in.challengeId(), ch.hint());
            }
            JourneyAnswerResult result = answerStatement(c, in, ch, judged.stored(), now);
            if (result == null) { // the player's first answer in this journey
                jdbcStatements++;
                try (PreparedStatement ps = c.prepareStatement(INSERT_EMPTY_SQL)) {
                    ps.setInt(1, in.userId());
                    ps.setLong(2, ch.journeyId());
                    ps.executeUpdate();
                }
                result = answerStatement(c, in, ch, judged.stored(), now);
            }
            return Objects.requireNonNull(result);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JourneyAnswerResult answerStatement(Connection c, Input in, Challenge ch, String answer,
                                                OffsetDateTime now) throws SQLException {
        jdbcStatements++;
        long challenge = in.challengeId();
        int chapterNumber = ch.chapterNumber();
        long journeyId = ch.journeyId();
        try (PreparedStatement ps = c.prepareStatement(ANSWER_JDBC)) {
            for (int i = 0; i < ANSWER_PARAMS.length; i++) {
                int at = i + 1;
                switch (ANSWER_PARAMS[i]) {
                    case 1 -> ps.setInt(at, in.userId());
                    case 2 -> ps.setLong(at, journeyId);
                    case 3 -> ps.setLong(at, challenge);
                    case 4 -> ps.setInt(at, chapterNumber);
                    case 5 -> ps.setString(at, now.toString());
                    case 6 -> ps.setObject(at, now);
                    case 7 -> ps.setInt(at, ch.points());
                    case 8 -> ps.setString(at, answer);
                    default -> throw new IllegalStateException("parameter " + ANSWER_PARAMS[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long id = rs.getLong(1);
                int current = rs.getInt(2);
                List<Long> completed = longs(rs.getString(3));
                List<Long> unlocked = longs(rs.getString(4));
                boolean done = rs.getBoolean(5);
                OffsetDateTime completedAt = rs.getObject(6, OffsetDateTime.class);
                int points = rs.getInt(7);
                Map<Integer, OffsetDateTime> times = chapterTimes(rs.getString(8));
                Optional<JourneyFinalResponse> response = finalResponse(rs.getString(9));
                Optional<OffsetDateTime> responseAt = Optional.ofNullable(rs.getObject(10, OffsetDateTime.class));
                int total = rs.getInt(17);
                int doneBefore = rs.getInt(18);
                if (rs.getBoolean(11)) {
                    return new JourneyAnswerResult.AlreadyCompleted(new JourneyProgressView(id, in.userId(),
                            journeyId, current, completed, unlocked, done, Optional.ofNullable(completedAt), points,
                            times, doneBefore, total, response, responseAt), rs.getInt(19));
                }
                if (rs.getBoolean(12)) {
                    return new JourneyAnswerResult.ChapterLocked(challenge, chapterNumber, current);
                }
                int open = rs.getInt(13);
                boolean journeyDone = rs.wasNull();
                int newCurrent = Math.max(1, journeyDone ? rs.getInt(14) : open);
                List<Long> newly = longs(rs.getString(15));
                boolean chapterDone = rs.getBoolean(16);
                if (rs.getLong(20) != 2) {
                    throw new IllegalStateException("progress " + id + " not updated or attempt not stored");
                }
                List<Long> after = new ArrayList<>(completed.size() + 1);
                after.addAll(completed);
                after.add(challenge);
                List<Long> rewards = new ArrayList<>(unlocked.size() + newly.size());
                rewards.addAll(unlocked);
                rewards.addAll(newly);
                if (chapterDone) {
                    times.putIfAbsent(chapterNumber, now);
                }
                OffsetDateTime at = completedAt != null ? completedAt : journeyDone ? now : null;
                return new JourneyAnswerResult.Correct(new JourneyProgressView(id, in.userId(), journeyId, newCurrent,
                        after, rewards, journeyDone, Optional.ofNullable(at), points + ch.points(), times,
                        doneBefore + 1, total, response, responseAt), newly, chapterDone, journeyDone && !done,
                        ch.points());
            }
        }
    }

    /** The chapter completion times of the stored JSON object (the library's form: number -> ISO time). */
    static Map<Integer, OffsetDateTime> chapterTimes(String json) {
        Map<Integer, OffsetDateTime> out = new java.util.TreeMap<>();
        if (json == null || json.length() <= 2) {
            return out;
        }
        try {
            Json.mapper().readValue(json, TIMES).forEach((k, v) -> out.put(Integer.valueOf(k), OffsetDateTime.parse(v)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static Optional<JourneyFinalResponse> finalResponse(String value) {
        for (JourneyFinalResponse r : JourneyFinalResponse.values()) {
            if (r.dbValue().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
    /** jsonb's text form of an array of non-negative integers ({@code []}, {@code [1, 2, 3]}). */
    static List<Long> longs(String json) {
        List<Long> out = new ArrayList<>();
        long v = 0;
        boolean digits = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (ch >= '0' && ch <= '9') {
                v = v * 10 + (ch - '0');
                digits = true;
            } else if (digits) {
                out.add(v);
                v = 0;
                digits = false;
            }
        }
        return out;
    }

    // ---- the Django way -----------------------------------------------------------------------------------

    public JourneyAnswerResult nPlusOne(Input in) {
        try (Connection c = dataSource.getConnection()) {
            // challenge = JourneyChallenge.objects.get(id=challenge_id); chapter = challenge.chapter
            Object[] challenge = one(c, N1_CHALLENGE_SQL, in.challengeId(), JourneyAnswers::challengeRow);
            Object[] chapter = one(c, N1_CHAPTER_SQL, (Long) challenge[1], JourneyAnswers::chapterRow);
            long journeyId = (Long) chapter[1];
            int chapterNumber = (Integer) chapter[2];
            Judged judged = check(JourneyChallengeType.fromDb((String) challenge[2]), (String) challenge[4],
                    (String) challenge[5], (String) challenge[10], (Boolean) chapter[5], in.answer());
            OffsetDateTime now = db.now();
            if (!judged.correct()) {
                long hints = count(c, N1_HINTS_BY_USER_SQL, in.userId(), journeyId, in.challengeId());
                createAttempt(c, in, judged.stored(), false, 0, hints, now);
                return new JourneyAnswerResult.Incorrect(in.challengeId(), !((String) challenge[6]).isEmpty());
            }
            // JourneyProgress.objects.get_or_create(user=user, journey_id=journey_id)
            Object[] progress = progress(c, in.userId(), journeyId);
            if (progress == null) {
                jdbcStatements++;
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO crush_lu_journeyprogress (user_id, journey_id, current_chapter,
                          completed_challenges, unlocked_rewards, completed, completed_at, total_points,
                          chapters_completed_at, final_response, final_response_at)
                        VALUES (?, ?, 1, '[]', '[]', false, NULL, 0, '{}', '', NULL) RETURNING id""")) {
                    ps.setInt(1, in.userId());
                    ps.setLong(2, journeyId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        progress = new Object[] {rs.getLong(1), 1, List.<Long>of(), List.<Long>of(), false, null, 0,
                                new java.util.TreeMap<Integer, OffsetDateTime>(), Optional.empty(), null};
                    }
                }
            }
            long progressId = (Long) progress[0];
            @SuppressWarnings("unchecked")
            List<Long> completed = (List<Long>) progress[2];
            @SuppressWarnings("unchecked")
            List<Long> unlocked = (List<Long>) progress[3];
            int current = (Integer) progress[1];
            boolean wasDone = (Boolean) progress[4];
            OffsetDateTime completedAt = (OffsetDateTime) progress[5];
            int points = (Integer) progress[6];
            @SuppressWarnings("unchecked")
            Map<Integer, OffsetDateTime> times = (Map<Integer, OffsetDateTime>) progress[7];
            @SuppressWarnings("unchecked")
            Optional<JourneyFinalResponse> response = (Optional<JourneyFinalResponse>) progress[8];
            Optional<OffsetDateTime> responseAt = Optional.ofNullable((OffsetDateTime) progress[9]);
            if (completed.contains(in.challengeId())) {
                // progress.completion_percent: for chapter in journey.chapters.all(): chapter.challenges.all()
                int total = 0;
                int done = 0;
                for (Object[] ch : many(c, N1_CHAPTERS_SQL, journeyId, JourneyAnswers::chapterRow)) {
                    for (Object[] x : many(c, N1_CHALLENGES_SQL, (Long) ch[0], JourneyAnswers::challengeRow)) {
                        total++;
                        done += completed.contains((Long) x[0]) ? 1 : 0;
                    }
                }
                // JourneyAttempt.objects.filter(user, challenge, is_correct=True).order_by('id').first()
                List<Object[]> first = many(c, N1_FIRST_RIGHT_SQL, in.userId(), in.challengeId(),
                        rs -> new Object[] {rs.getLong(1), rs.getInt(6)});
                long hints = count(c, N1_HINTS_SQL, progressId, in.challengeId());
                createAttempt(c, in, judged.stored(), true, 0, hints, now);
                return new JourneyAnswerResult.AlreadyCompleted(new JourneyProgressView(progressId, in.userId(),
                        journeyId, current, completed, unlocked, wasDone, Optional.ofNullable(completedAt), points,
                        times, done, total, response, responseAt), first.isEmpty() ? 0 : (Integer) first.get(0)[1]);
            }
            if (chapterNumber > current && !wasDone) {
                return new JourneyAnswerResult.ChapterLocked(in.challengeId(), chapterNumber, current);
            }
            List<Long> after = new ArrayList<>(completed);
            after.add(in.challengeId());
            List<Long> rewards = new ArrayList<>(unlocked);
            List<Long> newly = new ArrayList<>();
            // for chapter in journey.chapters.all(): chapter.challenges.all(), chapter.rewards.all()
            Integer open = null;
            int last = 1;
            int total = 0;
            int done = 0;
            boolean chapterDone = true;
            for (Object[] ch : many(c, N1_CHAPTERS_SQL, journeyId, JourneyAnswers::chapterRow)) {
                int number = (Integer) ch[2];
                last = number;
                boolean all = true;
                for (Object[] x : many(c, N1_CHALLENGES_SQL, (Long) ch[0], JourneyAnswers::challengeRow)) {
                    boolean has = after.contains((Long) x[0]);
                    all &= has;
                    total++;
                    done += has ? 1 : 0;
                }
                if (number == chapterNumber) {
                    chapterDone = all;
                }
                if (!all) {
                    open = open == null ? number : open;
                    continue;
                }
                for (Object[] w : many(c, N1_REWARDS_SQL, (Long) ch[0],
                        rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)})) {
                    if (!rewards.contains((Long) w[0])) {
                        rewards.add((Long) w[0]);
                        newly.add((Long) w[0]);
                    }
                }
            }
            boolean journeyDone = open == null;
            int newCurrent = Math.max(1, journeyDone ? last : open);
            OffsetDateTime at = completedAt != null ? completedAt : journeyDone ? now : null;
            int award = (Integer) challenge[8];
            Map<Integer, OffsetDateTime> newTimes = new java.util.TreeMap<>(times);
            if (chapterDone) {
                newTimes.putIfAbsent(chapterNumber, now);
            }
            Map<String, String> timesJson = new java.util.TreeMap<>();
            newTimes.forEach((k, v) -> timesJson.put(String.valueOf(k), v.toString()));
            long hints = count(c, N1_HINTS_SQL, progressId, in.challengeId());
            // progress.save()
            jdbcStatements++;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE crush_lu_journeyprogress SET user_id = ?, journey_id = ?, current_chapter = ?,
                      completed_challenges = ?::jsonb, unlocked_rewards = ?::jsonb, completed = ?, completed_at = ?,
                      total_points = ?, chapters_completed_at = ?::jsonb, final_response = ?, final_response_at = ?
                    WHERE id = ?""")) {
                ps.setInt(1, in.userId());
                ps.setLong(2, journeyId);
                ps.setInt(3, newCurrent);
                ps.setString(4, Json.mapper().writeValueAsString(after));
                ps.setString(5, Json.mapper().writeValueAsString(rewards));
                ps.setBoolean(6, journeyDone);
                ps.setObject(7, at);
                ps.setInt(8, points + award);
                ps.setString(9, Json.mapper().writeValueAsString(timesJson));
                ps.setString(10, response.map(JourneyFinalResponse::dbValue).orElse(""));
                ps.setObject(11, responseAt.orElse(null));
                ps.setLong(12, progressId);
                ps.executeUpdate();
            }
            createAttempt(c, in, judged.stored(), true, award, hints, now);
            return new JourneyAnswerResult.Correct(new JourneyProgressView(progressId, in.userId(), journeyId,
                    newCurrent, after, rewards, journeyDone, Optional.ofNullable(at), points + award, newTimes, done,
                    total, response, responseAt), newly, chapterDone, journeyDone && !wasDone, award);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code JourneyAttempt.objects.create(…)}. */
    private void createAttempt(Connection c, Input in, String answer, boolean correct, int points, long hints,
                               OffsetDateTime now) throws SQLException {
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(N1_ATTEMPT_SQL)) {
            ps.setInt(1, in.userId());
            ps.setLong(2, in.challengeId());
            ps.setString(3, answer);
            ps.setBoolean(4, correct);
            ps.setInt(5, points);
            ps.setInt(6, (int) hints);
            ps.setObject(7, now);
            ps.executeQuery().close();
        }
    }

    private long count(Connection c, String sql, long... ids) throws SQLException {
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                ps.setLong(i + 1, ids[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Object[] progress(Connection c, int userId, long journeyId) throws SQLException {
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(N1_PROGRESS_SQL)) {
            ps.setInt(1, userId);
            ps.setLong(2, journeyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Object[] {rs.getLong(1), rs.getInt(2), Json.mapper().readValue(rs.getString(3), LONGS),
                        Json.mapper().readValue(rs.getString(4), LONGS), rs.getBoolean(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getInt(7), chapterTimes(rs.getString(8)),
                        finalResponse(rs.getString(9)), rs.getObject(10, OffsetDateTime.class)};
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private interface Row {
        Object[] map(ResultSet rs) throws SQLException;
    }

    private Object[] one(Connection c, String sql, long id, Row row) throws SQLException {
        List<Object[]> rows = many(c, sql, id, row);
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows for " + id);
        }
        return rows.get(0);
    }

    private List<Object[]> many(Connection c, String sql, long id, Row row) throws SQLException {
        return many(c, sql, id, Long.MIN_VALUE, row);
    }

    private List<Object[]> many(Connection c, String sql, long id, long id2, Row row) throws SQLException {
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            if (id2 != Long.MIN_VALUE) {
                ps.setLong(2, id2);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    private static Object[] challengeRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getString(11)};
    }

    private static Object[] chapterRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6)};
    }

    // ---- the answer rules (as JourneyService checks them) -------------------------------------------------

    /** An answer judged: right or not, and the text its attempt stores (as the library stores it). */
    record Judged(boolean correct, String stored) {
    }

    /**
     * The library's rules: in a questionnaire chapter and for open formats any answer of a fitting form; riddles
     * and scrambles compare normalized text with the answer or an alternative; a choice must be an option (the
     * option is stored); a timeline must order exactly the items (stored as JSON).
     */
    static Judged check(JourneyChallengeType type, String correct, String optionsJson, String alternativesJson,
                        boolean questionnaire, JourneyAnswer answer) {
        if (questionnaire) {
            return new Judged(true, anyAnswer(type, optionsJson, answer));
        }
        return switch (type) {
            case RIDDLE, WORD_SCRAMBLE -> {
                String text = ((JourneyAnswer.Text) answer).text();
                String given = JourneyText.normalize(text);
                boolean right = given.equals(JourneyText.normalize(correct));
                if (!right) {
                    for (String alternative : strings(alternativesJson)) {
                        right = right || given.equals(JourneyText.normalize(alternative));
                    }
                }
                yield new Judged(right, text);
            }
            case MULTIPLE_CHOICE -> {
                String option = match(((JourneyAnswer.Choice) answer).option(), strings(optionsJson));
                yield new Judged(JourneyText.normalize(option).equals(JourneyText.normalize(correct)), option);
            }
            case TIMELINE_SORT -> {
                List<String> given = order(answer, strings(optionsJson));
                yield new Judged(given.equals(strings(correct).stream().map(JourneyText::normalize).toList()),
                        json(((JourneyAnswer.Order) answer).items()));
            }
            case WOULD_YOU_RATHER, OPEN_TEXT -> new Judged(true, anyAnswer(type, optionsJson, answer));
        };
    }

    private static String anyAnswer(JourneyChallengeType type, String optionsJson, JourneyAnswer answer) {
        if (answer instanceof JourneyAnswer.Choice choice && type != JourneyChallengeType.OPEN_TEXT) {
            List<String> options = strings(optionsJson);
            return options.isEmpty() ? choice.option() : match(choice.option(), options);
        }
        if (answer instanceof JourneyAnswer.Order o && type == JourneyChallengeType.TIMELINE_SORT) {
            order(answer, strings(optionsJson));
            return json(o.items());
        }
        return ((JourneyAnswer.Text) answer).text();
    }

    private static List<String> order(JourneyAnswer answer, List<String> options) {
        List<String> given = ((JourneyAnswer.Order) answer).items().stream().map(JourneyText::normalize).toList();
        List<String> items = options.stream().map(JourneyText::normalize).toList();
        if (given.size() != items.size() || !new LinkedHashSet<>(given).equals(new LinkedHashSet<>(items))) {
            throw new IllegalArgumentException("must order exactly the challenge's items");
        }
        return given;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String match(String choice, List<String> options) {
        String wanted = JourneyText.normalize(choice);
        for (String o : options) {
            if (JourneyText.normalize(o).equals(wanted)) {
                return o;
            }
        }
        throw new IllegalArgumentException("not one of the options: " + choice);
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : Json.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
    // ---- the answers to give ------------------------------------------------------------------------------

    /** One challenge of an unplayed journey: a right answer and (for the formats that have one) a wrong one. */
    record Step(long challengeId, int chapterNumber, JourneyAnswer right, JourneyAnswer wrong) {
    }

    /** The unplayed journeys' challenges in play order, read once per JVM. */
    public static final class Plan {

        private static Plan instance;

        final List<List<Step>> journeys = new ArrayList<>();
        final int crushUsers;
        final int played;
        /** Pairs per claimed block: a multiple of the journeys, so that every block gives the same answers. */
        final int blockPairs;

        private Plan(Fixture fx) {
            this.crushUsers = fx.spec.crushUsers();
            this.played = fx.spec.playedJourneys();
            Map<Long, List<Step>> byJourney = new java.util.TreeMap<>();
            try (Connection c = fx.db.dataSource().getConnection(); Statement s = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("""
                         SELECT h.journey_id, h.chapter_number, c.id, c.challenge_type, c.correct_answer,
                                c.options::text
                         FROM crush_lu_journeychallenge c JOIN crush_lu_journeychapter h ON h.id = c.chapter_id
                         WHERE h.journey_id > ?
                         ORDER BY h.journey_id, h.chapter_number, c."order", c.id""")) {
                s.execute("CREATE SEQUENCE IF NOT EXISTS bench_journey_blocks MINVALUE 0 START 0");
                ps.setLong(1, played);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byJourney.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(step(rs.getLong(3),
                                rs.getInt(2), JourneyChallengeType.fromDb(rs.getString(4)), rs.getString(5),
                                rs.getString(6)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            journeys.addAll(byJourney.values());
            int f = journeys.size();
            if (f == 0) {
                throw new IllegalStateException("no unplayed journeys in the data set");
            }
            this.blockPairs = f * ((16 + f - 1) / f);
        }

        public static synchronized Plan get(Fixture fx) {
            if (instance == null) {
                instance = new Plan(fx);
            }
            return instance;
        }

        private static Step step(long id, int chapter, JourneyChallengeType type, String correct, String options) {
            return switch (type) {
                case RIDDLE, WORD_SCRAMBLE -> new Step(id, chapter,
                        new JourneyAnswer.Text("  " + correct.toUpperCase(Locale.ROOT) + " "),
                        new JourneyAnswer.Text("no idea"));
                case MULTIPLE_CHOICE -> new Step(id, chapter, new JourneyAnswer.Choice(correct),
                        new JourneyAnswer.Choice(strings(options).stream().filter(o -> !o.equals(correct))
                                .findFirst().orElseThrow()));
                case TIMELINE_SORT -> new Step(id, chapter, new JourneyAnswer.Order(strings(correct)),
                        new JourneyAnswer.Order(strings(correct).reversed()));
                case WOULD_YOU_RATHER -> new Step(id, chapter, new JourneyAnswer.Choice(strings(options).get(1)),
                        null);
                case OPEN_TEXT -> new Step(id, chapter,
                        new JourneyAnswer.Text("The rain in Vianden, and your laugh."), null);
            };
        }

        /** Pair {@code p}'s user and journey steps. */
        int user(long pair) {
            long user = 1 + pair / journeys.size();
            if (user > crushUsers) {
                throw new IllegalStateException("workload 6 has answered every unplayed journey for every Crush.lu "
                        + "user: run at a larger --scale (or a shorter measurement)");
            }
            return (int) user;
        }

        List<Step> steps(long pair) {
            return journeys.get((int) (pair % journeys.size()));
        }

        /** Claims the next block (for every consumer of every JVM on this database): its first pair. */
        long claim(DataSource dataSource) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT nextval('bench_journey_blocks')")) {
                rs.next();
                return rs.getLong(1) * blockPairs;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A block's right answers: round-robin over its pairs, each pair's steps in play order. */
        List<Input> answers(long firstPair) {
            List<Input> out = new ArrayList<>();
            for (int round = 0; ; round++) {
                int before = out.size();
                for (long p = firstPair; p < firstPair + blockPairs; p++) {
                    List<Step> steps = steps(p);
                    if (round < steps.size()) {
                        out.add(new Input(user(p), steps.get(round).challengeId(), steps.get(round).right()));
                    }
                }
                if (out.size() == before) {
                    return out;
                }
            }
        }
    }

    /** An endless supply of right answers to not yet completed challenges, for one consumer. */
    public static final class Answers {

        private final Plan plan;
        private final DataSource dataSource;
        private List<Input> block = List.of();
        private int next;

        public Answers(Fixture fx) {
            this.plan = Plan.get(fx);
            this.dataSource = fx.db.dataSource();
        }

        public Input next() {
            if (next == block.size()) {
                block = plan.answers(plan.claim(dataSource));
                next = 0;
            }
            return block.get(next++);
        }
    }

    /** Every measured answer must have completed a challenge (else it measured a no-op). */
    public static JourneyAnswerResult completed(JourneyAnswerResult result) {
        if (!(result instanceof JourneyAnswerResult.Correct)) {
            throw new IllegalStateException("a measured answer changed nothing: " + result);
        }
        return result;
    }

    /** The launcher's interleaved variants (library first), each with its own answers. */
    public static List<Variant> variants(Fixture fx) {
        JourneyAnswers w = new JourneyAnswers(fx.db);
        Answers a = new Answers(fx);
        Answers b = new Answers(fx);
        Answers c = new Answers(fx);
        return List.of(new Variant("answerLibrary", () -> completed(w.library(a.next()))),
                new Variant("answerJdbc", () -> completed(w.jdbc(b.next()))),
                new Variant("answerNPlusOne", () -> completed(w.nPlusOne(c.next()))));
    }

    // ---- equal answers, equal rows, statements per operation, the lock -------------------------------------

    /**
     * Runs the three variants on the same inputs (one claimed block of players: a chapter-locked answer and a wrong
     * answer per journey first, then every right answer, then repeats), from the same state (the block's progress
     * rows deleted before each), on a database with a fixed clock; checks equal results (progress ids aside: each
     * run creates its rows anew; points included) and equal rows (progress with points and chapter times, the
     * attempts); statements per right answer into {@code perOp}. Then the lock: a
     * second session holds the player's row while the variant answers, and appends an id before committing; the
     * library and JDBC must keep both answers.
     */
    public static void verifyAndCount(Fixture fx, Map<String, Object> perOp) {
        Plan plan = Plan.get(fx);
        String url = Objects.requireNonNull(System.getProperty(Fixture.URL), Fixture.URL);
        try (Database db = Database.open(DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA)
                .maximumPoolSize(4).clock(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC))
                .build())) {
            JourneyAnswers w = new JourneyAnswers(db);
            long first = plan.claim(db.dataSource());
            List<Input> right = plan.answers(first);
            List<Input> inputs = new ArrayList<>();
            for (long p = first; p < first + plan.journeys.size(); p++) {
                List<Step> steps = plan.steps(p);
                int user = plan.user(p);
                Step locked = steps.stream().filter(s -> s.chapterNumber() == 2).findFirst().orElseThrow();
                inputs.add(new Input(user, locked.challengeId(), locked.right()));
                steps.stream().filter(s -> s.wrong() != null).findFirst()
                        .ifPresent(s -> inputs.add(new Input(user, s.challengeId(), s.wrong())));
            }
            int firstRight = inputs.size();
            inputs.addAll(right);
            inputs.addAll(right.subList(0, plan.journeys.size()));
            int[] users = right.stream().mapToInt(Input::userId).distinct().toArray();

            List<String> names = List.of("Library", "Jdbc", "NPlusOne");
            List<Function<Input, JourneyAnswerResult>> ops = List.of(w::library, w::jdbc, w::nPlusOne);
            List<List<Object>> results = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            java.util.Set<String> kinds = new java.util.HashSet<>();
            for (int v = 0; v < ops.size(); v++) {
                reset(db, users, plan.played);
                long statements = 0;
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    boolean counted = i >= firstRight && i < firstRight + right.size();
                    long before = w.jdbcStatements;
                    JourneyAnswerResult r;
                    try (StatementCount count = db.countStatements()) {
                        r = ops.get(v).apply(inputs.get(i));
                        if (counted) {
                            statements += v == 0 ? count.value() : w.jdbcStatements - before;
                            completed(r);
                        }
                    }
                    out.add(r);
                    kinds.add(r.getClass().getSimpleName());
                }
                Map<Long, String> ids = new HashMap<>();
                rows.add(snapshot(db, users, plan.played, ids));
                List<Object> normalized = new ArrayList<>();
                for (Object r : out) {
                    normalized.add(withoutId((JourneyAnswerResult) r, ids));
                }
                results.add(normalized);
                perOp.put("JourneyAnswerBenchmark.answer" + names.get(v), (double) statements / right.size());
            }
            for (int v = 1; v < ops.size(); v++) {
                for (int i = 0; i < inputs.size(); i++) {
                    check(results.get(0).get(i).equals(results.get(v).get(i)), "answer " + inputs.get(i) + ": library "
                            + results.get(0).get(i) + " != " + names.get(v) + " " + results.get(v).get(i));
                }
                check(rows.get(0).equals(rows.get(v)), "progress rows and attempts: library " + rows.get(0) + "\n!= "
                        + names.get(v) + " " + rows.get(v));
            }
            check(kinds.size() == 4, "expected all four kinds of result, got " + kinds);
            long attempts = rows.get(0).stream().filter(r -> r.startsWith("attempt ")).count();
            perOp.put("journeyAnswersPerBlock", (double) right.size());
            perOp.put("journeyProgressRowsPerBlock", (double) (rows.get(0).size() - attempts));
            perOp.put("journeyAttemptsPerBlock", (double) attempts);

            long pair = plan.claim(db.dataSource());
            for (int v = 0; v < ops.size(); v++) {
                boolean kept = lockHolds(db, plan, pair + v, ops.get(v));
                if (v < 2) {
                    check(kept, names.get(v) + " lost a concurrent answer (no row lock)");
                }
                perOp.put("journeyLostUpdate" + names.get(v), kept ? 0.0 : 1.0);
            }
            System.out.printf(Locale.ROOT, "[bench] workload 6: JourneyService, JDBC and N+1 give equal answers, progress"
                    + " rows and attempts for %d answers of %d players (%s statements per right answer: library/JDBC/N+1); the N+1 %s "
                    + "a concurrent answer%n", inputs.size(), users.length, names.stream()
                    .map(n -> String.format(Locale.ROOT, "%.2f", (Double) perOp.get("JourneyAnswerBenchmark.answer" + n)))
                    .toList(), (Double) perOp.get("journeyLostUpdateNPlusOne") > 0 ? "loses" : "keeps");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("variants disagree: " + message);
        }
    }

    /** Deletes the block's progress rows and attempts in the unplayed journeys. */
    private static void reset(Database db, int[] users, int played) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement progress = c.prepareStatement(
                "DELETE FROM crush_lu_journeyprogress WHERE user_id = ANY (?) AND journey_id > ?");
             PreparedStatement attempts = c.prepareStatement("""
                     DELETE FROM crush_lu_journeyattempt a USING crush_lu_journeychallenge c, crush_lu_journeychapter h
                     WHERE a.user_id = ANY (?) AND c.id = a.challenge_id AND h.id = c.chapter_id
                       AND h.journey_id > ?""")) {
            for (PreparedStatement ps : List.of(progress, attempts)) {
                ps.setArray(1, ints(c, users));
                ps.setLong(2, played);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Array ints(Connection c, int[] values) throws SQLException {
        return c.createArrayOf("int4", java.util.Arrays.stream(values).boxed().toArray());
    }

    /**
     * The progress rows (without their ids) by user and journey, every column the library writes, then the
     * attempts (without their ids) by user, challenge and id; fills {@code ids} with id -> "user/journey".
     */
    private static List<String> snapshot(Database db, int[] users, int played, Map<Long, String> ids) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, user_id, journey_id, current_chapter, completed_challenges::text, unlocked_rewards::text,
                       completed, completed_at, total_points, chapters_completed_at::text, final_response,
                       final_response_at
                FROM crush_lu_journeyprogress WHERE user_id = ANY (?) AND journey_id > ?
                ORDER BY user_id, journey_id""");
             PreparedStatement attempts = c.prepareStatement("""
                SELECT a.user_id, a.challenge_id, a.answer, a.is_correct, a.points_awarded, a.hints_used, a.created_at
                FROM crush_lu_journeyattempt a
                JOIN crush_lu_journeychallenge c ON c.id = a.challenge_id
                JOIN crush_lu_journeychapter h ON h.id = c.chapter_id
                WHERE a.user_id = ANY (?) AND h.journey_id > ?
                ORDER BY a.user_id, a.challenge_id, a.id""")) {
            ps.setArray(1, ints(c, users));
            ps.setLong(2, played);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getInt(2) + "/" + rs.getLong(3);
                    ids.put(rs.getLong(1), key);
                    out.add(key + " chapter " + rs.getInt(4) + " " + rs.getString(5) + " " + rs.getString(6) + " "
                            + rs.getBoolean(7) + " " + rs.getObject(8, OffsetDateTime.class) + " points "
                            + rs.getInt(9) + " " + rs.getString(10) + " '" + rs.getString(11) + "' "
                            + rs.getObject(12, OffsetDateTime.class));
                }
            }
            attempts.setArray(1, ints(c, users));
            attempts.setLong(2, played);
            try (ResultSet rs = attempts.executeQuery()) {
                while (rs.next()) {
                    out.add("attempt " + rs.getInt(1) + "/" + rs.getLong(2) + " '" + rs.getString(3) + "' "
                            + rs.getBoolean(4) + " points " + rs.getInt(5) + " hints " + rs.getInt(6) + " "
                            + rs.getObject(7, OffsetDateTime.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The result with its progress id replaced by the row's key (the id must be the row's). */
    private static Object withoutId(JourneyAnswerResult r, Map<Long, String> ids) {
        Function<JourneyProgressView, Object> view = v -> {
            String key = ids.get(v.progressId());
            check(Objects.equals(key, v.userId() + "/" + v.journeyId()), "progress id " + v.progressId()
                    + " is not the row of " + v.userId() + "/" + v.journeyId());
            return List.of(key, new JourneyProgressView(0, v.userId(), v.journeyId(), v.currentChapter(),
                    v.completedChallenges(), v.unlockedRewards(), v.completed(), v.completedAt(), v.totalPoints(),
                    v.chapterCompletedAt(), v.journeyChallengesCompleted(), v.journeyChallenges(), v.finalResponse(),
                    v.finalResponseAt()));
        };
        return switch (r) {
            case JourneyAnswerResult.Correct c -> List.of(view.apply(c.progress()), c.unlockedRewards(),
                    c.chapterCompleted(), c.journeyCompleted(), c.pointsAwarded());
            case JourneyAnswerResult.AlreadyCompleted a -> List.of("already", view.apply(a.progress()),
                    a.originalPoints());
            default -> r;
        };
    }

    /**
     * The player's first answer, then a second session locks the row; the variant answers the next challenge in a
     * thread; once that waits on a lock, the session appends an id (a concurrent answer) and commits. True when
     * both answers are in the row afterwards.
     */
    private static boolean lockHolds(Database db, Plan plan, long pair, Function<Input, JourneyAnswerResult> op) {
        int user = plan.user(pair);
        List<Step> steps = plan.steps(pair);
        long other = steps.get(steps.size() - 1).challengeId();
        completed(op.apply(new Input(user, steps.get(0).challengeId(), steps.get(0).right())));
        long journey = plan.played + 1 + pair % plan.journeys.size();
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps = holder.prepareStatement(
                    "SELECT 1 FROM crush_lu_journeyprogress WHERE user_id = ? AND journey_id = ? FOR UPDATE")) {
                ps.setInt(1, user);
                ps.setLong(2, journey);
                ps.executeQuery().close();
            }
            CompletableFuture<JourneyAnswerResult> answer = CompletableFuture.supplyAsync(
                    () -> op.apply(new Input(user, steps.get(1).challengeId(), steps.get(1).right())));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!waitingOnLock(db)) {
                if (System.nanoTime() > deadline || answer.isDone()) {
                    holder.rollback();
                    answer.join();
                    return false;
                }
                Thread.sleep(5);
            }
            try (PreparedStatement ps = holder.prepareStatement("""
                    UPDATE crush_lu_journeyprogress SET completed_challenges = completed_challenges || to_jsonb(?::bigint)
                    WHERE user_id = ? AND journey_id = ?""")) {
                ps.setLong(1, other);
                ps.setInt(2, user);
                ps.setLong(3, journey);
                ps.executeUpdate();
            }
            holder.commit();
            completed(answer.join());
            try (PreparedStatement ps = holder.prepareStatement("SELECT completed_challenges::text"
                    + " FROM crush_lu_journeyprogress WHERE user_id = ? AND journey_id = ?")) {
                ps.setInt(1, user);
                ps.setLong(2, journey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    TreeSet<Long> ids = new TreeSet<>(longs(rs.getString(1)));
                    holder.commit();
                    return ids.containsAll(List.of(steps.get(0).challengeId(), steps.get(1).challengeId(), other));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitingOnLock(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
