package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lu.entreprinder.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a database: a wrong setup is a non-retryable {@link ConfigurationException} saying what to do, and the
 * host's log gets one INFO line from the library and nothing from jOOQ (banner, tip, version mismatch).
 */
class StartupIT {

    // ---------------------------------------------------------------------------------------------------------
    // wrong setups
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void withoutSqliteJdbcOnTheClassPathOpenSaysWhichDependencyToAdd(@TempDir Path dir) throws Exception {
        String output = run("library", "jdbc:sqlite:" + dir.resolve("app.db"), "sqlite-jdbc");

        assertThat(output).contains("THREW " + ConfigurationException.class.getName())
                .contains("org.sqlite.JDBC is not on the class path").contains("org.xerial:sqlite-jdbc")
                .doesNotContain("RetryableException");
    }

    @Test
    void withoutThePostgresDriverOnTheClassPathOpenSaysWhichDependencyToAdd() throws Exception {
        String output = run("library", "jdbc:postgresql://127.0.0.1:1/none", "postgresql-");

        assertThat(output).contains("THREW " + ConfigurationException.class.getName())
                .contains("org.postgresql:postgresql").doesNotContain("RetryableException");
    }

    @Test
    void aMissingPostgresDatabaseIsAConfigurationError() {
        String url = TestPostgres.server().createDatabase().replaceFirst("/entreprinder_test_\\w+", "/no_such_database_here");

        assertThatThrownBy(() -> Database.open(DatabaseConfig.builder(url).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no_such_database_here").hasMessageContaining("Create the database");
    }

    @Test
    void anUnknownPostgresUserIsAConfigurationError() {
        String url = TestPostgres.server().createDatabase().replaceAll("user=[^&]*", "user=no_such_role_here");

        assertThatThrownBy(() -> Database.open(DatabaseConfig.builder(url).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("check the username and password");
    }

    @Test
    void aServerThatDoesNotAnswerStaysRetryable() {
        assertThatThrownBy(() -> Database.open(DatabaseConfig.builder("jdbc:postgresql://127.0.0.1:1/none")
                .connectionTimeout(Duration.ofMillis(250)).build()))
                .isInstanceOfSatisfying(RetryableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.CONNECTION_LOST));
    }

    @Test
    void aSqliteFileInADirectoryThatDoesNotExistIsAConfigurationError(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("missing").resolve("app.db");

        assertThatThrownBy(() -> Database.open(DatabaseConfig.builder(url).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("directory exists");
    }

    // ---------------------------------------------------------------------------------------------------------
    // quiet, truthful logs
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void openingPostgresLogsOneInfoLineAndNothingFromJooq() throws Exception {
        String url = TestPostgres.server().createDatabase();

        String output = run("library", url, null);

        assertThat(output).contains("RESULT 1");
        assertNoJooqChatter(output);
        List<String> info = infoLines(output);
        assertThat(info).as(output).filteredOn(l -> !l.contains("com.zaxxer.hikari")).singleElement()
                .satisfies(line -> assertThat(line).contains("lu.entreprinder.persistence.core.Database")
                        .contains("opened jdbc:postgresql://").contains("(Postgres, PostgreSQL 15.")
                        .contains("pool entreprinder of 10 connections"));
        // jOOQ's banner and tip switches were read once and removed again: no trace in the host's properties
        assertThat(output).contains("PROPERTY org.jooq.no-logo=null").contains("PROPERTY org.jooq.no-tips=null")
                .contains("PROPERTY org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport=ERROR");
    }

    @Test
    void openingSqliteLogsOneInfoLineAndNothingFromJooq(@TempDir Path dir) throws Exception {
        String output = run("library", "jdbc:sqlite:" + dir.resolve("app.db") + "?password=s3cret", null);

        assertThat(output).contains("RESULT 1");
        assertNoJooqChatter(output);
        assertThat(infoLines(output)).as(output).filteredOn(l -> !l.contains("com.zaxxer.hikari")).singleElement()
                .satisfies(line -> assertThat(line).contains("opened jdbc:sqlite:").contains("(SQLite, SQLite 3.")
                        .contains("password=****").doesNotContain("s3cret"));
    }

    /**
     * Why jOOQ's "Version mismatch" is harmless for this library: jOOQ's open-source POSTGRES dialect declares
     * PostgreSQL 18 as its minimum and has no versioned dialect for 15, so it may render syntax that 15 lacks. Every
     * statement the library renders runs in this test suite, and the suite's server is production's PostgreSQL 15
     * (PG_TEST_URL here, postgres:15-alpine under Testcontainers, zonky's 15.x binaries embedded): a statement that
     * needs a newer server fails the build instead of production.
     */
    @Test
    void theSuiteRunsOnPostgres15TheOldestVersionTheLibrarySupports() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestPostgres.server().adminUrl())) {
            assertThat(c.getMetaData().getDatabaseMajorVersion())
                    .as("the suite proves the library on production's PostgreSQL; point PG_TEST_URL at a PostgreSQL %d",
                            lu.entreprinder.persistence.core.internal.Startup.OLDEST_TESTED_POSTGRES)
                    .isEqualTo(lu.entreprinder.persistence.core.internal.Startup.OLDEST_TESTED_POSTGRES);
        }
    }

    /** The negative control: the same statement through plain jOOQ on the same server prints all three. */
    @Test
    void plainJooqOnPostgres15PrintsTheBannerTheTipAndTheMismatch() throws Exception {
        String output = run("bare", TestPostgres.server().createDatabase(), null);

        assertThat(output).contains("RESULT 1").contains("Thank you for using jOOQ").contains("tip of the day")
                .contains("Version mismatch").contains("older than what dialect SQLDialect.POSTGRES supports: 15.");
    }

    private static void assertNoJooqChatter(String output) {
        String log = output.lines().filter(l -> !l.startsWith("PROPERTY ")).collect(Collectors.joining("\n"));
        assertThat(log).doesNotContain("Thank you for using jOOQ").doesNotContain("tip of the day")
                .doesNotContain("Version mismatch").doesNotContain("org.jooq");
    }

    private static List<String> infoLines(String output) {
        return output.lines().filter(l -> l.startsWith("INFO") || l.contains(" INFO ")).toList();
    }

    /** Runs {@link StartupProcess} in a fresh JVM, logging like a host at INFO, without class path entries containing {@code drop}. */
    private static String run(String mode, String url, String drop) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> drop == null || !new File(entry).getName().contains(drop))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=info",
                "-Dorg.slf4j.simpleLogger.showLogName=true",
                "-cp", classPath, StartupProcess.class.getName(), mode, url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
