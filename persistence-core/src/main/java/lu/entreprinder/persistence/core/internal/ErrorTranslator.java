package lu.entreprinder.persistence.core.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.CheckViolationException;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.DataAccessFailureException;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.NotNullViolationException;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.QueryTimeoutException;
import lu.entreprinder.persistence.core.RetryableException;
import lu.entreprinder.persistence.core.RetryableException.Reason;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;

/** Turns driver and jOOQ errors into the library's one exception hierarchy. The only place that does. */
public final class ErrorTranslator {

    private static final Pattern SQLITE_UNIQUE_COLUMNS = Pattern.compile("UNIQUE constraint failed: ([\\w.,\\s]+)");
    private static final Pattern SQLITE_UNIQUE_INDEX = Pattern.compile("UNIQUE constraint failed: index '([^']+)'");
    private static final Pattern SQLITE_CHECK = Pattern.compile("CHECK constraint failed: (\\w+)");
    private static final Pattern PG_KEY_DETAIL = Pattern.compile("^Key \\(([^)]*)\\)=");
    private static final Pattern SQLITE_NOT_NULL = Pattern.compile("NOT NULL constraint failed: ([\\w.]+)");

    private final SQLDialect dialect;
    private final Schema schema;

    public ErrorTranslator(SQLDialect dialect, Schema schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    /** Translates any throwable met while talking to the database; library exceptions pass through unchanged. */
    public RuntimeException translate(Throwable error) {
        if (error instanceof PersistenceException pe) {
            return pe;
        }
        SQLException sql = findSqlException(error);
        if (sql == null) {
            return translateClientSide(error);
        }
        return dialect.family() == SQLDialect.SQLITE ? translateSqlite(sql, error) : translatePostgres(sql, error);
    }

    /**
     * Errors jOOQ raises itself, after the statement ran: no row for {@code fetchSingle} is a
     * {@link NotFoundException} (entity {@code row}); more rows than {@code fetchOne} allows, a record that cannot be
     * mapped, and any other jOOQ {@code DataAccessException} are a {@link DataAccessFailureException} (no SQLState).
     * Other runtime exceptions (a caller's own, thrown inside a transaction) pass through unchanged.
     */
    private static RuntimeException translateClientSide(Throwable error) {
        if (error instanceof NoDataFoundException) {
            return new NotFoundException("row", null, error);
        }
        if (error instanceof DataAccessException) {
            return new DataAccessFailureException(error.getMessage(), null, error);
        }
        return error instanceof RuntimeException re ? re : new DataAccessFailureException(error.toString(), null, error);
    }

    private static SQLException findSqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private RuntimeException translatePostgres(SQLException sql, Throwable original) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage();
        if (sql instanceof SQLTransientConnectionException && state.isEmpty() || isPoolTimeout(sql)) {
            return new RetryableException(Reason.POOL_EXHAUSTED, message, original);
        }
        String constraint = PostgresErrorDetails.constraint(sql);
        if (state.equals("23505") || state.equals("23503")) {
            constraint = libraryName(constraint, PostgresErrorDetails.table(sql), PostgresErrorDetails.detail(sql),
                    state.equals("23503"));
        }
        switch (state) {
            case "23505": return new ConflictException(message, constraint, original);
            case "23503": return new ForeignKeyViolationException(message, constraint, original);
            case "23514": return new CheckViolationException(message, constraint, original);
            case "23502": return new NotNullViolationException(message, PostgresErrorDetails.column(sql), original);
            case "40001": return new RetryableException(Reason.SERIALIZATION_FAILURE, message, original);
            case "40P01": return new RetryableException(Reason.DEADLOCK, message, original);
            case "55P03": return new RetryableException(Reason.LOCK_NOT_AVAILABLE, message, original);
            case "57014": return new QueryTimeoutException(message, original);
            default:
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return new RetryableException(Reason.CONNECTION_LOST, message, original);
                }
                return new DataAccessFailureException(message, sql.getSQLState(), original);
        }
    }

    /**
     * The name this library's schema gives the violated key. A database that Django made and the library adopted
     * keeps Django's hashed names ({@code crush_lu_eventregist_event_id_3c8a1ab4_fk_crush_lu_}); the key is found
     * by its table and the columns of the server's DETAIL line ({@code Key (event_id)=(99) …}), so callers see the
     * same name on every database. Unknown keys keep the server's name (the message always carries it).
     */
    String libraryName(String constraint, String table, String detail, boolean foreignKey) {
        if (schema == null || constraint == null || table == null || detail == null) {
            return constraint;
        }
        Matcher key = PG_KEY_DETAIL.matcher(detail);
        if (!key.find()) {
            return constraint;
        }
        Set<String> columns = new LinkedHashSet<>(Arrays.asList(key.group(1).split("\\s*,\\s*")));
        for (Table<?> t : schema.getTables()) {
            if (!t.getName().equals(table)) {
                continue;
            }
            List<? extends org.jooq.Key<?>> keys = foreignKey ? t.getReferences() : t.getKeys();
            for (org.jooq.Key<?> k : keys) {
                if (k.getName().equals(constraint)) {
                    return constraint;
                }
            }
            for (org.jooq.Key<?> k : keys) {
                Set<String> keyColumns = new LinkedHashSet<>();
                for (Field<?> f : k.getFields()) {
                    keyColumns.add(f.getName());
                }
                if (keyColumns.equals(columns)) {
                    return k.getName();
                }
            }
        }
        return constraint;
    }

    private static boolean isPoolTimeout(SQLException sql) {
        return sql instanceof SQLTransientConnectionException
                && sql.getMessage() != null && sql.getMessage().contains("Connection is not available");
    }

    private RuntimeException translateSqlite(SQLException sql, Throwable original) {
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        if (isPoolTimeout(sql)) {
            return new RetryableException(Reason.POOL_EXHAUSTED, message, original);
        }
        Matcher index = SQLITE_UNIQUE_INDEX.matcher(message);
        if (index.find()) {
            return new ConflictException(message, index.group(1), original);
        }
        Matcher unique = SQLITE_UNIQUE_COLUMNS.matcher(message);
        if (unique.find()) {
            return new ConflictException(message, uniqueKeyName(unique.group(1).trim()), original);
        }
        if (message.contains("PRIMARY KEY constraint failed") ) {
            return new ConflictException(message, null, original);
        }
        if (message.contains("FOREIGN KEY constraint failed")) {
            // SQLite names neither the constraint nor the column.
            return new ForeignKeyViolationException(message, null, original);
        }
        Matcher check = SQLITE_CHECK.matcher(message);
        if (check.find()) {
            return new CheckViolationException(message, check.group(1), original);
        }
        Matcher notNull = SQLITE_NOT_NULL.matcher(message);
        if (notNull.find()) {
            return new NotNullViolationException(message, notNull.group(1), original);
        }
        String upper = message.toUpperCase(Locale.ROOT);
        if (upper.contains("SQLITE_BUSY") || upper.contains("DATABASE IS LOCKED") || upper.contains("SQLITE_LOCKED")) {
            return new RetryableException(Reason.DATABASE_BUSY, message, original);
        }
        return new DataAccessFailureException(message, sql.getSQLState(), original);
    }

    /** Maps SQLite's "table.col, table.col" back to the unique key declared with those columns. */
    String uniqueKeyName(String columnList) {
        String[] qualified = columnList.split("\\s*,\\s*");
        String table = qualified[0].substring(0, qualified[0].indexOf('.'));
        Set<String> columns = new LinkedHashSet<>();
        Arrays.stream(qualified).map(c -> c.substring(c.indexOf('.') + 1)).forEach(columns::add);
        if (schema != null) {
            for (Table<?> t : schema.getTables()) {
                if (!t.getName().equals(table)) {
                    continue;
                }
                for (UniqueKey<?> key : t.getKeys()) {
                    Set<String> keyColumns = new LinkedHashSet<>();
                    for (Field<?> f : key.getFields()) {
                        keyColumns.add(f.getName());
                    }
                    if (keyColumns.equals(columns)) {
                        return key.getName();
                    }
                }
            }
        }
        return columnList;
    }
}
