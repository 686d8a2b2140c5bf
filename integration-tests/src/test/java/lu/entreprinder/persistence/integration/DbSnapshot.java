package lu.entreprinder.persistence.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import lu.entreprinder.persistence.core.Database;

/**
 * Row count and content checksum of every table (PostgreSQL: the sum of a 64-bit hash of each row's text; SQLite:
 * SHA-256 of the rows' quoted values in table order) of a database (Flyway's history and SQLite's full-text shadow
 * tables excepted), taken in one statement over plain JDBC (so that a value jOOQ cannot read, e.g. a timestamp
 * stored as {@code infinity}, does not break the check), for "a refused call changed no row of any table".
 */
final class DbSnapshot {

    private final Database db;
    private final String sql;
    /** SQLite: a connection of its own (outside the pool) whose {@code PRAGMA data_version} changes on every commit. */
    private final Connection watcher;
    private long dataVersion = -1;
    private State last;

    /** Table → "rows:checksum". */
    record State(Map<String, String> tables) {
        /** The tables whose count or content differ, with both values. */
        List<String> differences(State after) {
            List<String> out = new ArrayList<>();
            for (var e : tables.entrySet()) {
                String other = after.tables.get(e.getKey());
                if (!Objects.equals(e.getValue(), other)) {
                    out.add(e.getKey() + " " + e.getValue() + " -> " + other);
                }
            }
            return out;
        }
    }

    DbSnapshot(Database db) {
        this.db = db;
        List<String> parts = new ArrayList<>();
        for (String table : tables(db)) {
            if (db.isPostgres()) {
                parts.add("select '" + table + "', count(*), coalesce(sum(hashtextextended(x::text, 0)), 0)::text"
                        + " from " + table + " x"); // sql-constant: names from the catalog
            } else {
                List<String> columns = new ArrayList<>();
                for (var r : db.dsl().fetch("select name from pragma_table_info(?)", table)) {
                    columns.add("quote(\"" + r.get(0, String.class) + "\")");
                }
                parts.add("select '" + table + "', count(*), coalesce(group_concat(r, '|'), '') from (select "
                        + String.join(" || ',' || ", columns) + " as r from " + table + ")"); // sql-constant: names from the catalog
            }
        }
        this.sql = String.join(" union all ", parts);
        try {
            this.watcher = db.isSqlite() ? java.sql.DriverManager.getConnection(db.config().jdbcUrl()) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SQLite's data_version as seen by the watcher connection: it changes whenever another connection commits. */
    private long dataVersion() throws SQLException {
        try (var s = watcher.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> tables(Database db) {
        String sql = db.isPostgres()
                ? "select table_name from information_schema.tables where table_schema = current_schema()"
                  + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1"
                : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
                  + " and name <> 'flyway_schema_history' and sql not like 'CREATE VIRTUAL%'"
                  + " and name not like '%_fts_%' order by 1";
        return db.dsl().fetch(sql).getValues(0, String.class);
    }

    /**
     * The state now. On SQLite, when no connection committed since the last call (same {@code data_version}), the
     * last state is returned without reading the tables again.
     */
    State take() {
        Map<String, String> out = new TreeMap<>();
        try {
            if (watcher != null) {
                long version = dataVersion();
                if (version == dataVersion && last != null) {
                    return last;
                }
                dataVersion = version;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = db.dataSource().getConnection(); var s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String content = rs.getString(3);
                out.put(rs.getString(1), rs.getLong(2) + ":" + (db.isPostgres() ? content : sha256(content)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a snapshot of " + db, e);
        }
        last = new State(out);
        return last;
    }

    /** Total rows of all tables. */
    static long rows(State state) {
        return state.tables().values().stream().mapToLong(v -> Long.parseLong(v.substring(0, v.indexOf(':')))).sum();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
