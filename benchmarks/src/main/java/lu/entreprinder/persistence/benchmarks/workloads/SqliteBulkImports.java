package lu.entreprinder.persistence.benchmarks.workloads;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import lu.entreprinder.persistence.benchmarks.data.DataSet;
import lu.entreprinder.persistence.benchmarks.data.RowSink;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.schema.generated.tables.records.UserRecord;
import lu.entreprinder.persistence.schema.types.UtcTimestampBinding;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Workload 4 on SQLite: import {@code n} new users into a SQLite file that the library creates and migrates, in one
 * transaction, three ways: {@link Database#bulkInsert} (multi-row INSERTs), the library row by row (each record's
 * {@code insert()} in one {@code useTransaction}: what Django's {@code .save()} in a loop inside {@code atomic}
 * does, one {@code INSERT … RETURNING id} per row), and hand-written JDBC row by row (one {@code PreparedStatement}
 * reused for every row, in one transaction: the fastest row-by-row a careful JDBC user writes). The same generated
 * values as the PostgreSQL import ({@link DataSet#importUsers}); {@link #cleanUp} removes them afterwards.
 */
public final class SqliteBulkImports implements AutoCloseable {

    private static final long SEED = 42;

    private final Path file;
    private final Database db;
    private final int rows;
    private int round;

    public SqliteBulkImports(Path file, int rows) {
        this.file = file;
        this.rows = rows;
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        this.db = Database.open(DatabaseConfig.builder("jdbc:sqlite:" + file.toAbsolutePath())
                .schema(DefaultSchema.DEFAULT_SCHEMA).migrateOnStart(true).build());
    }

    public Database db() {
        return db;
    }

    private String nextPrefix(String variant) {
        return variant + "_" + (++round);
    }

    /** {@code Database.bulkInsert}: records built as in the PostgreSQL variant, then one call. */
    public int library() {
        List<UserRecord> records = new ArrayList<>(rows);
        DataSet.importUsers(new Records(db, records), nextPrefix("lib"), rows, SEED);
        db.bulkInsert(USER, records);
        return rows;
    }

    /** The library row by row: each record's {@code insert()} (INSERT … RETURNING id) in one transaction. */
    public int rowByRow() {
        List<UserRecord> records = new ArrayList<>(rows);
        DataSet.importUsers(new Records(db, records), nextPrefix("row"), rows, SEED);
        db.useTransaction(tx -> {
            for (UserRecord record : records) {
                record.insert();
            }
        });
        return rows;
    }

    /** Hand-written JDBC row by row: one reused {@code PreparedStatement}, one transaction. */
    public int jdbcRowByRow() {
        String prefix = nextPrefix("jdbc");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                DataSet.importUsers(new JdbcRows(c), prefix, rows, SEED);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** A checksum of the imported users' values (username and e-mail without their variant prefix). */
    public String checksum() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT username, password, last_login, is_superuser, first_name, last_name, email, is_staff,
                            is_active, date_joined FROM auth_user WHERE email LIKE '%@import.example.lu' ORDER BY id""")) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            int n = 0;
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    String v = rs.getString(i);
                    row.append(i == 1 || i == 7 ? v.replaceFirst("^.*?_\\d+_", "") : v).append('|');
                }
                md5.update(row.toString().getBytes(StandardCharsets.UTF_8));
                n++;
            }
            return n + ":" + HexFormat.of().formatHex(md5.digest());
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the imported users and VACUUMs, so every round starts from the same file. */
    public void cleanUp() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM auth_user WHERE email LIKE '%@import.example.lu'");
            s.execute("VACUUM");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generated rows as attached {@code UserRecord}s with their columns set through the typed fields. */
    private static final class Records implements RowSink {
        private final Database db;
        private final List<UserRecord> records;

        Records(Database db, List<UserRecord> records) {
            this.db = db;
            this.records = records;
        }

        @Override
        public void begin(Table<?> table, List<Field<?>> fields) {
            if (table != USER || !fields.equals(DataSet.importUserFields())) {
                throw new IllegalArgumentException("imports users only");
            }
        }

        @Override
        public void row(Object... v) {
            UserRecord record = db.dsl().newRecord(USER); // typed setters, as LibraryBulkSink builds them
            record.setPassword((String) v[0]);
            record.setLastLogin((OffsetDateTime) v[1]);
            record.setIsSuperuser((Boolean) v[2]);
            record.setUsername((String) v[3]);
            record.setFirstName((String) v[4]);
            record.setLastName((String) v[5]);
            record.setEmail((String) v[6]);
            record.setIsStaff((Boolean) v[7]);
            record.setIsActive((Boolean) v[8]);
            record.setDateJoined((OffsetDateTime) v[9]);
            records.add(record);
        }

        @Override
        public void end() {
        }

        @Override
        public void inTransaction(Runnable body) {
            body.run();
        }
    }

    /** One reused {@code PreparedStatement}, values in SQLite's stored forms (the library's timestamp text). */
    private static final class JdbcRows implements RowSink {
        private final Connection connection;
        private PreparedStatement statement;

        JdbcRows(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void begin(Table<?> table, List<Field<?>> fields) {
            String sql = "INSERT INTO " + table.getName() + " (" // sql-constant: generated names
                    + String.join(", ", fields.stream().map(Field::getName).toList()) + ") VALUES ("
                    + String.join(", ", fields.stream().map(f -> "?").toList()) + ")";
            try {
                statement = connection.prepareStatement(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void row(Object... values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    statement.setObject(i + 1, v instanceof OffsetDateTime t ? UtcTimestampBinding.toSqliteText(t) : v);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void end() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void inTransaction(Runnable body) {
            body.run();
        }
    }
}
