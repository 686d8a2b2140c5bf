package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import lu.entreprinder.persistence.core.TransactionAbortedException;
import org.postgresql.core.BaseConnection;

/**
 * PostgreSQL through JDBC's own transaction calls, so the pool sees the connection's state. Before COMMIT it asks
 * the driver for the server's transaction status (sent with every ReadyForQuery): a COMMIT of an aborted
 * transaction is turned into a ROLLBACK by the server and reported as success by the driver, so it is refused here.
 */
final class PostgresTransactions implements DialectTransactions {

    @Override
    public void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        if (serverReportsAborted(connection)) {
            throw new TransactionAbortedException("PostgreSQL had aborted this transaction: a statement in it failed"
                    + " outside the library's view (e.g. plain JDBC) and was caught; it was rolled back and nothing"
                    + " was committed", null);
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static boolean serverReportsAborted(Connection connection) throws SQLException {
        return connection.isWrapperFor(BaseConnection.class) && connection.unwrap(BaseConnection.class)
                .getTransactionState() == org.postgresql.core.TransactionState.FAILED;
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    @Override
    public Object savepoint(Connection connection, String name) throws SQLException {
        return connection.setSavepoint(name);
    }

    @Override
    public void release(Connection connection, Object savepoint) throws SQLException {
        connection.releaseSavepoint((Savepoint) savepoint);
    }

    @Override
    public void rollbackTo(Connection connection, Object savepoint) throws SQLException {
        connection.rollback((Savepoint) savepoint);
        connection.releaseSavepoint((Savepoint) savepoint);
    }
}
