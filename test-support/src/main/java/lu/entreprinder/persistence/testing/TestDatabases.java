package lu.entreprinder.persistence.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * Migrated databases shared by the tests of one JVM (one per backend, each with its own {@link TestClock}), and
 * fresh empty ones for migration tests. {@link #reset} empties every table between tests.
 */
public final class TestDatabases {

    private static final Map<Backend, Database> SHARED = new EnumMap<>(Backend.class);
    private static final Map<Backend, TestClock> CLOCKS = new EnumMap<>(Backend.class);
    private static final Map<Backend, List<String>> TABLES = new EnumMap<>(Backend.class);

    private TestDatabases() {
    }

    /** The migrated database of this backend, shared by every test of the JVM. Do not close it. */
    public static synchronized Database shared(Backend backend) {
        return SHARED.computeIfAbsent(backend, b -> {
            TestClock clock = new TestClock();
            CLOCKS.put(b, clock);
            Database db = Database.open(config(b, clock).migrateOnStart(true).build());
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "close-" + b));
            return db;
        });
    }

    /** The clock of {@link #shared(Backend)}. */
    public static synchronized TestClock clock(Backend backend) {
        shared(backend);
        return CLOCKS.get(backend);
    }

    /**
     * A configuration for a new, empty database of this backend (a random PostgreSQL database or a new SQLite file).
     * The caller opens and closes it.
     */
    public static DatabaseConfig.Builder config(Backend backend, TestClock clock) {
        String url = switch (backend) {
            case POSTGRESQL -> TestPostgres.server().createDatabase();
            case SQLITE -> "jdbc:sqlite:" + newSqliteFile();
        };
        return DatabaseConfig.builder(url).clock(clock).schema(DefaultSchema.DEFAULT_SCHEMA)
                .poolName("test-" + backend.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Path newSqliteFile() {
        try {
            Path dir = Files.createTempDirectory("entreprinder-sqlite");
            Path file = dir.resolve("test.db");
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary SQLite file", e);
        }
    }

    /**
     * Empties every table of the database (not Flyway's history) and restarts its identities; resets the clock and
     * the database's race seam (locks on, no pause hooks), so no test sees another's settings.
     */
    public static synchronized void reset(Backend backend) {
        Database db = shared(backend);
        clock(backend).reset();
        RaceSeam.of(db).reset();
        List<String> tables = TABLES.computeIfAbsent(backend, b -> tables(db));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (backend == Backend.POSTGRESQL) {
                s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE"); // sql-constant: names from the catalog
            } else {
                s.execute("PRAGMA foreign_keys = OFF");
                try {
                    s.execute("BEGIN IMMEDIATE");
                    try {
                        for (String table : tables) {
                            s.execute("DELETE FROM " + table); // sql-constant: names from the catalog
                        }
                        s.execute("DELETE FROM sqlite_sequence");
                        s.execute("COMMIT");
                    } catch (SQLException e) {
                        // The pool does not see a raw BEGIN: never hand it back with the write lock still held.
                        try {
                            s.execute("ROLLBACK");
                        } catch (SQLException rollbackFailure) {
                            e.addSuppressed(rollbackFailure);
                            if (db.dataSource() instanceof HikariDataSource pool) {
                                pool.evictConnection(c);
                            }
                        }
                        throw e;
                    }
                } finally {
                    s.execute("PRAGMA foreign_keys = ON");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the " + backend + " test database", e);
        }
    }

    private static List<String> tables(Database db) {
        List<String> tables = new ArrayList<>();
        String sql = db.isPostgres()
                ? "select table_name from information_schema.tables where table_schema = current_schema()"
                  + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1"
                : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
                  + " and name <> 'flyway_schema_history' and sql not like 'CREATE VIRTUAL%'"
                  + " and name not like '%_fts_%' order by 1";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + db, e);
        }
        return tables;
    }
}
