package lu.entreprinder.persistence.benchmarks.workloads;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import lu.entreprinder.persistence.benchmarks.data.CopySink;
import lu.entreprinder.persistence.benchmarks.data.DataSet;
import lu.entreprinder.persistence.benchmarks.data.JdbcBatchSink;
import lu.entreprinder.persistence.benchmarks.data.LibraryBatchSink;
import lu.entreprinder.persistence.benchmarks.data.LibraryBulkSink;
import lu.entreprinder.persistence.core.Database;

/**
 * Workload 4: import {@code n} new users (an account CSV: ten columns, unique username and case-insensitive unique
 * e-mail, so every index is maintained) in one transaction. The library's batch path ({@link LibraryBatchSink})
 * against PostgreSQL COPY ({@link CopySink}), from the same generated values. {@link #cleanUp} removes the imported
 * rows afterwards (outside the measurement).
 */
public final class BulkImports {

    /** Every import writes the same values (only the username prefix differs), so the variants can be compared. */
    private static final long SEED = 42;

    private final Database db;
    private final int rows;
    private int round;
    private long lastStatements;

    public BulkImports(Database db, int rows) {
        this.db = db;
        this.rows = rows;
    }

    public int rows() {
        return rows;
    }

    private String nextPrefix(String variant) {
        return variant + "_" + ProcessHandle.current().pid() + "_" + (++round);
    }

    /** The library's bulk API, {@code Database.bulkInsert} (one COPY on PostgreSQL). Returns the rows. */
    public int library() {
        return library(LibraryBulkSink.Mode.BULK_INSERT, "lib");
    }

    /** Diagnostic: {@code bulkInsert} of records built with the generic {@code set(field, value)}. */
    public int libraryGenericRecords() {
        return library(LibraryBulkSink.Mode.GENERIC_RECORDS, "libgen");
    }

    /** Diagnostic: the library's COPY writer held to the text format. */
    public int libraryTextCopy() {
        return library(LibraryBulkSink.Mode.TEXT_COPY, "libtext");
    }

    private int library(LibraryBulkSink.Mode mode, String variant) {
        LibraryBulkSink sink = new LibraryBulkSink(db, mode);
        String prefix = nextPrefix(variant);
        sink.inTransaction(() -> DataSet.importUsers(sink, prefix, rows, SEED));
        lastStatements = sink.statements();
        return rows;
    }

    /** The library's batch path: jOOQ batch through {@code Database.dsl()}, in {@code inTransaction}. */
    public int libraryBatch() {
        return library(LibraryBatchSink.Template.FIRST_ROW, "libbatch");
    }

    /** The library's batch path with a plain-SQL INSERT (values bypass the typed fields' bindings). */
    public int libraryPlainSql() {
        return library(LibraryBatchSink.Template.PLAIN_SQL, "libsql");
    }

    /** The library's batch path with the {@code null}-placeholder template of jOOQ's manual. */
    public int libraryNullTemplate() {
        return library(LibraryBatchSink.Template.NULLS, "libnull");
    }

    private int library(LibraryBatchSink.Template template, String variant) {
        LibraryBatchSink sink = new LibraryBatchSink(db, template);
        String prefix = nextPrefix(variant);
        sink.inTransaction(() -> DataSet.importUsers(sink, prefix, rows, SEED));
        lastStatements = sink.batches();
        return rows;
    }

    /** Hand-written JDBC batches ({@code executeBatch}) on a connection of the same pool. */
    public int jdbcBatch() {
        JdbcBatchSink sink = new JdbcBatchSink(db.dataSource());
        String prefix = nextPrefix("jdbc");
        sink.inTransaction(() -> DataSet.importUsers(sink, prefix, rows, SEED));
        lastStatements = sink.batches();
        return rows;
    }

    /** COPY through pgjdbc's CopyManager, on a connection of the same pool. Returns the rows. */
    public int copy() {
        CopySink sink = new CopySink(db.dataSource());
        String prefix = nextPrefix("copy");
        sink.inTransaction(() -> DataSet.importUsers(sink, prefix, rows, SEED));
        lastStatements = 1;
        return rows;
    }

    /** JDBC batches (library) or COPY statements of the last import. */
    public long lastStatements() {
        return lastStatements;
    }

    /**
     * A checksum of the imported users' values (username without its variant prefix), to check that two variants
     * wrote the same rows.
     */
    public String checksum() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     SELECT count(*) || ':' || md5(string_agg(concat_ws('|', regexp_replace(username, '^.*_', ''),
                            password, last_login, is_superuser, first_name, last_name,
                            regexp_replace(email, '^.*_', ''), is_staff, is_active, date_joined), ',' ORDER BY id))
                     FROM auth_user WHERE email LIKE '%@import.example.lu'""")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes every imported user ({@code email LIKE '%@import.example.lu'}) without firing the foreign-key
     * triggers (nothing references them), then VACUUMs {@code auth_user} so every round starts from the same state.
     */
    public void cleanUp() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM auth_user WHERE email LIKE '%@import.example.lu'");
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("VACUUM ANALYZE auth_user");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
