package lu.entreprinder.persistence.core;

/**
 * The operation failed for a transient reason; running it again may succeed. Nothing of it was committed, except
 * for {@link Reason#COMMIT_OUTCOME_UNKNOWN}, where nobody can know: repeat only work that is idempotent (every
 * service verb of the library is: a repeated {@code register} answers "already registered").
 * {@link Database#inTransactionWithRetry} retries {@link Reason#SERIALIZATION_FAILURE} and {@link Reason#DEADLOCK}.
 */
public final class RetryableException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** PostgreSQL 40001: a concurrent transaction made this one's snapshot invalid. */
        SERIALIZATION_FAILURE,
        /** PostgreSQL 40P01: two transactions waited on each other; this one was chosen to fail. */
        DEADLOCK,
        /** PostgreSQL 55P03: a lock could not be taken (NOWAIT or lock_timeout). */
        LOCK_NOT_AVAILABLE,
        /** The connection broke (network, server restart, terminated backend); the transaction was rolled back. */
        CONNECTION_LOST,
        /** No pooled connection became free within the pool's connection timeout. */
        POOL_EXHAUSTED,
        /** SQLite reported the database busy or locked after its busy timeout. */
        DATABASE_BUSY,
        /**
         * The connection broke while COMMIT was under way: the transaction may have committed or not, and its
         * after-commit hooks did not run. Check the data, or repeat the work only when it is idempotent.
         */
        COMMIT_OUTCOME_UNKNOWN
    }

    private final Reason reason;

    public RetryableException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
