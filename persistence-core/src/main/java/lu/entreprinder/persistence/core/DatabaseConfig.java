package lu.entreprinder.persistence.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.Schema;

/**
 * How to open a {@link Database}. Immutable; built with {@link #builder(String)}. Every setting has a named
 * default; {@link Builder#build()} fails fast with a message naming the setting that is wrong.
 *
 * <p>The dialect follows from the JDBC URL: {@code jdbc:postgresql:…} (production) or {@code jdbc:sqlite:…}
 * (a file, or {@code jdbc:sqlite::memory:} for one private in-memory database on a single connection).
 */
public final class DatabaseConfig {

    /** Default pool size: {@value}. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    /** Default wait for a pooled connection: 30 s. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    /** Default statement timeout: none ({@link Duration#ZERO}). */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;
    /** Default threshold above which a statement is logged as slow: 500 ms. */
    public static final Duration DEFAULT_SLOW_QUERY_THRESHOLD = Duration.ofMillis(500);
    /** Default SQLite busy timeout (how long a writer waits for the write lock): 30 s. */
    public static final Duration DEFAULT_SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(30);
    /** Default bound on how far (in WAL bytes) a replica may trail the primary and still serve reads: 16 MiB. */
    public static final long DEFAULT_MAX_REPLICA_LAG_BYTES = 16L * 1024 * 1024;
    /** Default age after which a replica's cached replay position is asked again: 50 ms. */
    public static final Duration DEFAULT_REPLICA_POSITION_MAX_AGE = Duration.ofMillis(50);
    /** Default pause before a replica that failed is tried again: 5 s. */
    public static final Duration DEFAULT_REPLICA_RETRY_INTERVAL = Duration.ofSeconds(5);
    /** Default zone for calendar questions (age, "today"): Europe/Luxembourg. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Luxembourg");

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final int maximumPoolSize;
    private final Duration connectionTimeout;
    private final Duration statementTimeout;
    private final Duration slowQueryThreshold;
    private final Duration sqliteBusyTimeout;
    private final boolean migrateOnStart;
    private final Clock clock;
    private final ZoneId zone;
    private final Schema schema;
    private final String poolName;
    private final SQLDialect dialect;
    // Scaling out (docs/SCALING.md): PgBouncer's transaction pooling and read replicas.
    private final boolean transactionPooling;
    private final List<String> replicaUrls;
    private final List<DataSource> replicaDataSources;
    private final long maxReplicaLagBytes;
    private final Duration replicaPositionMaxAge;
    private final Duration replicaRetryInterval;

    private DatabaseConfig(Builder b) {
        this.jdbcUrl = b.jdbcUrl;
        this.username = b.username;
        this.password = b.password;
        this.maximumPoolSize = b.maximumPoolSize;
        this.connectionTimeout = b.connectionTimeout;
        this.statementTimeout = b.statementTimeout;
        this.slowQueryThreshold = b.slowQueryThreshold;
        this.sqliteBusyTimeout = b.sqliteBusyTimeout;
        this.migrateOnStart = b.migrateOnStart;
        this.clock = b.clock;
        this.zone = b.zone;
        this.schema = b.schema;
        this.poolName = b.poolName;
        this.dialect = dialectOf(b.jdbcUrl);
        this.transactionPooling = b.transactionPooling;
        this.replicaUrls = List.copyOf(b.replicaUrls);
        this.replicaDataSources = List.copyOf(b.replicaDataSources);
        this.maxReplicaLagBytes = b.maxReplicaLagBytes;
        this.replicaPositionMaxAge = b.replicaPositionMaxAge;
        this.replicaRetryInterval = b.replicaRetryInterval;
    }

    /**
     * Starts a configuration for the given JDBC URL.
     *
     * @throws ValidationException (field {@code jdbcUrl}) if the URL is null or names an unsupported database
     */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new ValidationException("jdbcUrl", "is required (e.g. jdbc:postgresql://host:5432/db or jdbc:sqlite:/path/app.db)");
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLDialect.SQLITE;
        }
        throw new ValidationException("jdbcUrl", "unsupported database in '" + jdbcUrl
                + "' (supported: jdbc:postgresql:…, jdbc:sqlite:…)");
    }

    public String jdbcUrl() { return jdbcUrl; }
    public String username() { return username; }
    public String password() { return password; }
    public int maximumPoolSize() { return maximumPoolSize; }
    public Duration connectionTimeout() { return connectionTimeout; }
    public Duration statementTimeout() { return statementTimeout; }
    public Duration slowQueryThreshold() { return slowQueryThreshold; }
    public Duration sqliteBusyTimeout() { return sqliteBusyTimeout; }
    public boolean migrateOnStart() { return migrateOnStart; }
    public Clock clock() { return clock; }
    public ZoneId zone() { return zone; }
    /** The generated jOOQ schema, used to name constraints in SQLite's errors; may be null. */
    public Schema schema() { return schema; }
    public String poolName() { return poolName; }
    public SQLDialect dialect() { return dialect; }

    /** True when the URL points at a transaction-mode pooler such as PgBouncer (see {@link Builder#transactionPooling}). */
    public boolean transactionPooling() { return transactionPooling; }
    /** JDBC URLs of PostgreSQL streaming replicas that may serve reads (default: none). */
    public List<String> replicaUrls() { return replicaUrls; }
    /** Streaming replicas given as data sources (pooled by their owner, who also closes them; default: none). */
    public List<DataSource> replicaDataSources() { return replicaDataSources; }
    public long maxReplicaLagBytes() { return maxReplicaLagBytes; }
    public Duration replicaPositionMaxAge() { return replicaPositionMaxAge; }
    public Duration replicaRetryInterval() { return replicaRetryInterval; }

    /** True for {@code jdbc:sqlite::memory:} and other in-memory SQLite URLs: one connection, never closed. */
    public boolean sqliteInMemory() {
        return dialect == SQLDialect.SQLITE && (jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory"));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + maskUrl(jdbcUrl) + ", username=" + username
                + ", password=" + (password == null ? "null" : "****")
                + ", maximumPoolSize=" + maximumPoolSize + ", connectionTimeout=" + connectionTimeout
                + ", statementTimeout=" + statementTimeout + ", slowQueryThreshold=" + slowQueryThreshold
                + ", sqliteBusyTimeout=" + sqliteBusyTimeout + ", migrateOnStart=" + migrateOnStart
                + ", zone=" + zone + ", poolName=" + poolName + ", dialect=" + dialect + "]";
    }

    /** Masks a {@code password=} parameter inside a JDBC URL. */
    static String maskUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    /** Builder with the defaults named on {@link DatabaseConfig}. */
    public static final class Builder {
        private final String jdbcUrl;
        private String username;
        private String password;
        private int maximumPoolSize = DEFAULT_MAXIMUM_POOL_SIZE;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private Duration slowQueryThreshold = DEFAULT_SLOW_QUERY_THRESHOLD;
        private Duration sqliteBusyTimeout = DEFAULT_SQLITE_BUSY_TIMEOUT;
        private boolean migrateOnStart;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = DEFAULT_ZONE;
        private Schema schema;
        private String poolName = "entreprinder";
        private boolean transactionPooling;
        private final List<String> replicaUrls = new ArrayList<>();
        private final List<DataSource> replicaDataSources = new ArrayList<>();
        private long maxReplicaLagBytes = DEFAULT_MAX_REPLICA_LAG_BYTES;
        private Duration replicaPositionMaxAge = DEFAULT_REPLICA_POSITION_MAX_AGE;
        private Duration replicaRetryInterval = DEFAULT_REPLICA_RETRY_INTERVAL;

        private Builder(String jdbcUrl) {
            dialectOf(jdbcUrl);
            this.jdbcUrl = jdbcUrl;
        }

        /** Database user (default: none, or as given in the URL). */
        public Builder username(String username) { this.username = username; return this; }

        /** Database password (default: none). Never printed by {@code toString}. */
        public Builder password(String password) { this.password = password; return this; }

        /** Pool size (default: {@value DatabaseConfig#DEFAULT_MAXIMUM_POOL_SIZE}; in-memory SQLite always uses 1). */
        public Builder maximumPoolSize(int maximumPoolSize) { this.maximumPoolSize = maximumPoolSize; return this; }

        /** How long a caller waits for a pooled connection before {@link RetryableException.Reason#POOL_EXHAUSTED} (default: 30 s; at least 250 ms). */
        public Builder connectionTimeout(Duration connectionTimeout) { this.connectionTimeout = connectionTimeout; return this; }

        /** PostgreSQL {@code statement_timeout} for every connection (default: none, {@link Duration#ZERO}). */
        public Builder statementTimeout(Duration statementTimeout) { this.statementTimeout = statementTimeout; return this; }

        /** Statements slower than this are logged at WARN (default: 500 ms; {@link Duration#ZERO} logs none). */
        public Builder slowQueryThreshold(Duration slowQueryThreshold) { this.slowQueryThreshold = slowQueryThreshold; return this; }

        /** How long a SQLite writer waits for the write lock (default: 30 s). */
        public Builder sqliteBusyTimeout(Duration sqliteBusyTimeout) { this.sqliteBusyTimeout = sqliteBusyTimeout; return this; }

        /** Apply pending migrations when the database opens (default: false). */
        public Builder migrateOnStart(boolean migrateOnStart) { this.migrateOnStart = migrateOnStart; return this; }

        /** Source of every "now" (default: {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) { this.clock = clock; return this; }

        /** Zone for calendar questions such as age and "today" (default: Europe/Luxembourg). */
        public Builder zone(ZoneId zone) { this.zone = zone; return this; }

        /** The generated jOOQ schema; lets SQLite's column-list errors be named by constraint (default: none). */
        public Builder schema(Schema schema) { this.schema = schema; return this; }

        /** HikariCP pool name, shown in its logs and thread names (default: entreprinder). */
        public Builder poolName(String poolName) { this.poolName = poolName; return this; }

        /**
         * The connection profile for PgBouncer in transaction mode (default: false, a direct connection): no
         * server-side prepared statements ({@code prepareThreshold=0}, PgBouncer 1.18 cannot route them), and the
         * {@link #statementTimeout} enforced per statement by the driver (a cancel request, which PgBouncer forwards)
         * instead of a session {@code SET} that the pooler would leak to other clients. See docs/SCALING.md.
         */
        public Builder transactionPooling(boolean transactionPooling) { this.transactionPooling = transactionPooling; return this; }

        /**
         * Adds a PostgreSQL streaming replica (a {@code jdbc:postgresql:} URL, same user and password as the primary
         * unless the URL names others) that may serve reads outside transactions (default: none). Writes, locks and
         * transactions always use the primary; a caller reads its own writes (see {@link Database#readYourWrites}).
         */
        public Builder replica(String jdbcUrl) { this.replicaUrls.add(jdbcUrl); return this; }

        /**
         * Adds a PostgreSQL streaming replica as a data source (a pool of its owner's, who also closes it), with the
         * same rules as {@link #replica(String)}.
         *
         * @throws NullPointerException if {@code dataSource} is null
         */
        public Builder replica(DataSource dataSource) {
            this.replicaDataSources.add(Objects.requireNonNull(dataSource, "dataSource"));
            return this;
        }

        /** How far (WAL bytes) a replica may trail the newest commit seen by this library and still serve reads (default: 16 MiB). */
        public Builder maxReplicaLagBytes(long maxReplicaLagBytes) { this.maxReplicaLagBytes = maxReplicaLagBytes; return this; }

        /** How long a replica's replay position is reused before it is asked again (default: 50 ms; zero asks every time it matters). */
        public Builder replicaPositionMaxAge(Duration replicaPositionMaxAge) { this.replicaPositionMaxAge = replicaPositionMaxAge; return this; }

        /** How long a replica that failed is left out before it is tried again (default: 5 s). */
        public Builder replicaRetryInterval(Duration replicaRetryInterval) { this.replicaRetryInterval = replicaRetryInterval; return this; }

        /**
         * Validates and builds.
         *
         * @throws ValidationException naming the first setting that is out of range
         */
        public DatabaseConfig build() {
            if (maximumPoolSize < 1 || maximumPoolSize > 1_000) {
                throw new ValidationException("maximumPoolSize", "must be between 1 and 1000, was " + maximumPoolSize);
            }
            requireDuration("connectionTimeout", connectionTimeout, Duration.ofMillis(250));
            requireDuration("statementTimeout", statementTimeout, Duration.ZERO);
            requireDuration("slowQueryThreshold", slowQueryThreshold, Duration.ZERO);
            requireDuration("sqliteBusyTimeout", sqliteBusyTimeout, Duration.ZERO);
            if (clock == null) {
                throw new ValidationException("clock", "is required");
            }
            if (zone == null) {
                throw new ValidationException("zone", "is required");
            }
            if (poolName == null || poolName.isBlank()) {
                throw new ValidationException("poolName", "is required");
            }
            validateScaling();
            return new DatabaseConfig(this);
        }

        private void validateScaling() {
            for (String replica : replicaUrls) {
                if (replica == null || !replica.startsWith("jdbc:postgresql:") || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                    throw new ValidationException("replica", "must be a jdbc:postgresql: URL beside a PostgreSQL primary, was "
                            + (replica == null ? "null" : maskUrl(replica)));
                }
            }
            if (!replicaDataSources.isEmpty() && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new ValidationException("replica", "replicas need a PostgreSQL primary, was " + maskUrl(jdbcUrl));
            }
            if (maxReplicaLagBytes < 0) {
                throw new ValidationException("maxReplicaLagBytes", "must be at least 0, was " + maxReplicaLagBytes);
            }
            requireDuration("replicaPositionMaxAge", replicaPositionMaxAge, Duration.ZERO);
            requireDuration("replicaRetryInterval", replicaRetryInterval, Duration.ZERO);
        }

        private static void requireDuration(String setting, Duration value, Duration minimum) {
            Objects.requireNonNull(setting);
            if (value == null) {
                throw new ValidationException(setting, "is required");
            }
            if (value.compareTo(minimum) < 0) {
                throw new ValidationException(setting, "must be at least " + minimum + ", was " + value);
            }
        }
    }
}
