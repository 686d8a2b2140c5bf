package lu.entreprinder.persistence.core;

import java.time.OffsetDateTime;
import java.util.Objects;
import lu.entreprinder.persistence.core.internal.TransactionState;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectForUpdateStep;

/**
 * The transaction a lambda given to {@link Database#inTransaction} runs in: one nesting level of it, bound to its
 * connection. Valid until that lambda returns; using it afterwards throws {@link IllegalStateException}. Work that
 * the lambda hands to another thread and waits for may use it (never two threads at once: a connection runs one
 * statement at a time).
 */
public final class Transaction {

    private final Database database;
    private final TransactionState state;
    private DSLContext dsl;

    Transaction(Database database, TransactionState state) {
        this.database = database;
        this.state = state;
    }

    /**
     * The jOOQ context bound to this transaction's connection, on any thread. Statements through it run in this
     * transaction, and fail with {@link IllegalStateException} once the lambda has returned (a lazy cursor opened
     * from it cannot be read afterwards either: the connection has gone back to the pool).
     */
    public DSLContext dsl() {
        DSLContext bound = dsl;
        if (bound == null) {
            bound = database.dslBoundTo(state);
            dsl = bound;
        }
        return bound;
    }

    public Database database() {
        return database;
    }

    /** Now, from the database's clock (see {@link Database#now()}). */
    public OffsetDateTime now() {
        return database.now();
    }

    /** True when this level is a savepoint inside an outer transaction. */
    public boolean isNested() {
        return state.parent() != null;
    }

    /**
     * Runs {@code hook} once after the outermost transaction commits; never after a rollback. A hook registered on a
     * nested level is dropped when that level rolls back. See {@link Database#afterCommit(Runnable)}.
     *
     * @throws IllegalStateException if this transaction's lambda has already returned
     */
    public void afterCommit(Runnable hook) {
        state.addAfterCommit(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * Locks the rows the query selects until this transaction ends: {@code FOR UPDATE} on PostgreSQL; on SQLite the
     * transaction already holds the database's write lock ({@code BEGIN IMMEDIATE}), so the query runs as it is.
     */
    public <R extends Record> ResultQuery<R> forUpdate(SelectForUpdateStep<R> select) {
        return database.isSqlite() ? select : select.forUpdate();
    }

    /**
     * Like {@link #forUpdate} but skips rows another transaction has locked ({@code FOR UPDATE SKIP LOCKED}), so
     * several workers can share a queue of rows. On SQLite there is one writer at a time, so nothing is ever skipped.
     */
    public <R extends Record> ResultQuery<R> forUpdateSkipLocked(SelectForUpdateStep<R> select) {
        return database.isSqlite() ? select : select.forUpdate().skipLocked();
    }
}
