package lu.entreprinder.persistence.core.internal;

import com.zaxxer.hikari.HikariConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.DatabaseConfig;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/** What {@code Database} does differently for PgBouncer's transaction pooling and for read replicas (docs/SCALING.md). */
public final class ScaleOut {

    private ScaleOut() {
    }

    /**
     * Pool settings of the primary: under transaction pooling no server-side prepared statements and no session
     * {@code SET} at connect (it would stay on a server connection that other clients then use).
     *
     * @return true when the caller may still set {@code statement_timeout} per session (a direct connection)
     */
    public static boolean configurePool(HikariConfig h, DatabaseConfig config) {
        if (!config.transactionPooling()) {
            return true;
        }
        h.addDataSourceProperty("prepareThreshold", "0");
        return false;
    }

    /**
     * jOOQ settings and, with replicas, read routing. Under transaction pooling the statement timeout becomes the
     * JDBC query timeout (whole seconds, rounded up): the driver sends a cancel request, which PgBouncer forwards to
     * whichever server connection runs the statement.
     *
     * @return the router, or null without replicas
     */
    public static ReplicaRouter configure(DefaultConfiguration jooq, DatabaseConfig config, DataSource pool,
                                          TransactionRunner transactions, ErrorTranslator translator) {
        if (config.transactionPooling() && !config.statementTimeout().isZero()) {
            long millis = config.statementTimeout().toMillis();
            jooq.settings().setQueryTimeout((int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
        }
        if (config.replicaUrls().isEmpty() && config.replicaDataSources().isEmpty()) {
            return null;
        }
        if (config.dialect().family() != org.jooq.SQLDialect.POSTGRES) {
            throw new lu.entreprinder.persistence.core.ValidationException("replica",
                    "replicas need a PostgreSQL primary, the DataSource given is " + config.dialect());
        }
        ReplicaRouter router = new ReplicaRouter(config);
        RoutingConnectionProvider routing = new RoutingConnectionProvider(
                (ThreadBoundConnectionProvider) jooq.connectionProvider(), pool, transactions::current,
                transactions::externalActive, router, translator);
        List<ExecuteListenerProvider> listeners = new ArrayList<>(Arrays.asList(jooq.executeListenerProviders()));
        listeners.add(new DefaultExecuteListenerProvider(routing.listener()));
        jooq.set(routing);
        jooq.set(listeners.toArray(ExecuteListenerProvider[]::new));
        transactions.observeCommits(router::commitObserved);
        return router;
    }
}
