package lu.entreprinder.persistence.core.internal;

import java.time.Duration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
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

    private final transient StatementCounting counting;
    private final transient ErrorTranslator translator;
    private final transient TransactionRunner transactions;
    private final long slowNanos;

    public LibraryExecuteListener(StatementCounting counting, ErrorTranslator translator, TransactionRunner transactions,
                                  Duration slowThreshold) {
        this.counting = counting;
        this.translator = translator;
        this.transactions = transactions;
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
        ctx.data(STARTED, System.nanoTime());
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
            TransactionState transaction = transactions.transactionOf(ctx.configuration());
            if (transaction != null) {
                transaction.poisonInnermost(translated);
            }
        }
    }
}
