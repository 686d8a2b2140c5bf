package lu.entreprinder.persistence.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lu.entreprinder.persistence.benchmarks.data.DataSet;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * What every benchmark of one JVM shares: the {@link Database} over the data set the launcher
 * ({@link BenchmarkMain}) loaded, found through the system properties {@value #URL} and {@value #SCALE}, and the
 * (deterministic) inputs: random user and plot ids, and users to rank candidates for.
 */
public final class Fixture {

    public static final String URL = "bench.jdbcUrl";
    public static final String SCALE = "bench.scale";

    private static Fixture instance;

    public final Database db;
    public final DataSet.Spec spec;
    /** 1024 random existing user ids (power of two: index with {@code & 1023}). */
    public final int[] userIds = new int[1024];
    public final long[] plotIds = new long[1024];
    /** 16 active users with an entrepreneur profile. */
    public final int[] candidateUsers;
    /** 1024 random Crush.lu users (the viewers of workloads 1 and 2). */
    public final int[] viewerIds = new int[1024];
    /** Up to 64 published, public events (workload 2's detail pages). */
    public final long[] detailEventIds;

    private Fixture(String url, double scale) {
        this.db = Database.open(DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA).maximumPoolSize(4)
                .build());
        this.spec = DataSet.Spec.of(scale);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < userIds.length; i++) {
            userIds[i] = 1 + r.nextInt(spec.users());
            plotIds[i] = 1 + r.nextInt(spec.plots());
        }
        this.candidateUsers = candidateUsers(db, 16);
        for (int i = 0; i < viewerIds.length; i++) {
            viewerIds[i] = 1 + r.nextInt(spec.crushUsers());
        }
        this.detailEventIds = detailEvents(db, 64);
    }

    /** The shared fixture of this JVM. */
    public static synchronized Fixture get() {
        if (instance == null) {
            String url = System.getProperty(URL);
            if (url == null) {
                throw new IllegalStateException("-D" + URL + " is not set: run the benchmarks through "
                        + "the launcher lu.entreprinder.persistence.benchmarks.BenchmarkMain (see benchmarks/README.md)");
            }
            instance = new Fixture(url, Double.parseDouble(System.getProperty(SCALE, "1.0")));
        }
        return instance;
    }

    private static long[] detailEvents(Database db, int n) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id FROM crush_lu_meetupevent WHERE is_published AND NOT is_private_invitation
                     ORDER BY md5(id::text) LIMIT ?""")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static int[] candidateUsers(Database db, int n) {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT u.id FROM auth_user u JOIN entreprinder_entrepreneurprofile p ON p.user_id = u.id
                     WHERE u.is_active ORDER BY md5(u.id::text) LIMIT ?""")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
