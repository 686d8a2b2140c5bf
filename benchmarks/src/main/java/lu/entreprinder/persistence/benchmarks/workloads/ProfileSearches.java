package lu.entreprinder.persistence.benchmarks.workloads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.entreprinder.ProfileHit;
import lu.entreprinder.persistence.entreprinder.SearchDao;

/**
 * Workload 5: full-text search over the entrepreneur profiles (headline weight A, bio weight B), the best
 * {@value #LIMIT} by {@code ts_rank}, ties by id. Three ways, all returning the same {@code List<ProfileHit>}:
 * <ul>
 *   <li>{@link #library}: {@link SearchDao#searchProfiles} (one statement: several words rank the stored vector of
 *       V18 through its GIN index; one word reads its stored rank (V24) from an index, best first);</li>
 *   <li>{@link #like}: what is written without a full-text index: every word {@code ILIKE '%word%'} on headline or
 *       bio (Django's {@code icontains}), a sequential scan of every profile; the rows found are ranked with the same
 *       {@code ts_rank} so that the answers can be compared (for the queries below, whole words without accents,
 *       substring and word matches are the same rows);</li>
 *   <li>{@link #jdbc}: hand-written JDBC with the same strategy on the same schema: several words rank the stored
 *       vector, one word reads the stored ranks of V24;</li>
 *   <li>{@link #vector}: the one-word query as it was before V24, ranking the stored vector of every hit (the
 *       lever's reference, run for the common words only).</li>
 * </ul>
 * The queries combine a role, a town and a year of the generated profiles ({@code "<role> in <town>"},
 * {@code "... since <year>."}): about 1 profile in 2,500 matches all three words. {@link #COMMON_QUERIES} are single
 * roles: about 1 profile in 8.
 */
public final class ProfileSearches {

    public static final int LIMIT = 20;

    /** Rotated by the benchmarks; every word occurs as a whole word only in the generated text. */
    public static final String[] QUERIES = {"Chef Wiltz 2003", "Investor Remich 2011", "CTO Clervaux 2020",
            "Designer Vianden 2008", "Founder Echternach 2015", "Marketer Diekirch 2001", "Engineer Dudelange 2019",
            "Consultant Grevenmacher 2024"};

    /**
     * Common words (issue 17): one role each, so each matches about 1 profile in 8 (≈ 12,500 of 100,000 at scale 1.0,
     * checked ≥ 10,000 by the launcher), in headline and bio alike. Ranking every hit is what made such a search slow.
     */
    public static final String[] COMMON_QUERIES = {"Founder", "CTO", "Designer", "Consultant", "Engineer", "Investor",
            "Marketer", "Chef"};

    /** The stored, GIN-indexed vector of V18: what a competent hand-written query uses once it exists. */
    private static final String VECTOR = "p.search_vector";

    static final String FTS_SQL = "SELECT p.id, p.user_id, p.headline, ts_rank(" + VECTOR
            + ", plainto_tsquery('simple', search_fold(?))) AS rank FROM entreprinder_entrepreneurprofile p WHERE "
            + VECTOR + " @@ plainto_tsquery('simple', search_fold(?)) ORDER BY rank DESC, p.id LIMIT ?";

    /** One word, as a hand-written query reads it once V24 stores each word's rank: best first from the index. */
    static final String TERM_SQL = "SELECT p.id, p.user_id, p.headline, t.rank FROM entreprinder_profile_search_term t"
            + " JOIN entreprinder_entrepreneurprofile p ON p.id = t.profile_id"
            + " WHERE t.lexeme = (tsvector_to_array(to_tsvector('simple', search_fold(?))))[1]"
            + " ORDER BY t.rank DESC, t.profile_id LIMIT ?";

    private final SearchDao dao;
    private final DataSource dataSource;
    private final String[] likeSql = new String[8];
    private long jdbcStatements;

    public ProfileSearches(Database db) {
        this.dao = new SearchDao(db);
        this.dataSource = db.dataSource();
    }

    public long jdbcStatements() {
        return jdbcStatements;
    }

    public List<ProfileHit> library(String words) {
        return dao.searchProfiles(words, LIMIT);
    }

    public List<ProfileHit> jdbc(String words) {
        List<String> list = words(words);
        if (list.size() == 1) {
            jdbcStatements++;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TERM_SQL)) {
                ps.setString(1, list.get(0));
                ps.setInt(2, LIMIT);
                return hits(ps);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return vector(words);
    }

    /** JDBC ranking the stored vector of every hit (V18), whatever the number of words. */
    public List<ProfileHit> vector(String words) {
        jdbcStatements++;
        String plain = String.join(" ", words(words));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FTS_SQL)) {
            ps.setString(1, plain);
            ps.setString(2, plain);
            ps.setInt(3, LIMIT);
            return hits(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many profiles match every word (the hits a search ranks), for the launcher's report. */
    public long matching(String words) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM entreprinder_entrepreneurprofile p WHERE " + VECTOR
                        + " @@ plainto_tsquery('simple', search_fold(?))")) {
            ps.setString(1, String.join(" ", words(words)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ProfileHit> like(String words) {
        List<String> list = words(words);
        jdbcStatements++;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(likeSql(list.size()))) {
            int i = 1;
            ps.setString(i++, String.join(" ", list));
            for (String w : list) {
                String pattern = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                ps.setString(i++, pattern);
                ps.setString(i++, pattern);
            }
            ps.setInt(i, LIMIT);
            return hits(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code WHERE (headline ILIKE ? OR bio ILIKE ?) AND ...} for {@code n} words (placeholders only). */
    private String likeSql(int n) {
        if (n < likeSql.length && likeSql[n] != null) {
            return likeSql[n];
        }
        StringBuilder b = new StringBuilder("SELECT p.id, p.user_id, p.headline, ts_rank(").append(VECTOR)
                .append(", plainto_tsquery('simple', search_fold(?))) AS rank FROM entreprinder_entrepreneurprofile p"
                        + " WHERE true");
        for (int k = 0; k < n; k++) {
            b.append(" AND (p.headline ILIKE ? OR p.bio ILIKE ?)");
        }
        String sql = b.append(" ORDER BY rank DESC, p.id LIMIT ?").toString();
        if (n < likeSql.length) {
            likeSql[n] = sql;
        }
        return sql;
    }

    private static List<String> words(String input) {
        List<String> out = new ArrayList<>();
        for (String w : input.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<ProfileHit> hits(PreparedStatement ps) throws SQLException {
        List<ProfileHit> out = new ArrayList<>(LIMIT);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // ts_rank is a real: read as a float (exact in text and binary transfer alike), then widened
                out.add(new ProfileHit(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getFloat(4)));
            }
        }
        return out;
    }
}
