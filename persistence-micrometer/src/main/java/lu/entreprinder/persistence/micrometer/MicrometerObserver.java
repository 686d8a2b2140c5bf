package lu.entreprinder.persistence.micrometer;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.DatabaseObserver;
import lu.entreprinder.persistence.core.RetryableException;

/**
 * The library's work as Micrometer meters. Give it to {@link DatabaseConfig.Builder#observer}, and call
 * {@link #bindPool} once the database is open for the pool's own meters. Meters (all names start with
 * {@code entreprinder.db.}):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code entreprinder.db.statements}</td><td>timer</td>
 *       <td>{@code kind} (select, insert, update, delete, lock, batch, other), {@code operation} (the library
 *       method, e.g. {@code MatchingService.like}; {@code none} for direct {@code db.dsl()} use),
 *       {@code outcome} (success, failure)</td></tr>
 *   <tr><td>{@code entreprinder.db.lock.waits}</td><td>timer</td>
 *       <td>{@code operation}: time spent in row-locking selects, waiting for the lock included</td></tr>
 *   <tr><td>{@code entreprinder.db.transactions}</td><td>timer</td>
 *       <td>{@code outcome}: committed, rolled_back, poisoned (rolled back because a statement in it failed),
 *       failed (the commit failed)</td></tr>
 *   <tr><td>{@code entreprinder.db.retries}</td><td>counter</td>
 *       <td>{@code reason}: the {@link RetryableException.Reason} that {@code inTransactionWithRetry} retried</td></tr>
 * </table>
 *
 * <p>HikariCP's own meters ({@code hikaricp.connections…}) come from {@link #bindPool}. Thread-safe.
 */
public final class MicrometerObserver implements DatabaseObserver {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<RetryableException.Reason, Counter> retries = new ConcurrentHashMap<>();

    public MicrometerObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void statement(String kind, String operation, Duration elapsed, boolean failed) {
        String outcome = failed ? "failure" : "success";
        timers.computeIfAbsent("s|" + kind + '|' + operation + '|' + outcome, k -> Timer.builder("entreprinder.db.statements")
                .description("Statements the library ran").tag("kind", kind).tag("operation", operation)
                .tag("outcome", outcome).register(registry)).record(elapsed);
        if ("lock".equals(kind)) {
            timers.computeIfAbsent("l|" + operation, k -> Timer.builder("entreprinder.db.lock.waits")
                    .description("Row-locking selects, waiting for the lock included").tag("operation", operation)
                    .register(registry)).record(elapsed);
        }
    }

    @Override
    public void transaction(String outcome, Duration elapsed) {
        timers.computeIfAbsent("t|" + outcome, k -> Timer.builder("entreprinder.db.transactions")
                .description("Outermost transactions by how they ended").tag("outcome", outcome)
                .register(registry)).record(elapsed);
    }

    @Override
    public void retry(RetryableException.Reason reason) {
        retries.computeIfAbsent(reason, r -> Counter.builder("entreprinder.db.retries")
                .description("Transactions run again by inTransactionWithRetry").tag("reason", r.name())
                .register(registry)).increment();
    }

    /**
     * Publishes HikariCP's own pool meters when the database's pool is a HikariCP pool (the library's own, or the
     * caller's); does nothing otherwise.
     *
     * @throws IllegalStateException if the pool already reports to a metric registry (HikariCP allows one)
     */
    public static void bindPool(DataSource pool, MeterRegistry registry) {
        try {
            if (pool.isWrapperFor(HikariDataSource.class)) {
                pool.unwrap(HikariDataSource.class).setMetricRegistry(registry);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the HikariCP pool behind " + pool, e);
        }
    }
}
