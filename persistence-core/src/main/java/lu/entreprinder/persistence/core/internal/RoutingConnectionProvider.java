package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Select;

/**
 * {@code Database.dsl()}'s connections when replicas are configured. Inside a transaction (the library's or a joined
 * external one), and for every statement
 * that is not a plain jOOQ {@link Select} (writes, plain SQL, {@code FOR UPDATE}/{@code FOR SHARE}), the primary
 * through {@link ThreadBoundConnectionProvider}; a read outside a transaction goes where {@link ReplicaRouter}
 * says, on a connection that re-runs the read on the primary if the replica fails it ({@link FallbackConnection}).
 * After an auto-commit write the primary's WAL position is captured on the same connection, for read-your-writes.
 *
 * <p>The kind of statement is learnt from jOOQ's execute events, which fire before the connection is acquired
 * ({@link #listener()} must be registered on the same configuration).
 */
public final class RoutingConnectionProvider implements ConnectionProvider {

    private enum Kind { READ, PRIMARY_READ, WRITE }

    private static final String READ_MARK = "lu.entreprinder.persistence.prepared-select";

    /**
     * Marks the statement being rendered as a read although jOOQ runs it as plain SQL ({@code PreparedRead}'s bound
     * text of a {@code SELECT}): without the mark it would go to the primary and count as an auto-commit write.
     */
    public static void markRead(ExecuteContext ctx) {
        ctx.data(READ_MARK, Boolean.TRUE);
    }

    private final ThreadBoundConnectionProvider primary;
    private final DataSource primaryPool;
    private final Supplier<TransactionState> current;
    private final BooleanSupplier externalActive;
    private final ReplicaRouter router;
    private final ErrorTranslator translator;
    private final ThreadLocal<Kind> next = new ThreadLocal<>();
    private final ThreadLocal<Connection> captureAfter = new ThreadLocal<>();

    public RoutingConnectionProvider(ThreadBoundConnectionProvider primary, DataSource primaryPool,
                                     Supplier<TransactionState> current, BooleanSupplier externalActive,
                                     ReplicaRouter router, ErrorTranslator translator) {
        this.primary = primary;
        this.primaryPool = primaryPool;
        this.current = current;
        this.externalActive = externalActive;
        this.router = router;
        this.translator = translator;
    }

    /** Tells this provider what the next statement of the thread is. */
    public ExecuteListener listener() {
        return new Listener();
    }

    static boolean isItsListener(ExecuteListener listener) {
        return listener instanceof Listener;
    }

    private final class Listener implements ExecuteListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void start(ExecuteContext ctx) {
            next.set(ctx.query() instanceof Select<?> ? Kind.READ : Kind.WRITE);
        }

        @Override
        public void renderEnd(ExecuteContext ctx) {
            if (ctx.data(READ_MARK) != null) {
                next.set(Kind.READ);
            }
            if (next.get() == Kind.READ && ctx.sql() != null && locks(ctx.sql())) {
                next.set(Kind.PRIMARY_READ);
            }
        }
    }

    /** Tells this provider that the thread's next statement is a read sent straight through JDBC. */
    void nextIsRead(boolean locking) {
        next.set(locking ? Kind.PRIMARY_READ : Kind.READ);
    }

    /** Tells this provider that the thread's next statement is a write sent straight through JDBC. */
    void nextIsWrite() {
        next.set(Kind.WRITE);
    }

    static boolean locks(String sql) {
        String s = sql.toLowerCase(Locale.ROOT);
        return s.contains(" for update") || s.contains(" for no key update") || s.contains(" for share")
                || s.contains(" for key share");
    }

    @Override
    public Connection acquire() {
        Kind kind = next.get();
        next.remove();
        if (current.get() != null || externalActive.getAsBoolean()) {
            return primary.acquire(); // inside a transaction, the library's or an external one: the primary
        }
        if (kind == Kind.READ && !router.primaryOnly()) {
            ReplicaRouter.Replica replica = router.choose();
            if (replica != null) {
                try {
                    return FallbackConnection.wrap(replica.pool.getConnection(), replica, router, primaryPool);
                } catch (SQLException e) {
                    router.fellBack(replica, ReplicaRouter.Reason.REPLICA_DOWN, e);
                }
            }
        } else if (kind != Kind.WRITE) {
            router.countPrimaryRead();
        }
        Connection connection = primary.acquire();
        if (kind == Kind.WRITE || kind == null) {
            captureAfter.set(connection);
        }
        return connection;
    }

    @Override
    public void release(Connection connection) {
        if (FallbackConnection.isWrapper(connection)) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw translator.translate(e);
            }
            return;
        }
        if (captureAfter.get() == connection) {
            captureAfter.remove();
            if (current.get() == null) {
                router.commitObserved(connection);
            }
        }
        primary.release(connection);
    }
}
