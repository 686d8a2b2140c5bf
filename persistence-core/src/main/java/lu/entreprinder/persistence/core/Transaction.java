package lu.entreprinder.persistence.core;

import java.time.OffsetDateTime;
import lu.entreprinder.persistence.core.internal.TransactionState;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectForUpdateStep;

/**
 * The transaction a lambda given to {@link Database#inTransaction} runs in. Valid only inside that lambda, on its
 * thread.
 */
public final class Transaction {

    private final Database database;
    private final TransactionState state;

    Transaction(Database database, TransactionState state) {
        this.database = database;
        this.state = state;
    }

    /** The jOOQ context bound to this transaction's connection (the same as {@link Database#dsl()} on this thread). */
    public DSLContext dsl() {
        return database.dsl();
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
     * Runs {@code hook} once after the outermost transaction commits; never after a rollback.
     * See {@link Database#afterCommit(Runnable)}.
     */
    public void afterCommit(Runnable hook) {
        database.afterCommit(hook);
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
