package lu.entreprinder.persistence.core.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import lu.entreprinder.persistence.core.DatabaseObserver;
import org.jooq.Delete;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.Insert;
import org.jooq.Select;
import org.jooq.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For every statement jOOQ executes: refuses it when its transaction is poisoned, counts it, logs it when slow,
 * translates its error, and poisons its transaction when the database refused it.
 */
public final class LibraryExecuteListener implements ExecuteListener {

    private static final long serialVersionUID = 1L;
    private static final Logger SLOW = LoggerFactory.getLogger("lu.entreprinder.persistence.slow-query");
    private static final String STARTED = "lu.entreprinder.persistence.started";
    private static final String TRANSACTION = "lu.entreprinder.persistence.transaction";
    private static final String OBSERVED_START = "lu.entreprinder.persistence.observed-start";

    private final transient StatementCounting counting;
    private final transient ErrorTranslator translator;
    private final transient TransactionRunner transactions;
    private final transient DatabaseObserver observer;
    private final boolean observing;
    private final long slowNanos;

    public LibraryExecuteListener(StatementCounting counting, ErrorTranslator translator, TransactionRunner transactions,
                                  Duration slowThreshold, DatabaseObserver observer) {
        this.counting = counting;
        this.translator = translator;
        this.transactions = transactions;
        this.observer = observer;
        this.observing = observer != DatabaseObserver.NONE;
        this.slowNanos = slowThreshold.isZero() ? Long.MAX_VALUE : slowThreshold.toNanos();
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        TransactionState transaction = transactions.transactionOf(ctx.configuration());
        if (transaction != null) {
            RuntimeException poison = transaction.poisonOfInnermost();
            if (poison != null) {
                throw transactions.refusedStatement(poison);
            }
            ctx.data(TRANSACTION, transaction);
        }
        counting.statementExecuted();
        long now = System.nanoTime();
        ctx.data(STARTED, now);
        if (observing) {
            ctx.data(OBSERVED_START, now); // STARTED is cleared once a slow statement was logged
        }
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (ctx.resultSet() != null && ctx.data(TRANSACTION) instanceof TransactionState transaction) {
            ctx.resultSet(new TransactionResultSet(ctx.resultSet(), transaction));
        }
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
        if (error == null) {
            return;
        }
        RuntimeException translated = translator.translate(error);
        ctx.exception(translated);
        if (ctx.sqlException() != null) {
            // The database refused the statement: PostgreSQL has aborted the transaction (or the savepoint level it
            // ran in), and SQLite follows the same rule so that one program has one outcome on both.
            transactions.statementFailed(ctx.configuration(), translated);
            if (observing) {
                observe(ctx, true);
            }
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        if (observing && ctx.exception() == null && ctx.sqlException() == null) {
            observe(ctx, false);
        }
    }

    private void observe(ExecuteContext ctx, boolean failed) {
        if (!(ctx.data(OBSERVED_START) instanceof Long start)) {
            return; // refused before it started (poisoned transaction): nothing ran
        }
        try {
            observer.statement(kind(ctx), operation(), Duration.ofNanos(System.nanoTime() - start), failed);
        } catch (RuntimeException e) {
            SLOW.warn("the DatabaseObserver failed; ignored", e);
        }
    }

    private static String kind(ExecuteContext ctx) {
        if (ctx.type() == ExecuteType.BATCH) {
            return "batch";
        }
        var query = ctx.query();
        if (query instanceof Select<?>) {
            String sql = ctx.sql();
            return sql != null && sql.toLowerCase(Locale.ROOT).contains(" for update") ? "lock" : "select";
        }
        if (query instanceof Insert<?>) {
            return "insert";
        }
        if (query instanceof Update<?>) {
            return "update";
        }
        if (query instanceof Delete<?>) {
            return "delete";
        }
        return "other";
    }

    private static final StackWalker STACK = StackWalker.getInstance();

    /** The innermost method outside jOOQ, the JDK and the library's core: the DAO method that ran the statement. */
    private static String operation() {
        Optional<StackWalker.StackFrame> caller = STACK.walk(frames -> frames
                .filter(f -> !isInfrastructure(f.getClassName()))
                .findFirst());
        if (caller.isEmpty() || !caller.get().getClassName().startsWith("lu.entreprinder.persistence.")) {
            return "none";
        }
        String type = caller.get().getClassName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested > 0) {
            simple = simple.substring(0, nested);
        }
        String method = caller.get().getMethodName();
        if (method.startsWith("lambda$")) {
            int end = method.indexOf('$', 7);
            method = method.substring(7, end > 7 ? end : method.length());
        }
        return simple + "." + method;
    }

    private static boolean isInfrastructure(String className) {
        return className.startsWith("org.jooq.") || className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("lu.entreprinder.persistence.core.");
    }
}
