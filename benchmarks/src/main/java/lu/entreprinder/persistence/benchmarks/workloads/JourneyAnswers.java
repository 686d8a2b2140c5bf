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
import lu.entreprinder.persistence.crushlu.JourneyProgressView;
import lu.entreprinder.persistence.crushlu.JourneyService;
import lu.entreprinder.persistence.crushlu.internal.JourneyText;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * Workload 6: a Crush.lu journey answer that updates the player's progress JSON (completed challenges appended,
 * chapter rewards unlocked, current chapter advanced, the journey completed). Three ways, returning equal
 * {@link JourneyAnswerResult}s and leaving equal rows:
 * <ul>
 *   <li>{@link #library}: {@link JourneyService#answer} (one transaction: challenge, get-or-create and
 *       {@code FOR UPDATE} of the progress row, the journey's chapters and rewards, the update);</li>
 *   <li>{@link #jdbc}: two statements: the challenge (the answer is checked in Java), then one statement that locks
 *       the progress row ({@code FOR UPDATE} in a CTE), computes chapters, rewards and completion in SQL and
 *       appends to the jsonb lists ({@code ||}) in the same {@code UPDATE}; the first answer of a player inserts the
 *       empty row first (as the library does) and runs it again. The same guarantee as the library: answers of one
 *       player are serialized on the row lock (checked by {@link #verifyAndCount});</li>
 *   <li>{@link #nPlusOne}: Django without {@code select_related}/{@code prefetch_related} or
 *       {@code select_for_update}, in autocommit: the challenge, its chapter, {@code get_or_create} of the progress,
 *       the journey's chapters, each chapter's challenges, each completed chapter's rewards, then
 *       {@code progress.save()} (every column). Racy: a concurrent answer of the same player between its read and
 *       its save is lost (shown by {@link #verifyAndCount}).</li>
 * </ul>
 * All three check answers with the library's rules (normalized text; the same Jackson for options).
 *
 * <p>The answers: the data set leaves journeys {@code playedJourneys()+1..journeys()} unplayed. Player pair
 * {@code p} is (Crush.lu user {@code 1 + p / F}, unplayed journey {@code p % F}); each consumer (a JMH fork, an
 * interleaved variant, the check) claims blocks of pairs from a database sequence, so no answer is ever given twice,
 * and answers a block's pairs round-robin, every challenge of the journey in play order, all right. Every block has
 * the same journeys in the same order, so every consumer gives the same mix. Every measured answer completes a
 * challenge (checked); wrong answers write nothing in the library (no attempts are recorded), so they are only in
 * the check.
 */
public final class JourneyAnswers {

    /** One answer to give. */
    public record Input(int userId, long challengeId, JourneyAnswer answer) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() { };

    static final String CHALLENGE_SQL = """
            SELECT c.challenge_type, c.correct_answer, c.options::text, c.hint <> '', h.journey_id, h.chapter_number
            FROM crush_lu_journeychallenge c
            JOIN crush_lu_journeychapter h ON h.id = c.chapter_id
            WHERE c.id = ?""";

    /**
     * Lock, check, compute and append in one statement. {@code cur} locks the row (READ COMMITTED: after a
     * concurrent commit it returns the newest version, and the UPDATE re-reads that same version).
     */
    public static final String ANSWER_SQL = """
            WITH cur AS (
              SELECT id, current_chapter, completed_challenges, unlocked_rewards, completed, completed_at
              FROM crush_lu_journeyprogress
              WHERE user_id = ? AND journey_id = ?
              FOR UPDATE
            ), st AS (
              SELECT cur.*,
                     cur.completed_challenges @> jsonb_build_array(?::bigint) AS already,
                     ?::int > cur.current_chapter AND NOT cur.completed AS locked,
                     cur.completed_challenges || jsonb_build_array(?::bigint) AS after
              FROM cur
            ), ch AS (
              SELECT h.id, h.chapter_number AS n,
                     coalesce(jsonb_agg(c.id) FILTER (WHERE c.id IS NOT NULL), '[]'::jsonb) AS ids
              FROM crush_lu_journeychapter h
              LEFT JOIN crush_lu_journeychallenge c ON c.chapter_id = h.id
              WHERE h.journey_id = ?
              GROUP BY h.id
            ), calc AS (
              SELECT st.id,
                     (SELECT min(ch.n) FROM ch WHERE NOT st.after @> ch.ids) AS open_chapter,
                     (SELECT max(ch.n) FROM ch) AS last_chapter,
                     (SELECT coalesce(jsonb_agg(w.id ORDER BY ch.n, w.id), '[]'::jsonb)
                      FROM ch JOIN crush_lu_journeyreward w ON w.chapter_id = ch.id
                      WHERE st.after @> ch.ids AND NOT st.unlocked_rewards @> jsonb_build_array(w.id)) AS unlocked,
                     coalesce((SELECT st.after @> ch.ids FROM ch WHERE ch.n = ?), true) AS chapter_done
              FROM st
              WHERE NOT st.already AND NOT st.locked
            ), upd AS (
              UPDATE crush_lu_journeyprogress p
              SET completed_challenges = p.completed_challenges || jsonb_build_array(?::bigint),
                  unlocked_rewards = p.unlocked_rewards || calc.unlocked,
                  current_chapter = greatest(1, coalesce(calc.open_chapter, calc.last_chapter)),
                  completed = calc.open_chapter IS NULL,
                  completed_at = coalesce(p.completed_at, CASE WHEN calc.open_chapter IS NULL THEN ?::timestamptz END)
              FROM calc
              WHERE p.id = calc.id
              RETURNING p.id
            )
            SELECT st.id, st.current_chapter, st.completed_challenges::text, st.unlocked_rewards::text, st.completed,
                   st.completed_at, st.already, st.locked, calc.open_chapter, calc.last_chapter, calc.unlocked::text,
                   calc.chapter_done, (SELECT count(*) FROM upd)
            FROM st LEFT JOIN calc ON true""";

    static final String INSERT_EMPTY_SQL = """
            INSERT INTO crush_lu_journeyprogress
              (user_id, journey_id, current_chapter, completed_challenges, unlocked_rewards, completed)
            VALUES (?, ?, 1, '[]', '[]', false)
            ON CONFLICT (user_id, journey_id) DO NOTHING""";

    private static final String PROGRESS_COLUMNS = "id, current_chapter, completed_challenges::text, "
            + "unlocked_rewards::text, completed, completed_at";
    private static final String CHALLENGE_COLUMNS =
            "id, chapter_id, challenge_type, question, correct_answer, options::text, hint, \"order\"";
    private static final String CHAPTER_COLUMNS = "id, journey_id, chapter_number, title, description";
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

    public JourneyAnswerResult jdbc(Input in) {
        try (Connection c = dataSource.getConnection()) {
            String type;
            String correct;
            String options;
            boolean hint;
            long journeyId;
            int chapterNumber;
            jdbcStatements++;
            try (PreparedStatement ps = c.prepareStatement(CHALLENGE_SQL)) {
                ps.setLong(1, in.challengeId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no challenge " + in.challengeId());
                    }
                    type = rs.getString(1);
                    correct = rs.getString(2);
                    options = rs.getString(3);
                    hint = rs.getBoolean(4);
                    journeyId = rs.getLong(5);
                    chapterNumber = rs.getInt(6);
                }
            }
            if (!check(JourneyChallengeType.fromDb(type), correct, options, in.answer())) {
                return new JourneyAnswerResult.Incorrect(in.challengeId(), hint);
            }
            OffsetDateTime now = db.now();
            JourneyAnswerResult result = answerStatement(c, in, journeyId, chapterNumber, now);
            if (result == null) { // the player's first answer in this journey
                jdbcStatements++;
                try (PreparedStatement ps = c.prepareStatement(INSERT_EMPTY_SQL)) {
                    ps.setInt(1, in.userId());
                    ps.setLong(2, journeyId);
                    ps.executeUpdate();
                }
                result = answerStatement(c, in, journeyId, chapterNumber, now);
            }
            return Objects.requireNonNull(result);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JourneyAnswerResult answerStatement(Connection c, Input in, long journeyId, int chapterNumber,
                                                OffsetDateTime now) throws SQLException {
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(ANSWER_SQL)) {
            long challenge = in.challengeId();
            ps.setInt(1, in.userId());
            ps.setLong(2, journeyId);
            ps.setLong(3, challenge);
            ps.setInt(4, chapterNumber);
            ps.setLong(5, challenge);
            ps.setLong(6, journeyId);
            ps.setInt(7, chapterNumber);
            ps.setLong(8, challenge);
            ps.setObject(9, now);
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
                JourneyProgressView before = new JourneyProgressView(id, in.userId(), journeyId, current, completed,
                        unlocked, done, Optional.ofNullable(completedAt));
                if (rs.getBoolean(7)) {
                    return new JourneyAnswerResult.AlreadyCompleted(before);
                }
                if (rs.getBoolean(8)) {
                    return new JourneyAnswerResult.ChapterLocked(challenge, chapterNumber, current);
                }
                int open = rs.getInt(9);
                boolean journeyDone = rs.wasNull();
                int newCurrent = Math.max(1, journeyDone ? rs.getInt(10) : open);
                List<Long> newly = longs(rs.getString(11));
                boolean chapterDone = rs.getBoolean(12);
                if (rs.getLong(13) != 1) {
                    throw new IllegalStateException("progress " + id + " not updated");
                }
                List<Long> after = new ArrayList<>(completed.size() + 1);
                after.addAll(completed);
                after.add(challenge);
                List<Long> rewards = new ArrayList<>(unlocked.size() + newly.size());
                rewards.addAll(unlocked);
                rewards.addAll(newly);
                OffsetDateTime at = completedAt != null ? completedAt : journeyDone ? now : null;
                return new JourneyAnswerResult.Correct(new JourneyProgressView(id, in.userId(), journeyId, newCurrent,
                        after, rewards, journeyDone, Optional.ofNullable(at)), newly, chapterDone,
                        journeyDone && !done);
            }
        }
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
            // challenge = JourneyChallenge.objects.get(id=challenge_id)
            Object[] challenge = one(c, N1_CHALLENGE_SQL, in.challengeId(), JourneyAnswers::challengeRow);
            if (!check(JourneyChallengeType.fromDb((String) challenge[2]), (String) challenge[4],
                    (String) challenge[5], in.answer())) {
                return new JourneyAnswerResult.Incorrect(in.challengeId(), !((String) challenge[6]).isEmpty());
            }
            // challenge.chapter
            Object[] chapter = one(c, N1_CHAPTER_SQL, (Long) challenge[1], JourneyAnswers::chapterRow);
            long journeyId = (Long) chapter[1];
            int chapterNumber = (Integer) chapter[2];
            // JourneyProgress.objects.get_or_create(user=user, journey_id=journey_id)
            Object[] progress = progress(c, in.userId(), journeyId);
            if (progress == null) {
                jdbcStatements++;
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO crush_lu_journeyprogress (user_id, journey_id, current_chapter,
                          completed_challenges, unlocked_rewards, completed, completed_at)
                        VALUES (?, ?, 1, '[]', '[]', false, NULL) RETURNING id""")) {
                    ps.setInt(1, in.userId());
                    ps.setLong(2, journeyId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        progress = new Object[] {rs.getLong(1), 1, List.<Long>of(), List.<Long>of(), false, null};
                    }
                }
            }
            @SuppressWarnings("unchecked")
            List<Long> completed = (List<Long>) progress[2];
            @SuppressWarnings("unchecked")
            List<Long> unlocked = (List<Long>) progress[3];
            JourneyProgressView before = new JourneyProgressView((Long) progress[0], in.userId(), journeyId,
                    (Integer) progress[1], completed, unlocked, (Boolean) progress[4],
                    Optional.ofNullable((OffsetDateTime) progress[5]));
            if (completed.contains(in.challengeId())) {
                return new JourneyAnswerResult.AlreadyCompleted(before);
            }
            if (chapterNumber > before.currentChapter() && !before.completed()) {
                return new JourneyAnswerResult.ChapterLocked(in.challengeId(), chapterNumber, before.currentChapter());
            }
            List<Long> after = new ArrayList<>(completed);
            after.add(in.challengeId());
            List<Long> rewards = new ArrayList<>(unlocked);
            List<Long> newly = new ArrayList<>();
            // for chapter in journey.chapters.all(): chapter.challenges.all(), chapter.rewards.all()
            Integer current = null;
            int last = 1;
            boolean chapterDone = true;
            for (Object[] ch : many(c, N1_CHAPTERS_SQL, journeyId, JourneyAnswers::chapterRow)) {
                int number = (Integer) ch[2];
                last = number;
                boolean done = true;
                for (Object[] x : many(c, N1_CHALLENGES_SQL, (Long) ch[0],
                        JourneyAnswers::challengeRow)) {
                    done &= after.contains((Long) x[0]);
                }
                if (number == chapterNumber) {
                    chapterDone = done;
                }
                if (!done) {
                    current = current == null ? number : current;
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
            boolean journeyDone = current == null;
            int newCurrent = Math.max(1, journeyDone ? last : current);
            OffsetDateTime completedAt = before.completedAt().orElse(journeyDone ? db.now() : null);
            // progress.save()
            jdbcStatements++;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE crush_lu_journeyprogress SET user_id = ?, journey_id = ?, current_chapter = ?,
                      completed_challenges = ?::jsonb, unlocked_rewards = ?::jsonb, completed = ?, completed_at = ?
                    WHERE id = ?""")) {
                ps.setInt(1, in.userId());
                ps.setLong(2, journeyId);
                ps.setInt(3, newCurrent);
                ps.setString(4, Json.mapper().writeValueAsString(after));
                ps.setString(5, Json.mapper().writeValueAsString(rewards));
                ps.setBoolean(6, journeyDone);
                ps.setObject(7, completedAt);
                ps.setLong(8, before.progressId());
                ps.executeUpdate();
            }
            return new JourneyAnswerResult.Correct(new JourneyProgressView(before.progressId(), in.userId(),
                    journeyId, newCurrent, after, rewards, journeyDone, Optional.ofNullable(completedAt)), newly,
                    chapterDone, journeyDone && !before.completed());
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
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
                        rs.getObject(6, OffsetDateTime.class)};
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
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
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
                rs.getString(6), rs.getString(7), rs.getInt(8)};
    }

    private static Object[] chapterRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)};
    }

    // ---- the answer rules (as JourneyService checks them) -------------------------------------------------

    static boolean check(JourneyChallengeType type, String correct, String optionsJson, JourneyAnswer answer) {
        return switch (type) {
            case RIDDLE, WORD_SCRAMBLE -> answer instanceof JourneyAnswer.Text t
                    && JourneyText.normalize(t.text()).equals(JourneyText.normalize(correct));
            case MULTIPLE_CHOICE -> {
                String option = match(((JourneyAnswer.Choice) answer).option(), strings(optionsJson));
                yield JourneyText.normalize(option).equals(JourneyText.normalize(correct));
            }
            case TIMELINE_SORT -> {
                List<String> given = ((JourneyAnswer.Order) answer).items().stream().map(JourneyText::normalize)
                        .toList();
                List<String> items = strings(optionsJson).stream().map(JourneyText::normalize).toList();
                if (given.size() != items.size() || !new LinkedHashSet<>(given).equals(new LinkedHashSet<>(items))) {
                    throw new IllegalArgumentException("must order exactly the challenge's items");
                }
                yield given.equals(strings(correct).stream().map(JourneyText::normalize).toList());
            }
            case WOULD_YOU_RATHER -> {
                if (answer instanceof JourneyAnswer.Choice choice && optionsJson != null) {
                    match(choice.option(), strings(optionsJson));
                }
                yield true;
            }
            case OPEN_TEXT -> true;
        };
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
     * run creates its rows anew) and equal rows; statements per right answer into {@code perOp}. Then the lock: a
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
                check(rows.get(0).equals(rows.get(v)), "progress rows: library " + rows.get(0) + "\n!= "
                        + names.get(v) + " " + rows.get(v));
            }
            long kinds = results.get(0).stream().map(r -> r.getClass().getSimpleName()).distinct().count();
            check(kinds == 4, "expected all four kinds of result, got " + kinds);
            perOp.put("journeyAnswersPerBlock", (double) right.size());
            perOp.put("journeyProgressRowsPerBlock", (double) rows.get(0).size());

            long pair = plan.claim(db.dataSource());
            for (int v = 0; v < ops.size(); v++) {
                boolean kept = lockHolds(db, plan, pair + v, ops.get(v));
                if (v < 2) {
                    check(kept, names.get(v) + " lost a concurrent answer (no row lock)");
                }
                perOp.put("journeyLostUpdate" + names.get(v), kept ? 0.0 : 1.0);
            }
            System.out.printf(Locale.ROOT, "[bench] workload 6: JourneyService, JDBC and N+1 give equal answers and rows"
                    + " for %d answers of %d players (%s statements per right answer: library/JDBC/N+1); the N+1 %s "
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

    private static void reset(Database db, int[] users, int played) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM crush_lu_journeyprogress WHERE user_id = ANY (?) AND journey_id > ?")) {
            ps.setArray(1, ints(c, users));
            ps.setLong(2, played);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Array ints(Connection c, int[] values) throws SQLException {
        return c.createArrayOf("int4", java.util.Arrays.stream(values).boxed().toArray());
    }

    /** The rows (without their ids) by user and journey; fills {@code ids} with id -> "user/journey". */
    private static List<String> snapshot(Database db, int[] users, int played, Map<Long, String> ids) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, user_id, journey_id, current_chapter, completed_challenges::text, unlocked_rewards::text,
                       completed, completed_at
                FROM crush_lu_journeyprogress WHERE user_id = ANY (?) AND journey_id > ?
                ORDER BY user_id, journey_id""")) {
            ps.setArray(1, ints(c, users));
            ps.setLong(2, played);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getInt(2) + "/" + rs.getLong(3);
                    ids.put(rs.getLong(1), key);
                    out.add(key + " chapter " + rs.getInt(4) + " " + rs.getString(5) + " " + rs.getString(6) + " "
                            + rs.getBoolean(7) + " " + rs.getObject(8, OffsetDateTime.class));
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
                    v.completedChallenges(), v.unlockedRewards(), v.completed(), v.completedAt()));
        };
        return switch (r) {
            case JourneyAnswerResult.Correct c -> List.of(view.apply(c.progress()), c.unlockedRewards(),
                    c.chapterCompleted(), c.journeyCompleted());
            case JourneyAnswerResult.AlreadyCompleted a -> List.of("already", view.apply(a.progress()));
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
