package lu.entreprinder.persistence.core;

/**
 * The transaction cannot commit because a statement in it failed earlier (the "poisoned transaction" rule, the same
 * as Django's {@code atomic}). Once a statement fails inside a transaction, every later statement of that
 * transaction fails at once with this exception, and the end of the transaction rolls back and throws it instead
 * of committing; after-commit hooks never run. The rule applies to each nesting level: a failure inside a nested
 * {@link Database#inTransaction} poisons only that savepoint, and once that savepoint has rolled back the enclosing
 * transaction is usable again. So the way to recover from an expected failure is to run the risky statement in a
 * nested {@code inTransaction} and catch what it throws outside of it.
 *
 * <p>{@link #getCause()} is the failure that poisoned the transaction (already translated, e.g. a
 * {@link ConflictException}), or the database's own report when the database found the transaction aborted.
 * Not retryable as such: nothing of the transaction was committed, and running the same code again fails the same
 * way until the code runs its risky statement in a nested transaction.
 */
public final class TransactionAbortedException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    public TransactionAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
