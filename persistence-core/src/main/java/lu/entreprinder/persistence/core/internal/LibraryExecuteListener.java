package lu.entreprinder.persistence.core.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import lu.entreprinder.persistence.core.DatabaseObserver;
import java.util.regex.Pattern;
import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For every statement jOOQ executes: refuses it when its transaction is poisoned, counts it (and records it while an
 * {@code explain} of a call listens), logs it when slow, translates its error, and poisons its transaction when the
 * database refused it.
 */
public final class LibraryExecuteListener implements ExecuteListener {

    private static final long serialVersionUID = 1L;
    private static final Logger SLOW = LoggerFactory.getLogger("lu.entreprinder.persistence.slow-query");
    private static final String STARTED = "lu.entreprinder.persistence.started";
    private static final String TRANSACTION = "lu.entreprinder.persistence.transaction";
    private static final String OBSERVED_START = "lu.entreprinder.persistence.observed-start";

    private final transient StatementCounting counting;
    private final transient StatementRecording recording;
    private final transient ErrorTranslator translator;
    private final transient TransactionRunner transactions;
    private final transient DatabaseObserver observer;
    private final boolean observing;
    private final long slowNanos;

    public LibraryExecuteListener(StatementCounting counting, StatementRecording recording, ErrorTranslator translator,
                                  TransactionRunner transactions, Duration slowThreshold, DatabaseObserver observer) {
        this.counting = counting;
        this.recording = recording;
        this.translator = translator;
        this.transactions = transactions;
        this.observer = observer;
        this.observing = observer != DatabaseObserver.NONE;
        this.slowNanos = slowThreshold.isZero() ? Long.MAX_VALUE : slowThreshold.toNanos();
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        TransactionState transaction = admit(ctx.configuration());
        if (transaction != null) {
            ctx.data(TRANSACTION, transaction);
        }
        recording.executed(ctx);
        long now = System.nanoTime();
        ctx.data(STARTED, now);
        if (observing) {
            ctx.data(OBSERVED_START, now); // STARTED is cleared once a slow statement was logged
        }
    }

    /** Refuses the statement when its transaction is poisoned, counts it, and answers its transaction (or null). */
    private TransactionState admit(Configuration configuration) {
        TransactionState transaction = transactions.transactionOf(configuration);
        if (transaction != null) {
            RuntimeException poison = transaction.poisonOfInnermost();
            if (poison != null) {
                throw transactions.refusedStatement(poison);
            }
        }
        counting.statementExecuted();
        return transaction;
    }

    // ---- the same work for a statement sent straight through JDBC (DirectReads), without an ExecuteContext ----

    /**
     * {@link #executeStart} for a statement sent outside jOOQ's execute path.
     *
     * @return the start time, for {@link #directEnded} or {@link #directFailed}
     * @throws lu.entreprinder.persistence.core.TransactionAbortedException if the statement's transaction is poisoned
     */
    long directStarted(Configuration configuration, String sql, Object[] bindValues) {
        admit(configuration);
        recording.executed(sql, bindValues);
        return System.nanoTime();
    }

    /** The statement's rows were read: logs it when slow and tells the observer. */
    void directEnded(String sql, long start) {
        long elapsed = System.nanoTime() - start;
        if (elapsed >= slowNanos && SLOW.isWarnEnabled()) {
            SLOW.warn("slow statement ({} ms): {}", elapsed / 1_000_000, sql);
        }
        if (observing) {
            observe(kind(sql), elapsed, false);
        }
    }

    /** The database refused the statement: the translated error, its transaction poisoned, the observer told. */
    RuntimeException directFailed(Configuration configuration, SQLException error, String sql, long start) {
        RuntimeException translated = translator.translate(error);
        transactions.statementFailed(configuration, translated);
        if (observing) {
            observe(kind(sql), System.nanoTime() - start, true);
        }
        return translated;
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
        observe(ctx.type() == ExecuteType.BATCH ? "batch" : kind(ctx.sql()), System.nanoTime() - start, failed);
    }

    private void observe(String kind, long elapsedNanos, boolean failed) {
        try {
            observer.statement(kind, operation(), Duration.ofNanos(elapsedNanos), failed);
        } catch (RuntimeException e) {
            SLOW.warn("the DatabaseObserver failed; ignored", e);
        }
    }

    private static final Pattern LOCKING = Pattern.compile("\\sfor\\s+(update|no\\s+key\\s+update|share|key\\s+share)\\b");

    /** The statement's kind from its first keyword (plain-SQL statements included). */
    private static String kind(String sql) {
        if (sql == null) {
            return "other";
        }
        String text = sql.stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("select") || text.startsWith("with") || text.startsWith("(")) {
            return LOCKING.matcher(text).find() ? "lock" : "select";
        }
        for (String kind : new String[] {"insert", "update", "delete"}) {
            if (text.startsWith(kind)) {
                return kind;
            }
        }
        return "other";
    }

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** Where a class was loaded from: a DAO jar (or classes folder) as opposed to the tests or services around it. */
    private static final ClassValue<String> ORIGIN = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        }
    };

    /**
     * The library method that ran the statement: the outermost frame of the unbroken chain of library classes from
     * one origin (a DAO module's jar) above jOOQ and the core, e.g. {@code MatchingService.like} rather than the
     * private helper it called; {@code none} when the caller used {@code db.dsl()} directly.
     */
    private static String operation() {
        StackWalker.StackFrame entry = STACK.walk(frames -> {
            StackWalker.StackFrame outermost = null;
            String origin = null;
            for (var it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame frame = it.next();
                String type = frame.getClassName();
                if (isInfrastructure(type)) {
                    continue;
                }
                if (!type.startsWith("lu.entreprinder.persistence.")) {
                    break;
                }
                String from = ORIGIN.get(frame.getDeclaringClass());
                if (origin == null) {
                    origin = from;
                } else if (!origin.equals(from)) {
                    break;
                }
                outermost = frame;
            }
            return outermost;
        });
        if (entry == null) {
            return "none";
        }
        String type = entry.getClassName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested > 0) {
            simple = simple.substring(0, nested);
        }
        String method = entry.getMethodName();
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
