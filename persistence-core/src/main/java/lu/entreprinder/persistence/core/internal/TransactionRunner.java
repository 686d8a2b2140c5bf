package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.DatabaseObserver;
import lu.entreprinder.persistence.core.ExternalTransactions;
import lu.entreprinder.persistence.core.RetryableException;
import lu.entreprinder.persistence.core.TransactionAbortedException;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs transactions: the outermost level on a connection of its own, nested levels as savepoints, the poisoned
 * transaction rule, after-commit hooks, and connections that go back to the pool clean or not at all. The dialect's
 * own statements live in {@link DialectTransactions}.
 */
public final class TransactionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

    private final DataSource dataSource;
    private final Consumer<Connection> evict;
    private final DialectTransactions dialect;
    private final ErrorTranslator translator;
    private final ExternalTransactions external;
    private final DatabaseObserver observer;
    private final ThreadLocal<TransactionState> current = new ThreadLocal<>();
    private volatile Consumer<Connection> commitObserver;

    /**
     * @param dataSource where outermost transactions borrow their connection
     * @param evict      closes a borrowed connection for good instead of returning it (its state is unknown)
     * @param external   an external transaction manager to join, or null
     */
    public TransactionRunner(DataSource dataSource, Consumer<Connection> evict, org.jooq.SQLDialect dialect,
                             ErrorTranslator translator, ExternalTransactions external, DatabaseObserver observer) {
        this.dataSource = dataSource;
        this.evict = evict;
        this.dialect = DialectTransactions.of(dialect);
        this.translator = translator;
        this.external = external;
        this.observer = observer;
    }

    /** True when the calling thread runs inside a joined external transaction (and not in one of ours). */
    public boolean externalActive() {
        return external != null && external.isActive();
    }

    /** Hands {@code hook} to the external transaction when one is active; false when there is none. */
    public boolean afterExternalCommit(Runnable hook) {
        if (!externalActive()) {
            return false;
        }
        external.afterCommit(hook);
        return true;
    }

    /**
     * A statement of {@code configuration} failed in the database: poisons its transaction level, or marks the
     * joined external transaction rollback-only when it ran outside any level of ours.
     */
    public void statementFailed(Configuration configuration, RuntimeException failure) {
        TransactionState transaction = transactionOf(configuration);
        if (transaction != null) {
            transaction.poisonInnermost(failure);
        } else if (externalActive()) {
            external.setRollbackOnly();
        }
    }

    /**
     * Calls {@code observer} on the committing thread with the connection right after each outermost commit,
     * before the after-commit hooks (read replicas capture the commit's WAL position there). It must not throw.
     */
    public void observeCommits(Consumer<Connection> observer) {
        this.commitObserver = observer;
    }

    /** The innermost open level of the calling thread's transaction, or null outside one. */
    public TransactionState current() {
        return current.get();
    }

    /**
     * The transaction a jOOQ statement runs in: the level its context is bound to ({@code Transaction.dsl()}), else
     * the calling thread's ({@code Database.dsl()}), else none (auto-commit).
     */
    public TransactionState transactionOf(Configuration configuration) {
        return configuration.connectionProvider() instanceof TransactionBoundConnectionProvider bound
                ? bound.state() : current.get();
    }

    /** Runs {@code work} as a savepoint of the thread's transaction, or as a new transaction when there is none. */
    public <T> T run(Function<TransactionState, T> work) {
        TransactionState outer = current.get();
        if (outer != null) {
            return nested(outer, work);
        }
        if (externalActive()) {
            return joined(work);
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw translator.translate(e);
        }
        return outermost(connection, true, work);
    }

    /**
     * Runs {@code work} as an outermost transaction on a connection the caller owns and closes (migrations need
     * connection settings of their own). A connection whose rollback failed is evicted all the same.
     */
    public <T> T runOn(Connection connection, Function<TransactionState, T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("a transaction on another connection cannot start inside a transaction");
        }
        return outermost(connection, false, work);
    }

    /**
     * Runs {@code work} as a savepoint of the external transaction: its rollback stays local, its hooks go to the
     * external commit, and a savepoint that cannot even roll back makes the external transaction rollback-only.
     */
    private <T> T joined(Function<TransactionState, T> work) {
        Connection connection;
        try {
            connection = external.connection();
        } catch (SQLException e) {
            throw translator.translate(e);
        }
        TransactionState root = TransactionState.outermost(connection);
        current.set(root);
        try {
            T result = nested(root, work);
            for (Runnable hook : root.afterCommitHooks()) {
                external.afterCommit(hook);
            }
            return result;
        } finally {
            current.remove();
            root.end();
            if (root.poison() != null) {
                external.setRollbackOnly();
            }
            external.release(connection);
        }
    }

    private <T> T outermost(Connection connection, boolean giveBack, Function<TransactionState, T> work) {
        long started = System.nanoTime();
        String outcome = "failed";
        TransactionState state = TransactionState.outermost(connection);
        boolean clean = true;
        Throwable failure = null;
        T result;
        try {
            try {
                dialect.begin(connection);
            } catch (SQLException e) {
                clean = false;
                throw translator.translate(e);
            }
            current.set(state);
            try {
                result = work.apply(state);
            } catch (Throwable e) {
                outcome = "rolled_back";
                throw e;
            } finally {
                current.remove();
                state.end();
            }
            RuntimeException poison = state.poison();
            if (poison != null) {
                outcome = "poisoned";
                throw aborted(poison);
            }
            commit(connection);
            observeCommit(connection);
            outcome = "committed";
        } catch (Throwable e) {
            failure = e;
            if (clean) {
                clean = rollback(connection, e);
            }
            throw rethrowable(e);
        } finally {
            if (giveBack || !clean) {
                release(connection, clean, failure);
            }
            if (observer != DatabaseObserver.NONE) {
                observe(outcome, started);
            }
        }
        runHooks(state.afterCommitHooks());
        return result;
    }

    private void observeCommit(Connection connection) {
        Consumer<Connection> hook = commitObserver;
        if (hook != null) {
            try {
                hook.accept(connection);
            } catch (RuntimeException e) {
                LOG.warn("commit observer failed; the transaction stays committed", e);
            }
        }
    }

    private void observe(String outcome, long started) {
        try {
            observer.transaction(outcome, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.warn("the DatabaseObserver failed; ignored", e);
        }
    }

    private void commit(Connection connection) {
        try {
            dialect.commit(connection);
        } catch (SQLException e) {
            RuntimeException translated = translator.translate(e);
            if (translated instanceof RetryableException r && r.reason() == RetryableException.Reason.CONNECTION_LOST) {
                throw new RetryableException(RetryableException.Reason.COMMIT_OUTCOME_UNKNOWN,
                        "the connection broke during COMMIT, so the transaction may or may not have committed: "
                        + e.getMessage(), e);
            }
            throw translated;
        }
    }

    /** Rolls the transaction back; false when that failed, so the connection must not be reused. */
    private boolean rollback(Connection connection, Throwable cause) {
        try {
            dialect.rollback(connection);
            return true;
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    private void release(Connection connection, boolean clean, Throwable failure) {
        try {
            if (clean) {
                connection.close();
            } else {
                LOG.warn("evicting a connection whose transaction could not be rolled back");
                evict.accept(connection);
            }
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("could not return a connection to the pool", e);
            }
        }
    }

    private <T> T nested(TransactionState outer, Function<TransactionState, T> work) {
        RuntimeException poison = outer.poisonOfInnermost();
        if (poison != null) {
            throw aborted(poison);
        }
        Connection connection = outer.connection();
        Object savepoint;
        try {
            savepoint = dialect.savepoint(connection, "sp_" + (outer.depth() + 1));
        } catch (SQLException e) {
            throw poisonAndTranslate(outer, e);
        }
        TransactionState state = outer.nested(savepoint);
        current.set(state);
        T result;
        try {
            result = work.apply(state);
        } catch (Throwable e) {
            end(state, outer);
            rollbackTo(state, e);
            throw rethrowable(e);
        }
        end(state, outer);
        RuntimeException failure = state.poison();
        if (failure != null) {
            TransactionAbortedException abort = aborted(failure);
            rollbackTo(state, abort);
            throw abort;
        }
        try {
            dialect.release(connection, savepoint);
        } catch (SQLException e) {
            throw poisonAndTranslate(outer, e);
        }
        state.handHooksToParent();
        return result;
    }

    private void end(TransactionState state, TransactionState outer) {
        state.end();
        current.set(outer);
    }

    /** Rolls back to the level's savepoint; when even that fails, the enclosing level can only roll back too. */
    private void rollbackTo(TransactionState state, Throwable cause) {
        try {
            dialect.rollbackTo(state.connection(), state.savepoint());
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            state.parent().poison(translator.translate(e));
        }
    }

    private RuntimeException poisonAndTranslate(TransactionState level, SQLException e) {
        RuntimeException translated = translator.translate(e);
        level.poison(translated);
        return translated;
    }

    /** The exception for a statement that a poisoned transaction refuses to run. */
    public TransactionAbortedException refusedStatement(RuntimeException poison) {
        return new TransactionAbortedException("this transaction is aborted: an earlier statement in it failed ("
                + poison.getMessage() + "), so no statement can run until it rolls back. To recover from an expected"
                + " failure, run the risky statement in a nested inTransaction and catch what that throws", poison);
    }

    private static TransactionAbortedException aborted(RuntimeException poison) {
        return new TransactionAbortedException("rolled back, nothing committed: a statement in this transaction failed ("
                + poison.getMessage() + ") and the transaction went on as if it had not. To recover from an expected"
                + " failure, run the risky statement in a nested inTransaction and catch what that throws", poison);
    }

    private RuntimeException rethrowable(Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        return translator.translate(e);
    }

    private static void runHooks(List<Runnable> hooks) {
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.error("after-commit hook failed; the transaction stays committed", e);
            }
        }
    }
}
