package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseConfigFromSettingsTest {

    @Test
    void everyKeyIsReadFromProperties() {
        Properties p = new Properties();
        p.setProperty("app.db.url", "jdbc:postgresql://db:5432/app");
        p.setProperty("app.db.username", " app ");
        p.setProperty("app.db.password", " s3cret ");
        p.setProperty("app.db.maximum-pool-size", "25");
        p.setProperty("app.db.connection-timeout", "5s");
        p.setProperty("app.db.statement-timeout", "PT1M");
        p.setProperty("app.db.slow-query-threshold", "250ms");
        p.setProperty("app.db.sqlite-busy-timeout", "2000");
        p.setProperty("app.db.migrate-on-start", "TRUE");
        p.setProperty("app.db.zone", "UTC");
        p.setProperty("app.db.pool-name", "orders");
        p.setProperty("other.setting", "ignored");

        DatabaseConfig c = DatabaseConfig.fromProperties(p, "app.db").build();

        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(c.username()).isEqualTo("app");
        assertThat(c.password()).as("taken as written").isEqualTo(" s3cret ");
        assertThat(c.maximumPoolSize()).isEqualTo(25);
        assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.statementTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.slowQueryThreshold()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.sqliteBusyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.migrateOnStart()).isTrue();
        assertThat(c.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(c.poolName()).isEqualTo("orders");
    }

    @Test
    void absentAndBlankKeysKeepTheDefaults() {
        Properties p = new Properties();
        p.setProperty("db.url", "jdbc:sqlite:app.db");
        p.setProperty("db.maximum-pool-size", "  ");

        DatabaseConfig c = DatabaseConfig.fromProperties(p, "db.").build();
        DatabaseConfig defaults = DatabaseConfig.builder("jdbc:sqlite:app.db").build();

        assertThat(c.toString()).isEqualTo(defaults.toString());
    }

    @Test
    void environmentVariablesAreTheKeysInUpperCase() {
        Map<String, String> env = Map.of(
                "ENTREPRINDER_DB_URL", "jdbc:sqlite:/var/lib/app/app.db",
                "ENTREPRINDER_DB_MAXIMUM_POOL_SIZE", "4",
                "ENTREPRINDER_DB_SLOW_QUERY_THRESHOLD", "1s",
                "ENTREPRINDER_DB_MIGRATE_ON_START", "true",
                "ENTREPRINDER_DB_PORT", "tcp://10.0.0.7:5432",  // what Kubernetes adds for a service "entreprinder-db"
                "PATH", "/usr/bin");

        DatabaseConfig c = DatabaseConfig.fromEnvironment(env, "ENTREPRINDER_DB").build();

        assertThat(c.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/app/app.db");
        assertThat(c.maximumPoolSize()).isEqualTo(4);
        assertThat(c.slowQueryThreshold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.migrateOnStart()).isTrue();
    }

    @Test
    void aWrongValueIsRefusedNamingTheKey() {
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.maximum-pool-size", "ten"), "db.maximum-pool-size", "whole number");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.maximum-pool-size", "0"), "db.maximum-pool-size", "between 1 and 1000");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.connection-timeout", "30 seconds"), "db.connection-timeout", "duration");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.connection-timeout", "100ms"), "db.connection-timeout", "at least");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.statement-timeout", "PT-1S"), "db.statement-timeout", "at least");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.slow-query-threshold", "99999999999999999999s"),
                "db.slow-query-threshold", "duration");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.migrate-on-start", "yes"), "db.migrate-on-start", "true or false");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.zone", "Europe/Luxemburg"), "db.zone", "time zone");
        assertRefused(Map.of("db.maximum-pool-size", "4"), "db.url", "is required");
        assertRefused(Map.of("db.url", "jdbc:mysql://h/db?password=s3cret"), "db.url", "unsupported database");
        assertRefused(Map.of("db.url", "jdbc:sqlite:x", "db.maximum-pool-sise", "4"), "db.maximum-pool-sise",
                "not a setting");
    }

    @Test
    void aWrongEnvironmentVariableIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(
                Map.of("APP_DB_URL", "jdbc:sqlite:x", "APP_DB_CONNECTION_TIMEOUT", "soon"), "APP_DB"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("APP_DB_CONNECTION_TIMEOUT"));
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of(), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("prefix"));
    }

    @Test
    void errorsNeverShowThePassword() {
        assertThatThrownBy(() -> DatabaseConfig.fromProperties(props(Map.of("db.url", "jdbc:mysql://h/db?password=s3cret")), "db"))
                .hasMessageNotContaining("s3cret");
    }

    private static void assertRefused(Map<String, String> settings, String key, String problem) {
        assertThatThrownBy(() -> DatabaseConfig.fromProperties(props(settings), "db"))
                .as(settings.toString())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    private static Properties props(Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
    }
}
