package lu.entreprinder.persistence.core;

import java.time.Duration;

/**
 * Hears what the library does, for metrics and tracing (the {@code persistence-micrometer} module implements it).
 * Set with {@link DatabaseConfig.Builder#observer}. Every method has an empty default; they are called on the
 * thread that did the work, so they must be quick and must not throw (a throwing observer is logged and ignored).
 */
public interface DatabaseObserver {

    /** Hears nothing: the default, and free (no timing or stack walking is done for it). */
    DatabaseObserver NONE = new DatabaseObserver() { };

    /**
     * One statement ran.
     *
     * @param kind      {@code select}, {@code insert}, {@code update}, {@code delete}, {@code lock} (a row-locking
     *                  select), {@code batch} or {@code other}
     * @param operation the library method that ran it ({@code EventDao.listEvents}), or {@code none} for
     *                  statements run directly through {@link Database#dsl()}
     * @param elapsed   from sending the statement to the end of its fetch
     * @param failed    true when the database refused it
     */
    default void statement(String kind, String operation, Duration elapsed, boolean failed) {
    }

    /**
     * An outermost transaction ended.
     *
     * @param outcome {@code committed}, {@code rolled_back} (its work threw), {@code poisoned} (rolled back by the
     *                poisoned-transaction rule) or {@code failed} (its commit failed)
     */
    default void transaction(String outcome, Duration elapsed) {
    }

    /** {@link Database#inTransactionWithRetry} is running the work again after {@code reason}. */
    default void retry(RetryableException.Reason reason) {
    }
}
