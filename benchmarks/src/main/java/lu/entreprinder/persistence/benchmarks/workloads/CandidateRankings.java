package lu.entreprinder.persistence.benchmarks.workloads;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.matching.Candidate;
import lu.entreprinder.persistence.matching.MatchingDao;
import lu.entreprinder.persistence.matching.ProfileSummary;

/**
 * Workload 7: the first page (20) of candidates for a user, ranked by shared skills + shared industries, then newest
 * ({@code date_joined desc, id desc}); active users with an entrepreneur profile, not the user, neither liked nor disliked by the user. Each
 * candidate carries its industry names. Three ways, all returning the same {@code List<Candidate>}:
 * <ul>
 *   <li>{@link #dao}: the library, {@link MatchingDao#listCandidates} (one statement);</li>
 *   <li>{@link #nPlusOne}: what a Django view does without care: load the candidates sharing something, then two
 *       count queries per candidate, sort in memory, then one query per listed candidate for its industries;</li>
 *   <li>{@link #jdbc}: hand-written JDBC with the best single statement I could write (scores from the user's own
 *       skills/industries outwards; the zero-score "newest" fill only runs when fewer than a page score above 0).</li>
 * </ul>
 */
public final class CandidateRankings {

    public static final int PAGE = PageRequest.DEFAULT_SIZE;

    private final MatchingDao dao;
    private final DataSource dataSource;
    private long jdbcStatements;

    public CandidateRankings(Database db) {
        this.dao = new MatchingDao(db);
        this.dataSource = db.dataSource();
    }

    public long jdbcStatements() {
        return jdbcStatements;
    }

    // ---- library ------------------------------------------------------------------------------------------

    public List<Candidate> dao(int userId) {
        return dao.listCandidates(userId, PageRequest.first()).items();
    }

    // ---- hand-tuned JDBC ------------------------------------------------------------------------------------

    /** {@code :me} and {@code :n} are replaced by positional parameters (see {@link #BEST_PARAMS}). */
    static final String BEST_SQL_NAMED = """
            WITH me AS (
              SELECT p.id FROM entreprinder_entrepreneurprofile p WHERE p.user_id = :me
            ), scored AS (
              SELECT x.profile_id, sum(x.s)::int AS shared_skills, sum(x.i)::int AS shared_industries
              FROM (
                SELECT cs.entrepreneurprofile_id AS profile_id, 1 AS s, 0 AS i
                FROM entreprinder_entrepreneurprofile_skills ms
                JOIN entreprinder_entrepreneurprofile_skills cs ON cs.skill_id = ms.skill_id
                WHERE ms.entrepreneurprofile_id = (SELECT id FROM me)
                UNION ALL
                SELECT ci.entrepreneurprofile_id, 0, 1
                FROM entreprinder_entrepreneurprofile_industries mi
                JOIN entreprinder_entrepreneurprofile_industries ci ON ci.industry_id = mi.industry_id
                WHERE mi.entrepreneurprofile_id = (SELECT id FROM me)
              ) x
              GROUP BY x.profile_id
            ), top_scored AS (
              SELECT u.id, u.username, u.first_name, u.date_joined, p.id AS profile_id, p.headline,
                     p.profile_photo, sc.shared_skills, sc.shared_industries
              FROM scored sc
              JOIN entreprinder_entrepreneurprofile p ON p.id = sc.profile_id
              JOIN auth_user u ON u.id = p.user_id
              WHERE u.is_active AND u.id <> :me
                AND NOT EXISTS (SELECT 1 FROM matching_like l WHERE l.from_user_id = :me AND l.to_user_id = u.id)
                AND NOT EXISTS (SELECT 1 FROM matching_dislike d WHERE d.from_user_id = :me AND d.to_user_id = u.id)
              ORDER BY sc.shared_skills + sc.shared_industries DESC, u.date_joined DESC, u.id DESC
              LIMIT :n
            ), page AS (
              SELECT * FROM top_scored
              UNION ALL
              (SELECT u.id, u.username, u.first_name, u.date_joined, p.id, p.headline, p.profile_photo, 0, 0
               FROM auth_user u
               JOIN entreprinder_entrepreneurprofile p ON p.user_id = u.id
               WHERE (SELECT count(*) FROM top_scored) < :n
                 AND u.is_active AND u.id <> :me
                 AND NOT EXISTS (SELECT 1 FROM scored sc WHERE sc.profile_id = p.id)
                 AND NOT EXISTS (SELECT 1 FROM matching_like l WHERE l.from_user_id = :me AND l.to_user_id = u.id)
                 AND NOT EXISTS (SELECT 1 FROM matching_dislike d WHERE d.from_user_id = :me AND d.to_user_id = u.id)
               ORDER BY u.date_joined DESC, u.id DESC
               LIMIT :n)
            )
            SELECT pg.id, pg.username, pg.first_name, pg.date_joined, pg.headline, pg.profile_photo,
                   pg.shared_skills, pg.shared_industries,
                   ARRAY(SELECT i.name
                         FROM entreprinder_entrepreneurprofile_industries pi
                         JOIN entreprinder_industry i ON i.id = pi.industry_id
                         WHERE pi.entrepreneurprofile_id = pg.profile_id
                         ORDER BY i.name) AS industries
            FROM page pg
            WHERE EXISTS (SELECT 1 FROM auth_user WHERE id = :me)
            ORDER BY pg.shared_skills + pg.shared_industries DESC, pg.date_joined DESC, pg.id DESC
            LIMIT :n
            """;
    static final String BEST_SQL = BEST_SQL_NAMED.replaceAll(":me|:n", "?");
    /** For each {@code ?} of {@link #BEST_SQL}: true = the user id, false = the limit. */
    static final boolean[] BEST_PARAMS = params(BEST_SQL_NAMED);

    private static boolean[] params(String named) {
        var m = java.util.regex.Pattern.compile(":me|:n").matcher(named);
        List<Boolean> order = new ArrayList<>();
        while (m.find()) {
            order.add(m.group().equals(":me"));
        }
        boolean[] out = new boolean[order.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = order.get(i);
        }
        return out;
    }

    /**
     * Each viewer dislikes the first and the fourth candidate of their page, so that the check that every variant
     * answers the same also covers the rule "a disliked user is never a candidate" (the random dislikes of the data
     * set rarely touch a first page). The launcher calls it once per database, before that check.
     *
     * @return the dislikes stored
     */
    public int dislikeTopCandidates(int[] viewers) {
        int stored = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO matching_dislike (from_user_id, to_user_id, created_at) VALUES (?, ?, now())
                     ON CONFLICT DO NOTHING""")) {
            for (int viewer : viewers) {
                List<Candidate> page = jdbc(viewer);
                for (int rank : new int[] {0, 3}) {
                    if (rank < page.size()) {
                        insert.setInt(1, viewer);
                        insert.setLong(2, page.get(rank).userId());
                        stored += insert.executeUpdate();
                    }
                }
            }
            try (var analyze = c.createStatement()) {
                analyze.execute("ANALYZE matching_dislike");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    /** {@link #BEST_SQL} with the values inlined (for EXPLAIN). */
    public static String bestSqlInlined(int userId) {
        return BEST_SQL_NAMED.replace(":me", Integer.toString(userId)).replace(":n", Integer.toString(PAGE + 1));
    }

    public List<Candidate> jdbc(int userId) {
        jdbcStatements++;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BEST_SQL)) {
            for (int i = 0; i < BEST_PARAMS.length; i++) {
                ps.setInt(i + 1, BEST_PARAMS[i] ? userId : PAGE + 1);
            }
            List<Candidate> out = new ArrayList<>(PAGE + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array industries = rs.getArray(9);
                    out.add(new Candidate(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getInt(7), rs.getInt(8),
                            new ProfileSummary(true, rs.getString(5), rs.getString(6),
                                    Arrays.asList((String[]) industries.getArray()))));
                }
            }
            return out.size() > PAGE ? out.subList(0, PAGE) : out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Django-style N+1 -----------------------------------------------------------------------------------

    private record Row(int userId, long profileId, String username, String firstName, OffsetDateTime joined,
                       String headline, String photo, int skills, int industries) {
        int score() {
            return skills + industries;
        }
    }

    private static final Comparator<Row> RANK = Comparator.comparingInt(Row::score).reversed()
            .thenComparing(Row::joined, Comparator.reverseOrder())
            .thenComparing(Row::userId, Comparator.reverseOrder());

    private static final String CANDIDATE_COLUMNS =
            "u.id, p.id, u.username, u.first_name, u.date_joined, p.headline, p.profile_photo";

    /**
     * The loop a Django view writes: {@code me = user.entrepreneurprofile}, {@code my_skills}, {@code my_industries},
     * {@code EntrepreneurProfile.objects.filter(Q(skills__in=...) | Q(industries__in=...)).exclude(...).distinct()},
     * then {@code c.skills.filter(id__in=my_skills).count()} and the same for industries per candidate, sorted in
     * Python; the newest zero-score profiles fill a short page; then {@code c.industries.order_by('name')} per row.
     */
    public List<Candidate> nPlusOne(int userId) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, userId)) {
                return List.of();
            }
            Long myProfile = single(c, "SELECT id FROM entreprinder_entrepreneurprofile WHERE user_id = ?", userId);
            Long[] mySkills = myProfile == null ? new Long[0] : ids(c,
                    "SELECT skill_id FROM entreprinder_entrepreneurprofile_skills WHERE entrepreneurprofile_id = ?",
                    myProfile);
            Long[] myIndustries = myProfile == null ? new Long[0] : ids(c,
                    "SELECT industry_id FROM entreprinder_entrepreneurprofile_industries WHERE entrepreneurprofile_id = ?",
                    myProfile);
            List<Row> rows = new ArrayList<>();
            jdbcStatements++;
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + CANDIDATE_COLUMNS + " " + """
                     FROM entreprinder_entrepreneurprofile p
                     JOIN auth_user u ON u.id = p.user_id
                     LEFT JOIN entreprinder_entrepreneurprofile_skills s ON s.entrepreneurprofile_id = p.id
                     LEFT JOIN entreprinder_entrepreneurprofile_industries i ON i.entrepreneurprofile_id = p.id
                     WHERE u.is_active AND u.id <> ?
                       AND NOT (u.id IN (SELECT to_user_id FROM matching_like WHERE from_user_id = ?))
                       AND NOT (u.id IN (SELECT to_user_id FROM matching_dislike WHERE from_user_id = ?))
                       AND (s.skill_id = ANY(?) OR i.industry_id = ANY(?))
                     """)) {
                ps.setInt(1, userId);
                ps.setInt(2, userId);
                ps.setInt(3, userId);
                ps.setArray(4, c.createArrayOf("bigint", mySkills));
                ps.setArray(5, c.createArrayOf("bigint", myIndustries));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), 0, 0));
                    }
                }
            }
            List<Row> scored = new ArrayList<>(rows.size());
            Array skillArray = c.createArrayOf("bigint", mySkills);
            Array industryArray = c.createArrayOf("bigint", myIndustries);
            try (PreparedStatement skills = c.prepareStatement("""
                    SELECT count(*) FROM entreprinder_skill s
                    JOIN entreprinder_entrepreneurprofile_skills ps ON ps.skill_id = s.id
                    WHERE ps.entrepreneurprofile_id = ? AND s.id = ANY(?)""");
                 PreparedStatement industries = c.prepareStatement("""
                    SELECT count(*) FROM entreprinder_industry i
                    JOIN entreprinder_entrepreneurprofile_industries pi ON pi.industry_id = i.id
                    WHERE pi.entrepreneurprofile_id = ? AND i.id = ANY(?)""")) {
                for (Row r : rows) {
                    int s = count(skills, r.profileId(), skillArray);
                    int i = count(industries, r.profileId(), industryArray);
                    scored.add(new Row(r.userId(), r.profileId(), r.username(), r.firstName(), r.joined(),
                            r.headline(), r.photo(), s, i));
                }
            }
            scored.sort(RANK);
            List<Row> page = new ArrayList<>(scored.subList(0, Math.min(PAGE, scored.size())));
            if (page.size() < PAGE) {
                page.addAll(zeroScoreFill(c, userId, rows, PAGE - page.size()));
            }
            List<Candidate> out = new ArrayList<>(page.size());
            try (PreparedStatement names = c.prepareStatement("""
                    SELECT i.name FROM entreprinder_industry i
                    JOIN entreprinder_entrepreneurprofile_industries pi ON pi.industry_id = i.id
                    WHERE pi.entrepreneurprofile_id = ? ORDER BY i.name""")) {
                for (Row r : page) {
                    jdbcStatements++;
                    names.setLong(1, r.profileId());
                    List<String> list = new ArrayList<>(2);
                    try (ResultSet rs = names.executeQuery()) {
                        while (rs.next()) {
                            list.add(rs.getString(1));
                        }
                    }
                    out.add(new Candidate(r.userId(), r.username(), r.firstName(), r.joined(), r.skills(),
                            r.industries(), new ProfileSummary(true, r.headline(), r.photo(), list)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> zeroScoreFill(Connection c, int userId, List<Row> scoredRows, int n) throws SQLException {
        Set<Long> exclude = new HashSet<>();
        for (Row r : scoredRows) {
            exclude.add(r.profileId());
        }
        List<Row> out = new ArrayList<>(n);
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CANDIDATE_COLUMNS + " " + """
                 FROM entreprinder_entrepreneurprofile p
                 JOIN auth_user u ON u.id = p.user_id
                 WHERE u.is_active AND u.id <> ?
                   AND NOT (u.id IN (SELECT to_user_id FROM matching_like WHERE from_user_id = ?))
                   AND NOT (u.id IN (SELECT to_user_id FROM matching_dislike WHERE from_user_id = ?))
                   AND NOT (p.id = ANY(?))
                 ORDER BY u.date_joined DESC, u.id DESC
                 LIMIT ?""")) {
            ps.setInt(1, userId);
            ps.setInt(2, userId);
            ps.setInt(3, userId);
            ps.setArray(4, c.createArrayOf("bigint", exclude.toArray()));
            ps.setInt(5, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), 0, 0));
                }
            }
        }
        return out;
    }

    private boolean exists(Connection c, int userId) throws SQLException {
        return single(c, "SELECT id FROM auth_user WHERE id = ?", userId) != null;
    }

    private Long single(Connection c, String sql, long param) throws SQLException {
        jdbcStatements++;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private Long[] ids(Connection c, String sql, long param) throws SQLException {
        jdbcStatements++;
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out.toArray(Long[]::new);
    }

    private int count(PreparedStatement ps, long profileId, Array ids) throws SQLException {
        jdbcStatements++;
        ps.setLong(1, profileId);
        ps.setArray(2, ids);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
