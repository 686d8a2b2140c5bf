package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQLite through plain statements: {@code BEGIN IMMEDIATE} takes the write lock at the start, so concurrent writers
 * queue on the busy timeout instead of failing at their first write. The driver and the pool do not see these
 * statements (the connection stays in auto-commit mode for them), which is why a connection whose ROLLBACK failed
 * must be evicted, never returned to the pool: it may still hold the write lock.
 */
final class SqliteTransactions implements DialectTransactions {

    @Override
    public void begin(Connection connection) throws SQLException {
        SqlScript.execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        SqlScript.execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        SqlScript.execute(connection, "ROLLBACK");
    }

    @Override
    public Object savepoint(Connection connection, String name) throws SQLException {
        SqlScript.execute(connection, "SAVEPOINT " + name); // sql-constant: name is "sp_<depth>"
        return name;
    }

    @Override
    public void release(Connection connection, Object savepoint) throws SQLException {
        SqlScript.execute(connection, "RELEASE " + savepoint); // sql-constant: name is "sp_<depth>"
    }

    @Override
    public void rollbackTo(Connection connection, Object savepoint) throws SQLException {
        SqlScript.execute(connection, "ROLLBACK TO " + savepoint); // sql-constant: name is "sp_<depth>"
        SqlScript.execute(connection, "RELEASE " + savepoint); // sql-constant: name is "sp_<depth>"
    }
}
