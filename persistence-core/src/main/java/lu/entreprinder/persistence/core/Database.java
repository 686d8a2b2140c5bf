package lu.entreprinder.persistence.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.internal.Adoption;
import lu.entreprinder.persistence.core.internal.BulkLoader;
import lu.entreprinder.persistence.core.internal.ErrorTranslator;
import lu.entreprinder.persistence.core.internal.LibraryExecuteListener;
import lu.entreprinder.persistence.core.internal.NonClosingConnection;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.internal.ReplicaRouter;
import lu.entreprinder.persistence.core.internal.ScaleOut;
import lu.entreprinder.persistence.core.internal.SqlScript;
import lu.entreprinder.persistence.core.internal.Startup;
import lu.entreprinder.persistence.core.internal.StatementCounting;
import lu.entreprinder.persistence.core.internal.StatementRecording;
import lu.entreprinder.persistence.core.internal.ThreadBoundConnectionProvider;
import lu.entreprinder.persistence.core.internal.TransactionBoundConnectionProvider;
import lu.entreprinder.persistence.core.internal.TransactionRunner;
import lu.entreprinder.persistence.core.internal.TranslatingRecordMapperProvider;
import lu.entreprinder.persistence.core.internal.TransactionState;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's entry point: a connection pool, a {@link DSLContext} of the right dialect, migrations and
 * transactions. Thread-safe; open one per database and share it. {@link #close()} is idempotent.
 *
 * <p>{@link #dsl()} is transaction-aware: on a thread inside {@link #inTransaction}, statements run on that
 * transaction's connection; elsewhere each statement borrows a pooled connection. DAOs built over it can therefore
 * be composed inside one transaction.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final DatabaseConfig config;
    /** The pool the library built, or null when the caller gave its own DataSource (never closed here). */
    private final HikariDataSource ownPool;
    private final DataSource pool;
    private final DSLContext dsl;
    private final ErrorTranslator translator;
    private final StatementCounting counting = new StatementCounting();
    private final StatementRecording recording = new StatementRecording();
    private final TransactionRunner transactions;
    private final BulkLoader bulk;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReplicaRouter replicas; // null without read replicas
    /** Race tests' switch and pause points (see {@link RaceSeam}); reached through {@link RaceSeam#of}. */
    private final RaceSeam raceSeam = new RaceSeam();
    /** {@link #today()}'s day, kept until the clock leaves it. */
    private volatile Day currentDay;

    static {
        RaceSeam.install(db -> ((Database) db).raceSeam);
    }

    private Database(DatabaseConfig config) {
        this.config = config;
        this.translator = new ErrorTranslator(config.dialect(), config.schema());
        this.ownPool = config.dataSource() == null ? new HikariDataSource(hikari(config)) : null;
        this.pool = ownPool != null ? ownPool : config.dataSource();
        this.transactions = new TransactionRunner(pool, this::evict, config.dialect(), translator,
                config.externalTransactions(), config.observer());
        this.bulk = new BulkLoader(translator, counting);
        DefaultConfiguration jooq = new DefaultConfiguration();
        jooq.set(config.dialect());
        // jOOQ's default quoting stays: Django's column names include reserved words (journeychallenge."order").
        jooq.set(new Settings().withExecuteLogging(false));
        jooq.set(new ThreadBoundConnectionProvider(pool, transactions::current, translator));
        jooq.set(new LibraryExecuteListener(counting, recording, translator, transactions, config.slowQueryThreshold(),
                config.observer()));
        jooq.set(new TranslatingRecordMapperProvider(jooq, translator));
        this.replicas = ScaleOut.configure(jooq, config, pool, transactions, translator);
        this.dsl = DSL.using(jooq);
    }

    /**
     * Opens the pool (and migrates when {@link DatabaseConfig#migrateOnStart()} is set).
     *
     * @throws ConfigurationException if the setup is wrong (JDBC driver not on the class path, user or password
     *         refused, database missing): not retryable, the message says what to change
     * @throws RetryableException if the database cannot be reached ({@link RetryableException.Reason#CONNECTION_LOST})
     * @throws PersistenceException if a migration fails
     */
    public static Database open(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        Startup.quietJooq();
        if (config.dataSource() != null) {
            config = withDialectOfDataSource(config);
        } else {
            Startup.requireDriver(config);
        }
        Database database;
        try {
            database = new Database(config);
        } catch (RuntimeException e) {
            throw Startup.openFailure(config, e);
        }
        if (config.migrateOnStart()) {
            try {
                database.migrate();
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
        Startup.opened(config, database.pool);
        return database;
    }

    /** Reads the dialect from the URL the caller's pool reports, and checks what the library relies on. */
    private static DatabaseConfig withDialectOfDataSource(DatabaseConfig config) {
        try (Connection connection = config.dataSource().getConnection()) {
            DatabaseConfig resolved = config.withReportedUrl(connection.getMetaData().getURL());
            if (resolved.dialect() == SQLDialect.SQLITE) {
                try (Statement statement = connection.createStatement();
                     var rs = statement.executeQuery("PRAGMA foreign_keys")) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new ValidationException("dataSource", "SQLite connections must enforce foreign keys:"
                                + " configure the pool with foreign_keys=true (SQLiteConfig.enforceForeignKeys)");
                    }
                }
            }
            return resolved;
        } catch (SQLException e) {
            throw new RetryableException(RetryableException.Reason.CONNECTION_LOST,
                    "cannot borrow a connection from the given DataSource: " + e.getMessage(), e);
        }
    }

    /** Takes a connection whose state is unknown out of circulation for good. */
    private void evict(Connection connection) {
        if (ownPool != null) {
            ownPool.evictConnection(connection);
            return;
        }
        try {
            connection.abort(Runnable::run); // the caller's pool then discards it as broken
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not abort a connection of the given DataSource", e);
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing an aborted connection failed", e);
        }
    }

    private static HikariConfig hikari(DatabaseConfig config) {
        HikariConfig h = new HikariConfig();
        h.setJdbcUrl(config.jdbcUrl());
        h.setUsername(config.username());
        h.setPassword(config.password());
        h.setPoolName(config.poolName());
        h.setConnectionTimeout(config.connectionTimeout().toMillis());
        h.setAutoCommit(true);
        // Named explicitly: DriverManager does not hand a driver registered by one class loader to another
        // (application servers, exec:java), and a missing driver then fails with the class name in the message.
        h.setDriverClassName(config.dialect() == SQLDialect.SQLITE ? "org.sqlite.JDBC" : "org.postgresql.Driver");
        if (config.dialect() == SQLDialect.SQLITE) {
            h.addDataSourceProperty("foreign_keys", "true");
            h.addDataSourceProperty("busy_timeout", String.valueOf(config.sqliteBusyTimeout().toMillis()));
            if (config.sqliteInMemory()) {
                // Every :memory: connection is its own database: keep exactly one, forever.
                h.setMaximumPoolSize(1);
                h.setMinimumIdle(1);
                h.setMaxLifetime(0);
                h.setIdleTimeout(0);
            } else {
                h.setMaximumPoolSize(config.maximumPoolSize());
                h.addDataSourceProperty("journal_mode", "WAL");
                h.addDataSourceProperty("synchronous", "NORMAL");
            }
        } else {
            h.setMaximumPoolSize(config.maximumPoolSize());
            h.addDataSourceProperty("reWriteBatchedInserts", "true");
            if (ScaleOut.configurePool(h, config) && !config.statementTimeout().isZero()) {
                h.setConnectionInitSql("SET statement_timeout = " + config.statementTimeout().toMillis());
            }
        }
        return h;
    }

    /** The configuration this database was opened with. */
    public DatabaseConfig config() {
        return config;
    }

    /** The transaction-aware jOOQ context (see the class comment). */
    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return config.dialect();
    }

    public boolean isPostgres() {
        return config.dialect().family() == SQLDialect.POSTGRES;
    }

    public boolean isSqlite() {
        return config.dialect().family() == SQLDialect.SQLITE;
    }

    public Clock clock() {
        return config.clock();
    }

    public ZoneId zone() {
        return config.zone();
    }

    /** Now, from the configured clock, in UTC and truncated to microseconds (what both databases store). */
    public OffsetDateTime now() {
        // the instant at UTC directly: OffsetDateTime.now(clock) would first look up the clock zone's offset
        return OffsetDateTime.ofInstant(config.clock().instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Today's date in the configured zone. */
    public LocalDate today() {
        // The day is kept with the instants it spans: the zone's rules cost a lookup per call, and a hot write asks.
        long now = config.clock().millis();
        Day day = currentDay;
        if (day == null || now < day.fromMillis() || now >= day.untilMillis()) {
            day = Day.of(Instant.ofEpochMilli(now), config.zone());
            currentDay = day;
        }
        return day.date();
    }

    /** A date in a zone and the instants it spans, [from, until). */
    private record Day(LocalDate date, long fromMillis, long untilMillis) {
        static Day of(Instant instant, ZoneId zone) {
            LocalDate date = LocalDate.ofInstant(instant, zone);
            return new Day(date, date.atStartOfDay(zone).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
    }

    /**
     * The pool (the library's own, or the one the caller gave), for metrics and for tools that need plain JDBC.
     * Do not close it; close the database.
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Connections currently borrowed from the pool (0 when every caller has finished), or -1 when the caller's
     * {@code DataSource} is not a HikariCP pool and cannot say.
     */
    public int activeConnections() {
        HikariDataSource hikari = ownPool;
        if (hikari == null) {
            try {
                hikari = pool.isWrapperFor(HikariDataSource.class) ? pool.unwrap(HikariDataSource.class) : null;
            } catch (SQLException e) {
                hikari = null;
            }
        }
        if (hikari == null) {
            return -1;
        }
        return hikari.getHikariPoolMXBean() == null ? 0 : hikari.getHikariPoolMXBean().getActiveConnections();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Transactions
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} in a transaction and returns its value. Joins the thread's current transaction as a
     * savepoint when there is one. Commits when {@code work} returns, rolls back (to the savepoint) when it throws,
     * then rethrows, translated into {@link PersistenceException} where it came from the database. On SQLite the
     * outermost transaction starts with the write lock taken ({@code BEGIN IMMEDIATE}), so concurrent writers queue
     * instead of failing.
     *
     * <p><b>A failed statement poisons its transaction</b>, on both databases (Django's {@code atomic} rule): once a
     * statement inside {@code work} fails, every later statement of this transaction level throws
     * {@link TransactionAbortedException} without running, and when {@code work} returns anyway (it caught the
     * failure) the level rolls back and throws {@link TransactionAbortedException} instead of committing; its
     * after-commit hooks never run. Only a failure inside a nested {@code inTransaction} leaves the enclosing level
     * usable, once that nested level has rolled back. So an expected failure is handled like this:
     *
     * <pre>{@code
     * db.inTransaction(tx -> {
     *     users.createUser(...);
     *     try {
     *         db.inTransaction(inner -> profiles.insertProfile(...));   // a savepoint
     *     } catch (ForeignKeyViolationException e) {
     *         // the savepoint rolled back; the outer transaction goes on and commits the user
     *     }
     *     return "ok";
     * });
     * }</pre>
     *
     * <p>A reported commit is always a real one: on PostgreSQL the server's own transaction status is checked before
     * COMMIT, so a transaction it aborted behind the library's back (a failure in plain JDBC) is never reported as
     * committed.
     *
     * @throws TransactionAbortedException when {@code work} returned after a statement in this level failed, or
     *         (nested) when the enclosing level is already poisoned; nothing of this level was committed
     * @throws RetryableException for a lost connection, an exhausted pool, a busy SQLite database, or
     *         {@link RetryableException.Reason#COMMIT_OUTCOME_UNKNOWN} when the connection broke during COMMIT
     * @throws PersistenceException any other database failure, including a constraint that PostgreSQL checks at
     *         COMMIT; whatever {@code work} throws is rethrown unchanged (database errors already translated)
     */
    public <T> T inTransaction(Function<Transaction, T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.run(state -> work.apply(new Transaction(this, state)));
    }

    /**
     * Like {@link #inTransaction} for work without a result, with the same rule for failed statements.
     *
     * @throws PersistenceException as {@link #inTransaction}
     */
    public void useTransaction(Consumer<Transaction> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs {@code work} in a new transaction, again (up to {@code maxAttempts} times in all) when it fails with a
     * serialization failure or deadlock. Only for work that is safe to repeat; must not be called inside another
     * transaction (a savepoint cannot be retried on its own).
     *
     * @throws IllegalStateException if called inside a transaction
     * @throws ValidationException (field {@code maxAttempts}) if {@code maxAttempts < 1}
     * @throws RetryableException the last failure when every attempt failed
     * @throws PersistenceException as {@link #inTransaction}
     */
    public <T> T inTransactionWithRetry(int maxAttempts, Function<Transaction, T> work) {
        if (maxAttempts < 1) {
            throw new ValidationException("maxAttempts", "must be at least 1, was " + maxAttempts);
        }
        if (transactions.current() != null) {
            throw new IllegalStateException("inTransactionWithRetry cannot run inside another transaction");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (RetryableException e) {
                boolean retryable = e.reason() == RetryableException.Reason.SERIALIZATION_FAILURE
                        || e.reason() == RetryableException.Reason.DEADLOCK;
                if (!retryable || attempt >= maxAttempts) {
                    throw e;
                }
                LOG.debug("retrying after {} (attempt {} of {})", e.reason(), attempt, maxAttempts);
                config.observer().retry(e.reason());
            }
        }
    }

    /** True when the calling thread is inside {@link #inTransaction}, or inside a joined external transaction. */
    public boolean inTransaction() {
        return transactions.current() != null || transactions.externalActive();
    }

    /**
     * Registers a hook that runs once after the outermost transaction commits, outside it; never after a rollback.
     * A hook registered inside a savepoint that rolls back is dropped. A hook that throws is logged, not rethrown:
     * the data is committed. Outside {@link #inTransaction} but inside a joined external transaction (see
     * {@link ExternalTransactions}) the hook runs after the external commit.
     *
     * @throws IllegalStateException if the calling thread is not inside a transaction
     */
    public void afterCommit(Runnable hook) {
        Objects.requireNonNull(hook, "hook");
        TransactionState tx = transactions.current();
        if (tx != null) {
            tx.addAfterCommit(hook);
        } else if (!transactions.afterExternalCommit(hook)) {
            throw new IllegalStateException("afterCommit needs a transaction: call it inside inTransaction");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Read replicas (docs/SCALING.md)
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} on behalf of {@code callerKey} (e.g. the user id): commits made inside it are remembered for
     * that key, and reads inside it go to a replica only once that replica has replayed the key's last commit, so
     * a caller reads its own writes even across threads and requests. Without a key the thread is the caller.
     * Without replicas it just runs {@code work}.
     *
     * @throws NullPointerException if {@code callerKey} or {@code work} is null
     * @throws PersistenceException whatever {@code work} throws, unchanged
     */
    public <T> T readYourWrites(Object callerKey, Supplier<T> work) {
        Objects.requireNonNull(callerKey, "callerKey");
        Objects.requireNonNull(work, "work");
        return replicas == null ? work.get() : replicas.withKey(callerKey, work);
    }

    /**
     * Runs {@code work} with every read on the primary: for a read that must see the latest data of any caller.
     *
     * @throws NullPointerException if {@code work} is null
     * @throws PersistenceException whatever {@code work} throws, unchanged
     */
    public <T> T onPrimary(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return replicas == null ? work.get() : replicas.onPrimary(work);
    }

    /** Where reads went since the database opened (all zero without replicas). Never throws. */
    public ReplicaStats replicaStats() {
        return replicas == null ? new ReplicaStats(0, 0, 0, 0, 0, 0, 0, 0) : replicas.stats();
    }

    /** A jOOQ context whose statements run on the connection of {@code state}, refused once that level ended. */
    DSLContext dslBoundTo(TransactionState state) {
        return DSL.using(dsl.configuration().derive(new TransactionBoundConnectionProvider(state)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bulk loads
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Inserts many rows of one table at once, as Django's {@code bulk_create}: all of them or none, in one
     * transaction (a savepoint inside the caller's). The columns written are those set on the first row (leave the
     * identity unset and the database numbers the rows); every row must set the same ones. Every row is checked
     * before anything is sent. PostgreSQL loads with one {@code COPY ... FROM STDIN}; SQLite with multi-row
     * INSERTs of up to 500 rows. Database defaults and triggers apply; the records are not refreshed (their ids stay
     * unset).
     *
     * @param table the generated table
     * @param rows  records of that table, e.g. {@code dsl().newRecord(USER)} with the columns set
     * @return the number of rows inserted
     * @throws ValidationException naming the row and column ({@code rows[3].email}) for a required column left
     *         null, a text longer than its column, or a row that sets other columns than {@code rows[0]}; nothing is
     *         written
     * @throws ConstraintViolationException ({@link ConflictException}, {@link ForeignKeyViolationException},
     *         {@link CheckViolationException}, {@link NotNullViolationException}) with the constraint's name, the
     *         message naming the row ({@code rows[41] of the bulk insert into …}); nothing is written
     * @throws UnsupportedOperationException on PostgreSQL for a binary or array column
     * @throws PersistenceException any other database failure; nothing is written
     */
    public <R extends TableRecord<R>> int bulkInsert(Table<R> table, List<? extends R> rows) {
        Objects.requireNonNull(table, "table");
        if (rows == null) {
            throw new ValidationException("rows", "is required");
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<Field<?>> fields = BulkLoader.columns(table, rows);
        return transactions.run(state -> {
            if (isPostgres()) {
                bulk.copy(state.connection(), table, fields, rows);
            } else {
                bulk.insert(dslBoundTo(state), chunk -> transactions.run(savepoint -> {
                    chunk.run();
                    return null;
                }), table, fields, rows);
            }
            return rows.size();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Statement counting and plans
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Starts counting the statements this thread runs through {@link #dsl()} until the returned counter is closed.
     * Deterministic even while other threads use the database.
     */
    public StatementCount countStatements() {
        return new StatementCount(counting);
    }

    /** Statements executed through {@link #dsl()} since the database opened, on all threads. */
    public long totalStatements() {
        return counting.total();
    }

    /**
     * The plan of a query: PostgreSQL {@code EXPLAIN} (with {@code ANALYZE} when asked; that runs the query),
     * SQLite {@code EXPLAIN QUERY PLAN}. One line per plan row. To see the plan of a DAO method, whose queries are
     * its own, use {@link #explain(Runnable, boolean)}.
     *
     * @throws PersistenceException if the database refuses the query
     */
    public String explain(Query query, boolean analyze) {
        Objects.requireNonNull(query, "query");
        return plan(query.getSQL(), query.getBindValues(), analyze);
    }

    /**
     * The plans of the statements a call sends, e.g. a DAO read: {@code db.explain(() -> plots.listPlots(filter,
     * page), false)}. Any DAO or service method can be explained this way without its queries being public.
     *
     * <p>{@code call} runs in a transaction of its own that is <b>always rolled back</b> (a savepoint when the thread
     * is already in a transaction), so explaining a method that writes changes nothing and its after-commit hooks
     * never run. Every statement {@code call} sends through {@link #dsl()} on this thread is recorded with its bind
     * values (statements on other threads are not); once {@code call} has returned, each is explained in the same
     * transaction, so a plan sees what the call itself wrote. Plans come from the primary database, never from a
     * read replica.
     *
     * @param call    the work to explain; what it returns is ignored
     * @param analyze on PostgreSQL {@code EXPLAIN (ANALYZE, BUFFERS)}: each statement runs once more, inside the same
     *                rolled-back transaction (so a write that cannot run twice, an insert of a unique value, fails
     *                with its {@link ConflictException}); ignored on SQLite, which only has {@code EXPLAIN QUERY PLAN}
     * @return one {@link StatementPlan} per statement, in the order sent (empty when the call sent none)
     * @throws UnsupportedOperationException if {@code call} sent a JDBC batch (a batch has no single plan)
     * @throws TransactionAbortedException if a statement of {@code call} failed and {@code call} went on
     * @throws PersistenceException whatever {@code call} throws (nothing is kept), or a database failure while
     *         explaining
     */
    public List<StatementPlan> explain(Runnable call, boolean analyze) {
        Objects.requireNonNull(call, "call");
        try {
            transactions.run(state -> {
                List<StatementRecording.Recorded> sent = recording.record(() -> {
                    call.run();
                    return null;
                });
                List<StatementPlan> plans = new ArrayList<>();
                for (StatementRecording.Recorded statement : sent) {
                    if (statement.batch()) {
                        throw new UnsupportedOperationException("explain: the call sent a JDBC batch, which has no"
                                + " single plan: " + statement.sql());
                    }
                    plans.add(new StatementPlan(statement.sql(), statement.bindValues(),
                            plan(statement.sql(), statement.bindValues(), analyze)));
                }
                throw new Explained(plans);
            });
        } catch (Explained explained) {
            return explained.plans;
        }
        throw new IllegalStateException("unreachable: the explaining transaction always rolls back");
    }

    /** {@link #explain(Runnable, boolean)} without {@code ANALYZE}: the plans only, no statement runs twice. */
    public List<StatementPlan> explain(Runnable call) {
        return explain(call, false);
    }

    /** Carries the plans out of the transaction that {@link #explain(Runnable, boolean)} rolls back. */
    private static final class Explained extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<StatementPlan> plans;

        Explained(List<StatementPlan> plans) {
            super("explained, rolled back", null, false, false);
            this.plans = List.copyOf(plans);
        }
    }

    private String plan(String sql, List<Object> bindValues, boolean analyze) {
        String prefix = isSqlite() ? "EXPLAIN QUERY PLAN " : analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ";
        var rows = dsl.resultQuery(prefix + sql, bindValues.toArray()).fetch(); // sql-constant: EXPLAIN + SQL the library rendered, values bound
        StringBuilder plan = new StringBuilder();
        for (Record row : rows) {
            plan.append(isSqlite() ? row.get("detail", String.class) : row.get(0, String.class)).append('\n');
        }
        return plan.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Migrations
    // ---------------------------------------------------------------------------------------------------------

    /** What {@link #migrate()} did. */
    public record MigrationResult(List<String> appliedVersions, String schemaVersion) {
        public MigrationResult {
            appliedVersions = List.copyOf(appliedVersions);
        }
    }

    /** The Flyway locations of this database's dialect: its own SQL set plus the shared Java migrations. */
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/" + vendor(), "classpath:db/migration/common");
    }

    private String vendor() {
        return isSqlite() ? "sqlite" : "postgresql";
    }

    /**
     * Applies pending migrations ({@code db/migration/postgresql} or {@code db/migration/sqlite}, and
     * {@code db/migration/common}). On SQLite foreign keys are off while migrating (table rebuilds need it, as in
     * Django) and {@code PRAGMA foreign_key_check} must find nothing afterwards.
     *
     * @throws IllegalStateException inside a transaction
     * @throws DataAccessFailureException if a migration fails or leaves broken references
     */
    public MigrationResult migrate() {
        return migrateTo("latest");
    }

    /**
     * Applies pending migrations up to and including {@code targetVersion} ({@code "latest"} for all), as
     * {@link #migrate()} does. For staged roll-outs and for testing a data migration with rows present.
     *
     * @throws IllegalStateException inside a transaction
     * @throws DataAccessFailureException if a migration fails or leaves broken references
     */
    public MigrationResult migrateTo(String targetVersion) {
        Objects.requireNonNull(targetVersion, "targetVersion");
        requireNoTransaction("migrate");
        return withMigrationConnection(dataSource -> {
            MigrateResult result = flyway(dataSource, targetVersion).migrate();
            List<String> applied = result.migrations.stream().map(m -> m.version).toList();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            if (!applied.isEmpty()) {
                LOG.info("migrated {} to version {} ({} migrations)", vendor(), version, applied.size());
            }
            return new MigrationResult(applied, version);
        });
    }

    /**
     * The versions of the migrations that {@link #migrate()} would apply, oldest first (empty when the schema is up to
     * date). For health checks; reads Flyway's history, changes nothing.
     *
     * @throws PersistenceException if the database cannot be read
     */
    public List<String> pendingMigrations() {
        try {
            return java.util.Arrays.stream(flyway(pool, "latest").info().pending())
                    .map(m -> m.getVersion() == null ? m.getDescription() : m.getVersion().getVersion())
                    .toList();
        } catch (RuntimeException e) {
            throw translator.translate(e);
        }
    }

    private Flyway flyway(DataSource dataSource, String targetVersion) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(migrationLocations().toArray(String[]::new))
                .failOnMissingLocations(true)
                .target(targetVersion)
                .load();
    }

    /**
     * Undoes applied migrations down to {@code targetVersion} (exclusive; {@code "0"} undoes everything and drops
     * Flyway's history table), newest first, each with its script {@code db/undo/<dialect>/U<version>__<description>.sql}
     * in its own transaction. Flyway's community edition has no undo; this is the library's.
     *
     * @return the versions undone, newest first
     * @throws IllegalStateException inside a transaction, or when an applied version has no undo script
     * @throws PersistenceException if an undo script fails (that version stays applied)
     */
    public List<String> undo(String targetVersion) {
        requireNoTransaction("undo");
        Objects.requireNonNull(targetVersion, "targetVersion");
        return withMigrationConnection(dataSource -> {
            List<String> undone = new ArrayList<>();
            try (Connection connection = dataSource.getConnection()) {
                DSLContext plain = DSL.using(connection, config.dialect());
                if (plain.meta().getTables(HISTORY_TABLE).isEmpty()) {
                    return undone;
                }
                var applied = plain.resultQuery("select version, description from " + HISTORY_TABLE // sql-constant: table name
                        + " where success and version is not null order by installed_rank desc").fetch();
                for (Record row : applied) {
                    String version = row.get(0, String.class);
                    if (compareVersions(version, targetVersion) <= 0) {
                        break;
                    }
                    String script = "db/undo/" + vendor() + "/U" + version + "__"
                            + row.get(1, String.class).replace(' ', '_') + ".sql";
                    List<String> statements = SqlScript.statements(SqlScript.resource(script));
                    transactions.runOn(connection, state -> {
                        DSLContext tx = dslBoundTo(state);
                        for (String statement : statements) {
                            tx.execute(statement);
                        }
                        return tx.execute("delete from " + HISTORY_TABLE + " where version = ?", version); // sql-constant: table name
                    });
                    undone.add(version);
                }
                if ("0".equals(targetVersion)) {
                    plain.execute("drop table " + HISTORY_TABLE); // sql-constant: table name
                }
            } catch (SQLException e) {
                throw translator.translate(e);
            }
            return undone;
        });
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private <T> T withMigrationConnection(Function<DataSource, T> action) {
        if (!isSqlite()) {
            try {
                return action.apply(pool);
            } catch (RuntimeException e) {
                throw translator.translate(e);
            }
        }
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            throw translator.translate(e);
        }
        try {
            SqlScript.execute(connection, "PRAGMA foreign_keys = OFF");
            T result;
            try {
                result = action.apply(NonClosingConnection.dataSource(connection));
            } catch (RuntimeException e) {
                throw translator.translate(e);
            }
            List<String> broken = new ArrayList<>();
            try (Statement check = connection.createStatement();
                 var rs = check.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    broken.add(rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3));
                }
            }
            if (!broken.isEmpty()) {
                throw new DataAccessFailureException("migration left broken foreign keys: " + broken, null, null);
            }
            return result;
        } catch (SQLException e) {
            throw translator.translate(e);
        } finally {
            try {
                SqlScript.execute(connection, "PRAGMA foreign_keys = ON");
            } catch (SQLException e) {
                LOG.warn("could not re-enable SQLite foreign keys; evicting the connection", e);
                evict(connection);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("could not return a connection to the pool", e);
            }
        }
    }

    private void requireNoTransaction(String operation) {
        if (transactions.current() != null) {
            throw new IllegalStateException(operation + " cannot run inside a transaction");
        }
    }

    // --- adopting a Django database (issue 15); the logic is in internal.Adoption --------------------------------

    /**
     * Applied and pending library versions, and whether this is a Django database the library has not adopted yet
     * (Django's {@code showmigrations}).
     *
     * @throws PersistenceException if the database cannot be read
     */
    public SchemaStatus status() {
        return adoption().status();
    }

    /**
     * Adopts a database that Django made: checks every row against what the library's migrations need, then (unless
     * {@code dryRun}, or a row refuses it) migrates it to the latest version in one transaction. Rows a migration
     * cannot take refuse the whole database and nothing changes; rows that break only a library rule are warnings.
     * The report lists both (see {@link AdoptionReport}).
     *
     * @throws IllegalStateException inside a transaction, or when the database is not an un-adopted Django database
     * @throws PersistenceException if the database fails for another reason (nothing is changed)
     */
    public AdoptionReport adopt(boolean dryRun) {
        requireNoTransaction("adopt");
        return adoption().adopt(dryRun);
    }

    /**
     * Gives the columns that the Django app added after the library's schema, NOT NULL and with their default only
     * in Python, a database default where that is safe (PostgreSQL text columns: {@code ''}), so the library's
     * inserts, which do not know those columns, keep working. Run it after each Django migration (the command-line
     * {@code migrate} does). Other columns are only reported.
     *
     * @return one line per such column: what was done, or what to do
     * @throws IllegalStateException inside a transaction
     * @throws PersistenceException if the database fails
     */
    public List<String> addDefaultsForDjangoColumns() {
        requireNoTransaction("addDefaultsForDjangoColumns");
        return adoption().pythonOnlyDefaults(true).stream().map(AdoptionReport.Finding::describe).toList();
    }

    private Adoption adoption() {
        return new Adoption(pool, config.dialect(), migrationLocations(), config.schema(), translator);
    }

    /** Closes the pool the library built (never a DataSource the caller gave). Idempotent; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (replicas != null) {
                replicas.close();
            }
            if (ownPool != null) {
                ownPool.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Database[" + config + "]";
    }
}
