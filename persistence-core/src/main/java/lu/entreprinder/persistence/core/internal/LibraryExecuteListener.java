package lu.entreprinder.persistence.core.internal;

import java.time.Duration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts statements, logs slow ones and translates errors, for every statement jOOQ executes. */
public final class LibraryExecuteListener implements ExecuteListener {

    private static final long serialVersionUID = 1L;
    private static final Logger SLOW = LoggerFactory.getLogger("lu.entreprinder.persistence.slow-query");
    private static final String STARTED = "lu.entreprinder.persistence.started";

    private final transient StatementCounting counting;
    private final transient ErrorTranslator translator;
    private final long slowNanos;

    public LibraryExecuteListener(StatementCounting counting, ErrorTranslator translator, Duration slowThreshold) {
        this.counting = counting;
        this.translator = translator;
        this.slowNanos = slowThreshold.isZero() ? Long.MAX_VALUE : slowThreshold.toNanos();
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        counting.statementExecuted();
        ctx.data(STARTED, System.nanoTime());
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        logIfSlow(ctx);
    }

    @Override
    public void fetchEnd(ExecuteContext ctx) {
        // executeEnd fires before rows are fetched; a slow fetch is part of the statement's cost.
        logIfSlow(ctx);
    }

    private void logIfSlow(ExecuteContext ctx) {
        Object started = ctx.data(STARTED);
        if (started instanceof Long start) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= slowNanos && SLOW.isWarnEnabled()) {
                ctx.data(STARTED, null);
                SLOW.warn("slow statement ({} ms): {}", elapsed / 1_000_000, ctx.sql());
            }
        }
    }

    @Override
    public void exception(ExecuteContext ctx) {
        Throwable error = ctx.sqlException() != null ? ctx.sqlException() : ctx.exception();
        if (error != null) {
            ctx.exception(translator.translate(error));
        }
    }
}
