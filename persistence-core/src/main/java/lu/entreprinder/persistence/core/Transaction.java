package lu.entreprinder.persistence.core;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.internal.TransactionState;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectForUpdateStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

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
     * Throws nothing itself: the returned query fails like any other when it runs.
     */
    public <R extends Record> ResultQuery<R> forUpdate(SelectForUpdateStep<R> select) {
        return plain() ? select : select.forUpdate();
    }

    /**
     * Like {@link #forUpdate} for a join that must lock the rows of some of its tables only ({@code FOR UPDATE OF t,
     * …} on PostgreSQL): the other tables' rows stay free for other transactions; no table locks every row, as
     * {@link #forUpdate(SelectForUpdateStep)}. On SQLite the query runs as it is. Throws nothing itself.
     */
    public <R extends Record> ResultQuery<R> forUpdate(SelectForUpdateStep<R> select, Table<?>... of) {
        if (plain()) {
            return select;
        }
        return of.length == 0 ? select.forUpdate() : select.forUpdate().of(of);
    }

    /**
     * Like {@link #forUpdate} with the weaker {@code FOR NO KEY UPDATE}: the rows stay locked against writers and
     * each other's lock, but rows of other tables may still be inserted that reference them (a foreign key check
     * takes {@code FOR KEY SHARE}, which this lock does not block). On SQLite the query runs as it is.
     * Throws nothing itself.
     */
    public <R extends Record> ResultQuery<R> forNoKeyUpdate(SelectForUpdateStep<R> select) {
        return plain() ? select : select.forNoKeyUpdate();
    }

    /**
     * Like {@link #forUpdate} but skips rows another transaction has locked ({@code FOR UPDATE SKIP LOCKED}), so
     * several workers can share a queue of rows. On SQLite there is one writer at a time, so nothing is ever skipped.
     * Throws nothing itself.
     */
    public <R extends Record> ResultQuery<R> forUpdateSkipLocked(SelectForUpdateStep<R> select) {
        return plain() ? select : select.forUpdate().skipLocked();
    }

    /**
     * Locks names that have no row to lock (yet) until this transaction ends: on PostgreSQL one statement taking a
     * transaction-scoped advisory lock on each {@code namespace + key}, in key order so that two callers locking
     * overlapping sets cannot deadlock; on SQLite nothing (the transaction holds the database's write lock).
     *
     * @throws PersistenceException if the statement fails
     */
    public void lockKeys(String namespace, Collection<String> keys) {
        Objects.requireNonNull(namespace, "namespace");
        if (keys.isEmpty() || plain()) {
            return;
        }
        String[] sorted = new TreeSet<>(keys).toArray(String[]::new);
        dsl().resultQuery("select count(pg_advisory_xact_lock(hashtextextended({0} || k, 0)))"
                        + " from (select unnest(cast({1} as text[])) as k order by 1) as keys",
                DSL.val(namespace), DSL.val(sorted)).fetch();
    }

    /** True when a lock is a plain read: on SQLite, and when a race test switched the locks off ({@link RaceSeam}). */
    /**
     * Whether {@link #forUpdate} and its kin add a lock clause here: false on SQLite, whose transaction already holds
     * the database's write lock. For a {@link PreparedRead} that locks, keep one shape with the clause and one
     * without, and choose by this. Throws nothing.
     */
    public boolean locksRows() {
        return !plain();
    }

    private boolean plain() {
        return database.isSqlite() || !RaceSeam.of(database).locks();
    }
}
