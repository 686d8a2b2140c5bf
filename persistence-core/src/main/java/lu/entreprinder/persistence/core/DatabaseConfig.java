package lu.entreprinder.persistence.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
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
 *
 * <p>A service that already owns a connection pool gives it with {@link #builder(DataSource)}: the library then
 * borrows from it, never closes it, and reads the dialect from the URL its connections report. The pool settings
 * ({@code username}, {@code password}, {@code maximumPoolSize}, {@code connectionTimeout}, {@code poolName},
 * {@code statementTimeout}, {@code sqliteBusyTimeout}) belong to that pool then and are refused here.
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
        private Schema schema;
        private String poolName = "entreprinder";

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

        /** The generated jOOQ schema; lets SQLite's column-list errors be named by constraint (default: none). */
        public Builder schema(Schema schema) { this.schema = schema; return this; }

        /** HikariCP pool name, shown in its logs and thread names (default: entreprinder). */
        public Builder poolName(String poolName) { this.poolName = poolName; return this; }

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
            return new DatabaseConfig(this, jdbcUrl);
        }

        private static void refuseForOwnPool(String setting, boolean set) {
            if (set) {
                throw new ValidationException(setting, "belongs to the DataSource you gave; set it on that pool");
            }
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
