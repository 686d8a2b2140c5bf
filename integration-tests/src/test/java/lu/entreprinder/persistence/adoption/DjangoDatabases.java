package lu.entreprinder.persistence.adoption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import lu.entreprinder.persistence.core.internal.SqlScript;
import lu.entreprinder.persistence.testing.TestPostgres;

/**
 * Databases as Django 3.2 (Debian's python3-django) creates them for the seed's models: the schema dumps in
 * {@code src/test/resources/django/} were taken from {@code manage.py migrate} of the Django project under
 * {@code integration-tests/src/test/resources/django} ({@code pg_dump --inserts} and SQLite's {@code .dump}), so these
 * tests need no Python. The {@code -Pdjango} profile runs real Django.
 */
final class DjangoDatabases {

    private DjangoDatabases() {
    }

    /** A new PostgreSQL database holding Django's tables (serial ids, hashed deferrable foreign keys); its URL. */
    static String postgres() {
        String url = TestPostgres.server().createDatabase();
        load(url, "django/django32-postgresql.sql");
        return url;
    }

    /** A new SQLite file holding Django's tables; its URL. */
    static String sqlite(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("django.sqlite3");
        load(url, "django/django32-sqlite.sql");
        return url;
    }

    /** Runs SQL on the database as another application would (plain JDBC, autocommit). */
    static void execute(String url, String... statements) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static Connection connect(String url) throws SQLException {
        java.sql.Driver driver = url.startsWith("jdbc:sqlite:") ? new org.sqlite.JDBC() : new org.postgresql.Driver();
        return driver.connect(url, new Properties());
    }

    private static void load(String url, String resource) {
        String script;
        try (InputStream in = DjangoDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        execute(url, SqlScript.statements(script).toArray(String[]::new));
    }
}
