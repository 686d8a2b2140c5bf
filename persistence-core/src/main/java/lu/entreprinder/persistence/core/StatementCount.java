package lu.entreprinder.persistence.core;

import java.util.concurrent.atomic.AtomicLong;
import lu.entreprinder.persistence.core.internal.StatementCounting;

/**
 * Counts the statements the opening thread runs through the library until {@link #close()}.
 * Obtain from {@link Database#countStatements()}; use with try-with-resources.
 */
public final class StatementCount implements AutoCloseable {

    private final StatementCounting counting;
    private final AtomicLong counter;

    StatementCount(StatementCounting counting) {
        this.counting = counting;
        this.counter = counting.open();
    }

    /** Statements counted so far. */
    public long value() {
        return counter.get();
    }

    @Override
    public void close() {
        counting.close(counter);
    }
}
