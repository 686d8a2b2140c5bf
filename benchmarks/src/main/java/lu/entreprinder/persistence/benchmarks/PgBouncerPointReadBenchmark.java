package lu.entreprinder.persistence.benchmarks;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import org.jooq.Field;
import org.jooq.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A point read (one row by primary key, through the library) directly and through PgBouncer in transaction mode,
 * with pgjdbc's server-side prepared statements ({@code prepareThreshold=5}, the driver's default) and without them
 * ({@code prepareThreshold=0}, what PgBouncer 1.18 in transaction mode needs). Not part of {@code BenchmarkMain}'s
 * data set: it builds its own 10,000-row table in a database of its own, dropped afterwards.
 *
 * <p>Run (see docs/SCALING.md): start PgBouncer with {@code scripts/pgbouncer/start.sh}, then
 * {@code java -cp … org.openjdk.jmh.Main PgBouncerPointRead -jvmArgsAppend "-Dbench.directUrl=jdbc:postgresql://127.0.0.1:5432/test?user=postgres -Dbench.pgbouncerUrl=jdbc:postgresql://127.0.0.1:<port>/test?user=postgres"}.
 * A combination that fails (server-side prepared statements through transaction pooling can) fails its trial, which
 * JMH reports; that is a finding, not a bug of the benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PgBouncerPointReadBenchmark {

    private static final Table<?> ITEM = table("bench_point_item");
    private static final Field<Integer> ID = field("id", Integer.class);
    private static final Field<String> NAME = field("name", String.class);
    private static final int ROWS = 10_000;

    @Param({"direct", "pgbouncer"})
    public String route;

    @Param({"5", "0"})
    public String prepareThreshold;

    private String databaseName;
    private String adminUrl;
    private Database db;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String direct = System.getProperty("bench.directUrl", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String bouncer = System.getProperty("bench.pgbouncerUrl");
        if (bouncer == null || bouncer.isBlank() || bouncer.equals("none")) {
            throw new IllegalStateException("set -Dbench.pgbouncerUrl=jdbc:postgresql://127.0.0.1:<port>/test?user=postgres"
                    + " (start PgBouncer with scripts/pgbouncer/start.sh)");
        }
        adminUrl = direct;
        databaseName = "bench_point_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        execute(adminUrl, "create database " + databaseName);
        String base = withDatabase(route.equals("direct") ? direct : bouncer, databaseName);
        execute(withDatabase(direct, databaseName), "create table bench_point_item (id int primary key, name text not null);"
                + " insert into bench_point_item select g, 'item ' || g from generate_series(1, " + ROWS + ") g;"
                + " analyze bench_point_item");
        db = Database.open(DatabaseConfig.builder(base + "&prepareThreshold=" + prepareThreshold)
                .maximumPoolSize(2).poolName("bench-" + route + "-" + prepareThreshold).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
        execute(adminUrl, "drop database if exists " + databaseName + " with (force)");
    }

    @Benchmark
    public String pointRead() {
        next = next % ROWS + 1;
        return db.dsl().select(NAME).from(ITEM).where(ID.eq(next)).fetchOne(NAME);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash) + "/" + database + (query < 0 ? "?" : url.substring(query));
    }
}
