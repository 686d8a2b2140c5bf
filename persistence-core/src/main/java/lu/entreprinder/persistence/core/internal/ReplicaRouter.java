package lu.entreprinder.persistence.core.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.ReplicaStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where a read outside a transaction runs: a streaming replica that has replayed the caller's last commit
 * (read-your-writes by WAL position, LSN), else the primary. Callers are keyed by an explicit key
 * ({@link #withKey}) or, without one, by their thread. Replica positions are cached for
 * {@link DatabaseConfig#replicaPositionMaxAge()}: a cached position only ever understates the truth (replay moves
 * forward), so the cache can send a read to the primary needlessly but never serve a caller stale data.
 */
public final class ReplicaRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouter.class);
    /** The WAL position after the commit, as bytes since 0/0: a replica that replayed this far sees the commit. */
    static final String COMMIT_POSITION = "select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";
    static final String REPLAY_POSITION = "select (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";
    /** Keyed positions a replica has passed are useless; prune them once the map is this large. */
    private static final int PRUNE_AT = 10_000;

    /** Why a read did not use a replica. */
    public enum Reason { WAITED_FOR_REPLAY, REPLICA_DOWN, REPLICA_LAGGING, RECOVERY_CONFLICT }

    /** One replica: its pool and what is known about it. */
    public static final class Replica {
        final String url;
        final DataSource pool;
        final HikariDataSource owned; // null for a data source the caller gave and closes
        volatile long replayed = -1;
        volatile boolean known;
        volatile long askedAt;
        volatile long downUntil = System.nanoTime();

        Replica(String url, DataSource pool, HikariDataSource owned) {
            this.url = url;
            this.pool = pool;
            this.owned = owned;
        }
    }

    private final List<Replica> replicas = new ArrayList<>();
    private final long maxLagBytes;
    private final long positionMaxAgeNanos;
    private final long retryNanos;
    private final AtomicLong newestCommit = new AtomicLong(-1);
    private final ThreadLocal<long[]> threadPosition = ThreadLocal.withInitial(() -> new long[] {-1});
    private final Map<Object, Long> keyPositions = new ConcurrentHashMap<>();
    private final ThreadLocal<Object> key = new ThreadLocal<>();
    private final ThreadLocal<int[]> primaryScope = ThreadLocal.withInitial(() -> new int[1]);
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder replicaReads = new LongAdder();
    private final LongAdder primaryReads = new LongAdder();
    private final LongAdder waited = new LongAdder();
    private final LongAdder down = new LongAdder();
    private final LongAdder lagging = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder positionQueries = new LongAdder();
    private final LongAdder captured = new LongAdder();

    public ReplicaRouter(DatabaseConfig config) {
        this.maxLagBytes = config.maxReplicaLagBytes();
        this.positionMaxAgeNanos = config.replicaPositionMaxAge().toNanos();
        this.retryNanos = config.replicaRetryInterval().toNanos();
        int i = 0;
        for (String url : config.replicaUrls()) {
            HikariDataSource pool = pool(config, url, ++i);
            replicas.add(new Replica(url, pool, pool));
        }
        for (DataSource dataSource : config.replicaDataSources()) {
            replicas.add(new Replica("replica data source " + (++i), dataSource, null));
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, String url, int index) {
        HikariConfig h = new HikariConfig();
        h.setJdbcUrl(url);
        h.setUsername(config.username());
        h.setPassword(config.password());
        h.setPoolName(config.poolName() + "-replica-" + index);
        h.setDriverClassName("org.postgresql.Driver");
        h.setMaximumPoolSize(config.maximumPoolSize());
        h.setMinimumIdle(0);
        h.setAutoCommit(true);
        h.setReadOnly(true);
        // A replica that is down must cost a read little: wait briefly, then the read goes to the primary.
        h.setConnectionTimeout(Math.min(1_000, config.connectionTimeout().toMillis()));
        h.setInitializationFailTimeout(-1);
        if (config.transactionPooling()) {
            h.addDataSourceProperty("prepareThreshold", "0");
        }
        return new HikariDataSource(h);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scopes
    // ---------------------------------------------------------------------------------------------------------

    /** Runs {@code work} on behalf of {@code callerKey}: its commits are remembered for, and its reads wait for, that key. */
    public <T> T withKey(Object callerKey, Supplier<T> work) {
        Objects.requireNonNull(callerKey, "callerKey");
        Object previous = key.get();
        key.set(callerKey);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                key.remove();
            } else {
                key.set(previous);
            }
        }
    }

    /** Runs {@code work} with every read on the primary. */
    public <T> T onPrimary(Supplier<T> work) {
        int[] depth = primaryScope.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
        }
    }

    boolean primaryOnly() {
        return primaryScope.get()[0] > 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Commits
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Asks the primary, on the connection that just committed, for its WAL insert position and remembers it for the
     * caller: the key of the enclosing {@link #withKey} scope, else the thread. One round trip; never throws (a failure is logged: the caller's next reads then
     * go to the primary until the thread's position is captured again).
     */
    public void commitObserved(Connection connection) {
        long position;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(COMMIT_POSITION)) {
            rs.next();
            position = rs.getLong(1);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not read the primary's WAL position after a commit; this caller reads from the primary", e);
            position = Long.MAX_VALUE;
        }
        remember(position);
    }

    void remember(long position) {
        captured.increment();
        if (position != Long.MAX_VALUE) {
            newestCommit.accumulateAndGet(position, Math::max);
        }
        Object callerKey = key.get();
        if (callerKey == null) {
            long[] mine = threadPosition.get();
            mine[0] = Math.max(mine[0], position);
        } else {
            keyPositions.merge(callerKey, position, Math::max);
            if (keyPositions.size() > PRUNE_AT) {
                prune();
            }
        }
    }

    /** Drops keyed positions that every live replica has replayed (they can no longer hold a read back). */
    private void prune() {
        long passed = Long.MAX_VALUE;
        for (Replica replica : replicas) {
            passed = Math.min(passed, replica.replayed);
        }
        long floor = passed;
        keyPositions.values().removeIf(p -> p <= floor);
    }

    private long requiredPosition() {
        Object callerKey = key.get();
        if (callerKey == null) {
            return threadPosition.get()[0];
        }
        Long keyed = keyPositions.get(callerKey);
        return keyed == null ? -1 : keyed;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reads
    // ---------------------------------------------------------------------------------------------------------

    /** Counts a read that was never a replica candidate. */
    void countPrimaryRead() {
        primaryReads.increment();
    }

    /**
     * A replica that may serve the calling caller's next read now, or null (the read goes to the primary; the
     * reason is counted).
     */
    Replica choose() {
        long required = requiredPosition();
        Reason reason = null;
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get((start + i) % replicas.size());
            Reason refused = refusal(replica, required);
            if (refused == null) {
                replicaReads.increment();
                return replica;
            }
            if (reason == null || refused.ordinal() < reason.ordinal()) {
                reason = refused;
            }
        }
        count(reason);
        return null;
    }

    private Reason refusal(Replica replica, long required) {
        long now = System.nanoTime();
        if (now - replica.downUntil < 0) {
            return Reason.REPLICA_DOWN;
        }
        // A fresh cached position that is behind the caller sends the read to the primary without asking again:
        // at most one position query per replica per replicaPositionMaxAge.
        boolean fresh = replica.known && now - replica.askedAt < positionMaxAgeNanos;
        if (!fresh && !refresh(replica)) {
            return Reason.REPLICA_DOWN;
        }
        long newest = newestCommit.get();
        if (newest >= 0 && newest - replica.replayed > maxLagBytes) {
            return Reason.REPLICA_LAGGING;
        }
        return replica.replayed >= required ? null : Reason.WAITED_FOR_REPLAY;
    }

    /** Asks the replica how far it has replayed; false (and the replica marked down) when it cannot answer. */
    private boolean refresh(Replica replica) {
        synchronized (replica) {
            if (replica.known && System.nanoTime() - replica.askedAt < positionMaxAgeNanos) {
                return true; // another thread just asked
            }
            positionQueries.increment();
            try (Connection c = replica.pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(REPLAY_POSITION)) {
                rs.next();
                long replayed = rs.getLong(1);
                if (rs.wasNull()) {
                    markDown(replica, "it is not in recovery (not a streaming replica)", null);
                    return false;
                }
                replica.replayed = Math.max(replica.replayed, replayed);
                replica.askedAt = System.nanoTime();
                replica.known = true;
                return true;
            } catch (SQLException | RuntimeException e) {
                markDown(replica, "it cannot be reached", e);
                return false;
            }
        }
    }

    void markDown(Replica replica, String why, Exception cause) {
        replica.known = false;
        replica.downUntil = System.nanoTime() + retryNanos;
        LOG.warn("replica {} left out for {} ms: {}{}", DatabaseConfigAccess.mask(replica.url), retryNanos / 1_000_000,
                why, cause == null ? "" : " (" + cause.getMessage() + ")");
    }

    /** A read the replica accepted but then failed for {@code reason}; it is run again on the primary. */
    void fellBack(Replica replica, Reason reason, SQLException cause) {
        replicaReads.decrement();
        count(reason);
        if (reason == Reason.REPLICA_DOWN) {
            markDown(replica, "a read on it failed", cause);
        } else {
            LOG.warn("replica {} cancelled a read for a recovery conflict; it runs again on the primary",
                    DatabaseConfigAccess.mask(replica.url));
        }
    }

    private void count(Reason reason) {
        switch (reason) {
            case WAITED_FOR_REPLAY -> waited.increment();
            case REPLICA_DOWN -> down.increment();
            case REPLICA_LAGGING -> lagging.increment();
            case RECOVERY_CONFLICT -> conflicts.increment();
        }
    }

    public ReplicaStats stats() {
        return new ReplicaStats(replicaReads.sum(), primaryReads.sum(), waited.sum(), down.sum(), lagging.sum(),
                conflicts.sum(), positionQueries.sum(), captured.sum());
    }

    @Override
    public void close() {
        for (Replica replica : replicas) {
            if (replica.owned != null) {
                replica.owned.close();
            }
        }
    }

    /** Masks passwords in URLs for logs without widening DatabaseConfig's API. */
    static final class DatabaseConfigAccess {
        static String mask(String url) {
            return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
        }
    }
}
