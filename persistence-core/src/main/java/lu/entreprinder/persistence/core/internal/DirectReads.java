package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.exception.DataAccessException;

/**
 * Sends a statement that returns rows (a read, or a write with {@code RETURNING}) whose SQL text is already rendered
 * ({@code PreparedRead}) straight through JDBC on the configuration's own connection (the caller's transaction, a
 * replica, or a pooled connection), doing for it what
 * {@link LibraryExecuteListener} does on jOOQ's execute path: refused in a poisoned transaction, counted, recorded
 * for {@code explain}, logged when slow, observed, its error translated and its transaction poisoned when the database
 * refused it. jOOQ's execute path costs a short read a third of its time and most of its allocations (an execute
 * context, a render of the whole text, a bind pass); only the decoding of the rows is left to jOOQ.
 *
 * <p>Used only where it changes nothing else: a configuration whose execute listeners are the library's own (or none,
 * a bare {@code DSLContext}), with prepared statements and without jOOQ's execute logging. Elsewhere (e.g. a user's
 * own {@code ExecuteListener}s) the caller takes jOOQ's path.
 */
public final class DirectReads {

    /** Binds a statement's values. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Where a statement goes when replicas are configured and no transaction is open. */
    public enum Route {
        /** A read: a replica may serve it. */
        READ,
        /** A read that locks rows ({@code FOR UPDATE}…): the primary. */
        LOCKING_READ,
        /** A data-modifying statement ({@code INSERT … RETURNING}…): the primary, its commit position recorded. */
        WRITE;

        /** The route of a read of this text. */
        public static Route ofRead(String sql) {
            return RoutingConnectionProvider.locks(sql) ? LOCKING_READ : READ;
        }
    }

    /** Reads a statement's rows; may throw jOOQ's {@code DataAccessException} for a value it cannot decode. */
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private DirectReads() {
    }

    /** Whether a statement of this configuration may take the direct path. */
    public static boolean applies(Configuration configuration) {
        Settings settings = configuration.settings();
        if (Boolean.TRUE.equals(settings.isExecuteLogging())
                || (settings.getStatementType() != null && settings.getStatementType() != StatementType.PREPARED_STATEMENT)) {
            return false;
        }
        for (ExecuteListenerProvider provider : configuration.executeListenerProviders()) {
            ExecuteListener listener = provider.provide();
            if (!(listener instanceof LibraryExecuteListener) && !RoutingConnectionProvider.isItsListener(listener)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the read.
     *
     * @param route where the statement goes outside a transaction when replicas are configured
     * @param bindValues the values as the caller gave them, one per placeholder, for {@code explain}'s record
     * @throws lu.entreprinder.persistence.core.PersistenceException (a subtype) translated from the database's error
     * @throws RuntimeException {@link DirectBinding#isUnsupported} from the binder: nothing was sent or counted
     */
    public static <T> T query(Configuration configuration, String sql, Route route, Object[] bindValues,
                              Binder binder, Reader<T> reader) {
        LibraryExecuteListener library = libraryListener(configuration);
        ConnectionProvider connections = configuration.connectionProvider();
        if (connections instanceof RoutingConnectionProvider routing) {
            if (route == Route.WRITE) {
                routing.nextIsWrite();
            } else {
                routing.nextIsRead(route == Route.LOCKING_READ);
            }
        }
        T rows;
        long start = System.nanoTime();
        Connection connection = connections.acquire();
        try {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Settings settings = configuration.settings();
                if (settings.getQueryTimeout() != null && settings.getQueryTimeout() > 0) {
                    statement.setQueryTimeout(settings.getQueryTimeout());
                }
                if (settings.getFetchSize() != null && settings.getFetchSize() != 0) {
                    statement.setFetchSize(settings.getFetchSize());
                }
                if (settings.getMaxRows() != null && settings.getMaxRows() > 0) {
                    statement.setMaxRows(settings.getMaxRows());
                }
                // Bound before it is admitted and counted: a binding that needs jOOQ's path (DirectBinding) leaves
                // here with nothing sent and nothing counted, and the caller runs the read on jOOQ's path.
                binder.bind(statement);
                if (library != null) {
                    start = library.directStarted(configuration, sql, bindValues);
                }
                try (ResultSet resultSet = statement.executeQuery()) {
                    rows = reader.read(resultSet);
                }
            }
        } catch (SQLException e) {
            throw failed(library, configuration, e, sql, start);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw failed(library, configuration, cause, sql, start);
            }
            throw e;
        } finally {
            connections.release(connection);
        }
        if (library != null) {
            library.directEnded(sql, start);
        }
        return rows;
    }

    private static RuntimeException failed(LibraryExecuteListener library, Configuration configuration,
                                           SQLException error, String sql, long start) {
        if (library == null) {
            return new DataAccessException("SQL [" + sql + "]; " + error.getMessage(), error);
        }
        return library.directFailed(configuration, error, sql, start);
    }

    private static LibraryExecuteListener libraryListener(Configuration configuration) {
        for (ExecuteListenerProvider provider : configuration.executeListenerProviders()) {
            if (provider.provide() instanceof LibraryExecuteListener library) {
                return library;
            }
        }
        return null;
    }
}
