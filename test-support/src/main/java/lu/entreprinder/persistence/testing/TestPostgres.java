package lu.entreprinder.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests and codegen, found once per JVM in this order: the {@code PG_TEST_URL}
 * environment variable (or system property); Testcontainers where Docker runs; an embedded PostgreSQL started from
 * a jar. When none works the run fails with a message saying how to provide one. Never skips.
 *
 * <p>Each call of {@link #createDatabase()} creates a database with a random name on that server and drops it when
 * the JVM exits, because a shared server keeps whatever earlier runs left.
 */
public final class TestPostgres {

    /** The variable that points tests at a server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    public static final String PG_TEST_URL = "PG_TEST_URL";

    private static TestPostgres instance;

    private final String adminUrl;
    private final String description;

    private TestPostgres(String adminUrl, String description) {
        this.adminUrl = adminUrl;
        this.description = description;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestPostgres server() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        String url = System.getProperty(PG_TEST_URL, System.getenv(PG_TEST_URL));
        if (url != null && !url.isBlank()) {
            return new TestPostgres(url, "PG_TEST_URL");
        }
        StringBuilder failures = new StringBuilder();
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "pg-testcontainer-stop"));
                String admin = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                        + "user=" + container.getUsername() + "&password=" + container.getPassword();
                return new TestPostgres(admin, "Testcontainers");
            }
            failures.append("Docker is not available for Testcontainers; ");
        } catch (RuntimeException | Error e) {
            failures.append("Testcontainers failed: ").append(e).append("; ");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }, "pg-embedded-stop"));
            return new TestPostgres(embedded.getJdbcUrl("postgres", "postgres"), "embedded PostgreSQL");
        } catch (Exception | Error e) {
            failures.append("embedded PostgreSQL failed: ").append(e);
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Set " + PG_TEST_URL
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres), or run Docker, or allow the embedded"
                + " PostgreSQL to start. Details: " + failures);
    }

    /** Where the server came from: PG_TEST_URL, Testcontainers or embedded PostgreSQL. */
    public String description() {
        return description;
    }

    /**
     * Creates an empty database with a random name and returns its JDBC URL (credentials included as parameters).
     * It is dropped when the JVM exits.
     */
    public String createDatabase() {
        String name = "entreprinder_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name); // sql-constant: generated name
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); // sql-constant: generated name
            } catch (RuntimeException ignored) {
                // best effort while the JVM exits
            }
        }, "drop-" + name));
        return withDatabase(adminUrl, name);
    }

    /** Runs one statement as the server's administrative user (on its maintenance database). */
    public void execute(String sql) {
        try (Connection c = new org.postgresql.Driver().connect(adminUrl, new java.util.Properties());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The administrative JDBC URL (tests that need a second role or to kill backends use it). */
    public String adminUrl() {
        return adminUrl;
    }

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String params = query < 0 ? "" : url.substring(query);
        return base + "/" + database + params;
    }
}
