package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.ConfigurationException;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.RetryableException;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens around opening a database that is not the database's own business: the driver check before the
 * pool starts, the classification of a failed start (setup mistake or transient), keeping jOOQ's start-up chatter
 * out of the host's log, and the one INFO line that says what was opened.
 */
public final class Startup {

    /** The oldest PostgreSQL major version the library's test suite runs on (production runs 15). */
    public static final int OLDEST_TESTED_POSTGRES = 15;

    /** jOOQ reads these once, when it first renders SQL; {@code true} skips its banner and "tip of the day". */
    static final String NO_LOGO = "org.jooq.no-logo";
    static final String NO_TIPS = "org.jooq.no-tips";
    /** jOOQ's per-logger threshold for its dialect version check ({@code org.jooq.log.} + the logger's name). */
    static final String VERSION_CHECK_LEVEL = "org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport";
    /** The jOOQ class whose static initializer prints the banner and the tip. */
    private static final String JOOQ_RENDER_CONTEXT = "org.jooq.impl.DefaultRenderContext";

    private static final Logger LOG = LoggerFactory.getLogger("lu.entreprinder.persistence.core.Database");

    private Startup() {
    }

    /** The driver class each supported dialect needs, and the Maven coordinates that provide it. */
    record Driver(String className, String coordinates, String version) {
        static Driver of(SQLDialect dialect) {
            return dialect.family() == SQLDialect.SQLITE
                    ? new Driver("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", "3.54.1.0")
                    : new Driver("org.postgresql.Driver", "org.postgresql:postgresql", "42.7.14");
        }
    }

    /**
     * Checks that the configuration's JDBC driver can be loaded the way HikariCP loads it (the thread's context
     * class loader, then the library's own).
     *
     * @throws ConfigurationException naming the dependency to add when the driver is missing
     */
    public static void requireDriver(DatabaseConfig config) {
        Driver driver = Driver.of(config.dialect());
        if (loadable(driver.className(), Thread.currentThread().getContextClassLoader())
                || loadable(driver.className(), Startup.class.getClassLoader())) {
            return;
        }
        throw new ConfigurationException("cannot open " + config.maskedJdbcUrl() + ": the JDBC driver "
                + driver.className() + " is not on the class path. The library leaves the driver to you: add the"
                + " dependency " + driver.coordinates() + " (e.g. <dependency><groupId>"
                + driver.coordinates().replace(":", "</groupId><artifactId>") + "</artifactId><version>"
                + driver.version() + "</version></dependency>, or without a version when you import persistence-bom)."
                + " Retrying will not help.", null);
    }

    private static boolean loadable(String className, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Classifies a failure to start the pool: a setup mistake (unknown user, wrong password, missing database,
     * a SQLite file that cannot be created) becomes a {@link ConfigurationException} saying what to change;
     * anything else (server down, network) stays a {@link RetryableException} with
     * {@link RetryableException.Reason#CONNECTION_LOST}.
     */
    public static PersistenceException openFailure(DatabaseConfig config, RuntimeException failure) {
        if (failure instanceof PersistenceException pe) {
            return pe;
        }
        String where = "cannot open " + config.maskedJdbcUrl() + ": ";
        SQLException sql = sqlException(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql == null ? String.valueOf(failure.getMessage()) : String.valueOf(sql.getMessage());
        if (state.startsWith("28")) {
            return new ConfigurationException(where + message + ". The server refused the user or password:"
                    + " check the username and password settings (or user=/password= in the URL). Retrying will not help.",
                    failure);
        }
        if (state.equals("3D000")) {
            return new ConfigurationException(where + message + ". Create the database (e.g. createdb) or fix its"
                    + " name in the URL. Retrying will not help.", failure);
        }
        if (config.dialect().family() == SQLDialect.SQLITE && message.contains("SQLITE_CANTOPEN")) {
            return new ConfigurationException(where + message + ". SQLite cannot create or open the file: check that"
                    + " its directory exists and is writable. Retrying will not help.", failure);
        }
        return new RetryableException(RetryableException.Reason.CONNECTION_LOST, where + failure.getMessage(), failure);
    }

    private static SQLException sqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * Keeps jOOQ's start-up output out of the host's log with jOOQ's own switches, changing as little global
     * state as possible: a switch the host has set (to anything) is left alone. The banner and tip switches are
     * read once, when jOOQ's render context class initializes; they are set, that class is initialized, and they
     * are removed again, so they leave no trace in the system properties. The version check's log threshold is
     * read on every check, so it stays set (to {@code ERROR}); {@link #opened} reports the server version instead.
     */
    public static void quietJooq() {
        boolean logo = setIfAbsent(NO_LOGO, "true");
        boolean tips = setIfAbsent(NO_TIPS, "true");
        if (logo || tips) {
            boolean initialized = loadable(JOOQ_RENDER_CONTEXT, SQLDialect.class.getClassLoader(), true);
            if (initialized) {
                // read once and for all by now: leave no trace
                if (logo) {
                    System.clearProperty(NO_LOGO);
                }
                if (tips) {
                    System.clearProperty(NO_TIPS);
                }
            }
        }
        setIfAbsent(VERSION_CHECK_LEVEL, "ERROR");
    }

    private static boolean setIfAbsent(String property, String value) {
        synchronized (System.getProperties()) {
            if (System.getProperty(property) != null) {
                return false;
            }
            System.setProperty(property, value);
            return true;
        }
    }

    private static boolean loadable(String className, ClassLoader loader, boolean initialize) {
        try {
            Class.forName(className, initialize, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Logs the one INFO line of a successful open (URL with its password masked, dialect, server version, pool
     * size or "the caller's DataSource"), and a WARN when the PostgreSQL server is older than the versions the
     * library is tested on.
     */
    public static void opened(DatabaseConfig config, DataSource pool) {
        String server = "unknown version";
        int major = -1;
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            server = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            major = meta.getDatabaseMajorVersion();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not read the server version", e);
        }
        String poolDescription = config.dataSource() != null ? "the caller's DataSource"
                : "pool " + config.poolName() + " of " + (config.sqliteInMemory() ? 1 : config.maximumPoolSize())
                + " connections";
        LOG.info("opened {} ({}, {}, {})", config.maskedJdbcUrl(), config.dialect().getName(), server, poolDescription);
        if (config.dialect().family() == SQLDialect.POSTGRES && major >= 0 && major < OLDEST_TESTED_POSTGRES) {
            LOG.warn("{} is older than PostgreSQL {}, the oldest version this library is tested on: statements may"
                    + " fail with syntax errors", server, OLDEST_TESTED_POSTGRES);
        }
    }
}
