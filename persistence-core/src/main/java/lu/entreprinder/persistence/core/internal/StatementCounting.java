package lu.entreprinder.persistence.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Per-thread statement counters opened by tests and tools; a statement counts in every counter open on its thread. */
public final class StatementCounting {

    /** The counters open on each thread; no entry while none is (a statement then allocates nothing here). */
    private final ThreadLocal<List<AtomicLong>> open = new ThreadLocal<>();
    /** All threads add to it on every statement: a LongAdder, not one contended atomic. */
    private final LongAdder total = new LongAdder();

    public void statementExecuted() {
        total.increment();
        List<AtomicLong> counters = open.get();
        if (counters != null) {
            for (AtomicLong counter : counters) {
                counter.incrementAndGet();
            }
        }
    }

    public AtomicLong open() {
        AtomicLong counter = new AtomicLong();
        List<AtomicLong> counters = open.get();
        if (counters == null) {
            counters = new ArrayList<>(2);
            open.set(counters);
        }
        counters.add(counter);
        return counter;
    }

    public void close(AtomicLong counter) {
        List<AtomicLong> counters = open.get();
        if (counters == null) {
            return;
        }
        counters.remove(counter);
        if (counters.isEmpty()) {
            open.remove();
        }
    }

    public long total() {
        return total.sum();
    }
}
