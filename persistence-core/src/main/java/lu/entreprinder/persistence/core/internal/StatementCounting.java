package lu.entreprinder.persistence.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Per-thread statement counters opened by tests and tools; a statement counts in every counter open on its thread. */
public final class StatementCounting {

    private final ThreadLocal<List<AtomicLong>> open = ThreadLocal.withInitial(ArrayList::new);
    private final AtomicLong total = new AtomicLong();

    public void statementExecuted() {
        total.incrementAndGet();
        for (AtomicLong counter : open.get()) {
            counter.incrementAndGet();
        }
    }

    public AtomicLong open() {
        AtomicLong counter = new AtomicLong();
        open.get().add(counter);
        return counter;
    }

    public void close(AtomicLong counter) {
        List<AtomicLong> counters = open.get();
        counters.remove(counter);
        if (counters.isEmpty()) {
            open.remove();
        }
    }

    public long total() {
        return total.get();
    }
}
