package lu.entreprinder.persistence.spring;

import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.ExternalTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions on one {@link DataSource}, for the library to join (see {@link ExternalTransactions}): the
 * connection is the one Spring bound to the transaction ({@link DataSourceUtils}), after-commit hooks are
 * {@link TransactionSynchronization#afterCommit()} callbacks, and rollback-only is set on Spring's
 * {@link ConnectionHolder}, which {@code DataSourceTransactionManager} honours at commit (it rolls back and throws
 * {@code UnexpectedRollbackException}). Use it with a {@code DataSourceTransactionManager} (or
 * {@code JdbcTransactionManager}) on the same {@code DataSource}.
 */
public final class SpringTransactions implements ExternalTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(SpringTransactions.class);

    private final DataSource dataSource;

    /** Joins the Spring transactions that run on {@code dataSource} (the one the transaction manager uses). */
    public SpringTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean isActive() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive();
    }

    @Override
    public Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    @Override
    public void afterCommit(Runnable hook) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    // The data is committed: a failing hook is the hook's problem, not the transaction's.
                    LOG.error("after-commit hook failed; the transaction stays committed", e);
                }
            }
        });
    }

    @Override
    public void setRollbackOnly() {
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            holder.setRollbackOnly();
        }
    }
}
