package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.SQLDialect;

/** How one database begins, ends and nests transactions: each dialect's rules in one place. */
sealed interface DialectTransactions permits PostgresTransactions, SqliteTransactions {

    static DialectTransactions of(SQLDialect dialect) {
        return dialect.family() == SQLDialect.SQLITE ? new SqliteTransactions() : new PostgresTransactions();
    }

    void begin(Connection connection) throws SQLException;

    /**
     * Commits the transaction and leaves the connection in auto-commit mode.
     *
     * @throws lu.entreprinder.persistence.core.TransactionAbortedException if the database had already aborted the
     *         transaction, so a COMMIT would silently have rolled it back
     */
    void commit(Connection connection) throws SQLException;

    /** Rolls the transaction back and leaves the connection in auto-commit mode. */
    void rollback(Connection connection) throws SQLException;

    /** Sets a savepoint; the returned handle goes back to {@link #release} or {@link #rollbackTo}. */
    Object savepoint(Connection connection, String name) throws SQLException;

    void release(Connection connection, Object savepoint) throws SQLException;

    /** Rolls back to the savepoint and releases it, so nothing of the nested level stays open. */
    void rollbackTo(Connection connection, Object savepoint) throws SQLException;
}
