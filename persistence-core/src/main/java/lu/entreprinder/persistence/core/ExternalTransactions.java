package lu.entreprinder.persistence.core;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A transaction manager outside the library whose transactions the library joins, such as Spring's (the
 * {@code persistence-spring} module implements it). Set with {@link DatabaseConfig.Builder#externalTransactions}.
 *
 * <p>While {@link #isActive()} on a thread, {@link Database#inTransaction} runs as a savepoint on the external
 * transaction's connection (so the external rollback undoes it, and an expected failure inside it can still be
 * caught), its after-commit hooks run after the external commit, and a statement that fails outside any
 * {@code inTransaction} marks the external transaction rollback-only, so it can never be reported committed.
 * Every method is called on the thread that runs the external transaction.
 */
public interface ExternalTransactions {

    /** True when the calling thread runs inside an external transaction on the database's {@code DataSource}. */
    boolean isActive();

    /**
     * The external transaction's connection; the library gives it back with {@link #release}.
     *
     * @throws SQLException if the connection cannot be had
     */
    Connection connection() throws SQLException;

    /** Gives back a connection obtained from {@link #connection()} (it stays the external transaction's). */
    void release(Connection connection);

    /** Runs {@code hook} once after the external transaction commits; never after it rolls back. */
    void afterCommit(Runnable hook);

    /** Makes the external transaction roll back at its end, whatever its owner then asks for. */
    void setRollbackOnly();
}
