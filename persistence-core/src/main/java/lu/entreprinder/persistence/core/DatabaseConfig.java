package lu.entreprinder.persistence.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.Schema;

/**
 * How to open a {@link Database}. Immutable; built with {@link #builder(String)}. Every setting has a named
 * default; {@link Builder#build()} fails fast with a message naming the setting that is wrong.
 *
 * <p>The dialect follows from the JDBC URL: {@code jdbc:postgresql:…} (production) or {@code jdbc:sqlite:…}
 * (a file, or {@code jdbc:sqlite::memory:} for one private in-memory database on a single connection).
 *
 * <p>A service that already owns a connection pool gives it with {@link #builder(DataSource)}: the library then
 * borrows from it, never closes it, and reads the dialect from the URL its connections report. The pool settings
 * ({@code username}, {@code password}, {@code maximumPoolSize}, {@code connectionTimeout}, {@code poolName},
 * {@code statementTimeout}, {@code sqliteBusyTimeout}) belong to that pool then and are refused here.
 *
 * <h2>Configuration without code</h2>
 * {@link #fromProperties(Properties, String)} and {@link #fromEnvironment(String)} read the same settings from
 * {@code Properties} (keys {@code <prefix>.<key>}) or environment variables ({@code <PREFIX>_<KEY>}, the key in
 * upper case with {@code _} for {@code -}). Each key is a builder method's name in kebab case:
 * <table>
 * <caption>Keys, their values and defaults</caption>
 * <tr><th>key</th><th>environment</th><th>value</th><th>default</th></tr>
 * <tr><td>{@code url}</td><td>{@code _URL}</td><td>JDBC URL, {@code jdbc:postgresql:…} or {@code jdbc:sqlite:…}</td>
 *     <td>required</td></tr>
 * <tr><td>{@code username}</td><td>{@code _USERNAME}</td><td>database user</td><td>none (or as in the URL)</td></tr>
 * <tr><td>{@code password}</td><td>{@code _PASSWORD}</td><td>password, taken as written (not trimmed)</td>
 *     <td>none</td></tr>
 * <tr><td>{@code maximum-pool-size}</td><td>{@code _MAXIMUM_POOL_SIZE}</td><td>1 to 1000</td>
 *     <td>{@value #DEFAULT_MAXIMUM_POOL_SIZE}</td></tr>
 * <tr><td>{@code connection-timeout}</td><td>{@code _CONNECTION_TIMEOUT}</td><td>duration, at least 250ms</td>
 *     <td>30s</td></tr>
 * <tr><td>{@code statement-timeout}</td><td>{@code _STATEMENT_TIMEOUT}</td><td>duration (PostgreSQL), 0 for none</td>
 *     <td>0 (none)</td></tr>
 * <tr><td>{@code slow-query-threshold}</td><td>{@code _SLOW_QUERY_THRESHOLD}</td><td>duration, 0 logs none</td>
 *     <td>500ms</td></tr>
 * <tr><td>{@code sqlite-busy-timeout}</td><td>{@code _SQLITE_BUSY_TIMEOUT}</td><td>duration</td><td>30s</td></tr>
 * <tr><td>{@code migrate-on-start}</td><td>{@code _MIGRATE_ON_START}</td><td>{@code true} or {@code false}</td>
 *     <td>false</td></tr>
 * <tr><td>{@code zone}</td><td>{@code _ZONE}</td><td>zone id for calendar questions (age, "today")</td>
 *     <td>Europe/Luxembourg</td></tr>
 * <tr><td>{@code pool-name}</td><td>{@code _POOL_NAME}</td><td>HikariCP pool name</td><td>entreprinder</td></tr>
 * </table>
 * A duration is {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, a bare number of milliseconds, or
 * ISO-8601 ({@code PT30S}). A blank value counts as absent (the default applies). In {@code Properties}, a key under
 * the prefix that is not in the table is refused, so a typo never silently falls back to a default; environment
 * variables under the prefix that are not in the table are ignored, because the environment is shared with the
 * platform. The clock and the jOOQ schema are objects, not strings: set them on the returned builder.
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
    private final DataSource dataSource;
    private final ExternalTransactions externalTransactions;
    private final DatabaseObserver observer;
    // Scaling out (docs/SCALING.md): PgBouncer's transaction pooling and read replicas.
    private final boolean transactionPooling;
    private final List<String> replicaUrls;
    private final List<DataSource> replicaDataSources;
    private final long maxReplicaLagBytes;
    private final Duration replicaPositionMaxAge;
    private final Duration replicaRetryInterval;

    private DatabaseConfig(Builder b, String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
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
        this.dialect = jdbcUrl == null ? null : dialectOf(jdbcUrl);
        this.dataSource = b.dataSource;
        this.externalTransactions = b.externalTransactions;
        this.observer = b.observer;
        this.transactionPooling = b.transactionPooling;
        this.replicaUrls = List.copyOf(b.replicaUrls);
        this.replicaDataSources = List.copyOf(b.replicaDataSources);
        this.maxReplicaLagBytes = b.maxReplicaLagBytes;
        this.replicaPositionMaxAge = b.replicaPositionMaxAge;
        this.replicaRetryInterval = b.replicaRetryInterval;
    }

    private DatabaseConfig(DatabaseConfig c, String reportedUrl) {
        this.jdbcUrl = reportedUrl;
        this.username = c.username;
        this.password = c.password;
        this.maximumPoolSize = c.maximumPoolSize;
        this.connectionTimeout = c.connectionTimeout;
        this.statementTimeout = c.statementTimeout;
        this.slowQueryThreshold = c.slowQueryThreshold;
        this.sqliteBusyTimeout = c.sqliteBusyTimeout;
        this.migrateOnStart = c.migrateOnStart;
        this.clock = c.clock;
        this.zone = c.zone;
        this.schema = c.schema;
        this.poolName = c.poolName;
        this.dialect = dialectOf(reportedUrl);
        this.dataSource = c.dataSource;
        this.externalTransactions = c.externalTransactions;
        this.observer = c.observer;
        this.transactionPooling = c.transactionPooling;
        this.replicaUrls = c.replicaUrls;
        this.replicaDataSources = c.replicaDataSources;
        this.maxReplicaLagBytes = c.maxReplicaLagBytes;
        this.replicaPositionMaxAge = c.replicaPositionMaxAge;
        this.replicaRetryInterval = c.replicaRetryInterval;
    }

    /**
     * Starts a configuration over a {@code DataSource} the caller owns (see the class comment).
     *
     * @throws ValidationException (field {@code dataSource}) if it is null
     */
    public static Builder builder(DataSource dataSource) {
        if (dataSource == null) {
            throw new ValidationException("dataSource", "is required");
        }
        return new Builder(dataSource);
    }

    /** This configuration with the URL that the caller's {@code DataSource} reported, so its dialect is known. */
    DatabaseConfig withReportedUrl(String reportedUrl) {
        return new DatabaseConfig(this, reportedUrl);
    }

    /** The caller's connection pool, or null when the library builds its own from {@link #jdbcUrl()}. */
    public DataSource dataSource() { return dataSource; }
    /** The external transaction manager the library joins, or null (see {@link ExternalTransactions}). */
    public ExternalTransactions externalTransactions() { return externalTransactions; }
    /** Who hears about statements and transactions (default: nobody). */
    public DatabaseObserver observer() { return observer; }

    /**
     * Starts a configuration for the given JDBC URL.
     *
     * @param jdbcUrl {@code jdbc:postgresql:…} or {@code jdbc:sqlite:…}
     * @return a builder with every other setting at its default
     * @throws ValidationException (field {@code jdbcUrl}) if the URL is null or names an unsupported database
     */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /**
     * Reads the settings from {@code Properties}: {@code <prefix>.url}, {@code <prefix>.maximum-pool-size}, … (the
     * keys and defaults are in the class comment). The returned builder is already validated; set the clock or the
     * schema on it and call {@link Builder#build()}.
     *
     * @param properties where the settings are, e.g. loaded from the service's {@code application.properties}
     * @param prefix the keys' common prefix, e.g. {@code "entreprinder.database"} (a trailing dot is optional);
     *        empty for bare keys, which also turns off the check for unknown keys
     * @return a builder holding the settings found, defaults for the others
     * @throws ValidationException naming the full key (e.g. {@code entreprinder.database.maximum-pool-size}) when a
     *         value is missing, malformed or out of range, or a key under the prefix is unknown
     */
    public static Builder fromProperties(Properties properties, String prefix) {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(prefix, "prefix");
        String dotted = prefix.isEmpty() || prefix.endsWith(".") ? prefix : prefix + ".";
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return ExternalSettings.read(values, key -> dotted + key, dotted.isEmpty() ? null : dotted);
    }

    /**
     * Reads the settings from the process's environment variables: {@code <PREFIX>_URL},
     * {@code <PREFIX>_MAXIMUM_POOL_SIZE}, … (the keys and defaults are in the class comment).
     *
     * @param prefix the variables' common prefix, e.g. {@code "ENTREPRINDER_DB"} (a trailing underscore is optional)
     * @return a builder holding the settings found, defaults for the others
     * @throws ValidationException naming the variable when a value is missing, malformed or out of range; field
     *         {@code prefix} when the prefix is blank. Unknown variables under the prefix are ignored (the
     *         environment is shared: Kubernetes adds {@code <SERVICE>_PORT} for a service named like the prefix)
     */
    public static Builder fromEnvironment(String prefix) {
        return fromEnvironment(System.getenv(), prefix);
    }

    /**
     * As {@link #fromEnvironment(String)}, from the given variables (tests, or a service's own environment view).
     *
     * @param environment variable names to values
     * @param prefix the variables' common prefix, e.g. {@code "ENTREPRINDER_DB"} (a trailing underscore is optional)
     * @return a builder holding the settings found, defaults for the others
     * @throws ValidationException naming the variable when a value is missing, malformed or out of range; field
     *         {@code prefix} when the prefix is blank. Unknown variables under the prefix are ignored (the
     *         environment is shared: Kubernetes adds {@code <SERVICE>_PORT} for a service named like the prefix)
     */
    public static Builder fromEnvironment(Map<String, String> environment, String prefix) {
        Objects.requireNonNull(environment, "environment");
        if (prefix == null || prefix.isBlank()) {
            throw new ValidationException("prefix", "is required for environment variables (e.g. ENTREPRINDER_DB)");
        }
        String underscored = prefix.endsWith("_") ? prefix : prefix + "_";
        // Unknown variables under the prefix are not refused: the environment is shared with the platform
        // (Kubernetes injects <SERVICE>_PORT, <SERVICE>_SERVICE_HOST for a service named like the prefix).
        return ExternalSettings.read(environment,
                key -> underscored + key.toUpperCase(Locale.ROOT).replace('-', '_'), null);
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
        throw new ValidationException("jdbcUrl", "unsupported database in '" + maskUrl(jdbcUrl)
                + "' (supported: jdbc:postgresql:…, jdbc:sqlite:…)");
    }

    /** @return the JDBC URL as given (may contain a password: log {@link #maskedJdbcUrl()} instead) */
    public String jdbcUrl() { return jdbcUrl; }
    /** @return the JDBC URL with the value of any {@code password=} parameter replaced by {@code ****} */
    public String maskedJdbcUrl() { return maskUrl(jdbcUrl); }
    /** @return the database user; null when none was set */
    public String username() { return username; }
    /** @return the password; null when none was set */
    public String password() { return password; }
    /** @return the pool size */
    public int maximumPoolSize() { return maximumPoolSize; }
    /** @return how long a caller waits for a pooled connection */
    public Duration connectionTimeout() { return connectionTimeout; }
    /** @return the PostgreSQL statement timeout; {@link Duration#ZERO} for none */
    public Duration statementTimeout() { return statementTimeout; }
    /** @return the duration above which a statement is logged as slow; {@link Duration#ZERO} for never */
    public Duration slowQueryThreshold() { return slowQueryThreshold; }
    /** @return how long a SQLite writer waits for the write lock */
    public Duration sqliteBusyTimeout() { return sqliteBusyTimeout; }
    /** @return whether {@link Database#open} applies pending migrations */
    public boolean migrateOnStart() { return migrateOnStart; }
    /** @return the source of every "now" */
    public Clock clock() { return clock; }
    /** @return the zone for calendar questions (age, "today") */
    public ZoneId zone() { return zone; }
    /**
     * @return the generated jOOQ schema, used to name constraints in SQLite's errors: the one given, else the
     *         library's own when its {@code schema} jar is on the class path; null when neither
     */
    public Schema schema() { return schema; }
    /** @return the HikariCP pool name */
    public String poolName() { return poolName; }
    /** @return the jOOQ dialect, from the URL */
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
        return dialect == SQLDialect.SQLITE && dataSource == null && (jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory"));
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
        return url == null ? "<the caller's DataSource>" : url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    /** Builder with the defaults named on {@link DatabaseConfig}. */
    public static final class Builder {
        private final String jdbcUrl;
        private final DataSource dataSource;
        private ExternalTransactions externalTransactions;
        private DatabaseObserver observer = DatabaseObserver.NONE;
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
        private Schema schema = LibrarySchema.INSTANCE;
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
            this.dataSource = null;
        }

        private Builder(DataSource dataSource) {
            this.jdbcUrl = null;
            this.dataSource = dataSource;
        }

        /** Joins the transactions of this manager (default: none; see {@link ExternalTransactions}). */
        public Builder externalTransactions(ExternalTransactions externalTransactions) {
            this.externalTransactions = externalTransactions;
            return this;
        }

        /** Tells {@code observer} about statements and transactions (default: nobody). */
        public Builder observer(DatabaseObserver observer) { this.observer = observer; return this; }

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

        /**
         * The generated jOOQ schema; lets SQLite's column-list errors be named by constraint (default: the library's
         * generated schema, found on the class path, so no caller has to name it).
         */
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
            if (observer == null) {
                throw new ValidationException("observer", "is required");
            }
            if (dataSource != null) {
                refuseForOwnPool("username", username != null);
                refuseForOwnPool("password", password != null);
                refuseForOwnPool("maximumPoolSize", maximumPoolSize != DEFAULT_MAXIMUM_POOL_SIZE);
                refuseForOwnPool("connectionTimeout", !connectionTimeout.equals(DEFAULT_CONNECTION_TIMEOUT));
                refuseForOwnPool("statementTimeout", !statementTimeout.equals(DEFAULT_STATEMENT_TIMEOUT));
                refuseForOwnPool("sqliteBusyTimeout", !sqliteBusyTimeout.equals(DEFAULT_SQLITE_BUSY_TIMEOUT));
                refuseForOwnPool("poolName", !poolName.equals("entreprinder"));
            }
            validateScaling();
            return new DatabaseConfig(this, jdbcUrl);
        }

        private static void refuseForOwnPool(String setting, boolean set) {
            if (set) {
                throw new ValidationException(setting, "belongs to the DataSource you gave; set it on that pool");
            }
        }

        private void validateScaling() {
            // With the caller's DataSource the primary's dialect is known only when the database opens (checked there).
            boolean primaryMayBePostgres = jdbcUrl == null || jdbcUrl.startsWith("jdbc:postgresql:");
            for (String replica : replicaUrls) {
                if (replica == null || !replica.startsWith("jdbc:postgresql:") || !primaryMayBePostgres) {
                    throw new ValidationException("replica", "must be a jdbc:postgresql: URL beside a PostgreSQL primary, was "
                            + (replica == null ? "null" : maskUrl(replica)));
                }
            }
            if (!replicaDataSources.isEmpty() && !primaryMayBePostgres) {
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

    /** The library's generated schema, looked up once by name: core does not depend on the schema jar. */
    private static final class LibrarySchema {
        static final Schema INSTANCE = find();

        private static Schema find() {
            try {
                Class<?> type = Class.forName("lu.entreprinder.persistence.schema.generated.DefaultSchema", true,
                        DatabaseConfig.class.getClassLoader());
                return (Schema) type.getField("DEFAULT_SCHEMA").get(null);
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return null; // no schema jar: constraint names then come from SQLite's column lists
            }
        }
    }
}
