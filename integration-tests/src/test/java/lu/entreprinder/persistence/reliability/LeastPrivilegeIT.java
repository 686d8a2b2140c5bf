package lu.entreprinder.persistence.reliability;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import lu.entreprinder.persistence.core.DataAccessFailureException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * docs/least-privilege.sql: the owner role migrates, the application role reads and writes data through the
 * library and cannot create, alter, drop or truncate anything. PostgreSQL only (SQLite has no roles).
 */
class LeastPrivilegeIT {

    @Test
    void theApplicationRoleHasDataRightsOnly() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        String owner = "entreprinder_owner_" + suffix;
        String app = "entreprinder_app_" + suffix;
        TestPostgres server = TestPostgres.server();
        String url = server.createDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String script = Files.readString(Path.of("..", "docs", "least-privilege.sql"))
                .replace("entreprinder_owner", owner).replace("entreprinder_app", app);
        try (Database admin = Database.open(DatabaseConfig.builder(url).maximumPoolSize(1).build())) {
            for (String statement : script.split(";\\s*\\n")) {
                String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!sql.isEmpty()) {
                    admin.dsl().execute(sql);
                }
            }
        }
        try {
            try (Database asOwner = Database.open(DatabaseConfig.builder(as(url, owner, "change-me-owner")).maximumPoolSize(2).build())) {
                assertThat(asOwner.migrate().appliedVersions()).hasSize(24);
            }
            try (Database asApp = Database.open(DatabaseConfig.builder(as(url, app, "change-me-app")).maximumPoolSize(2).build())) {
                long id = Fixtures.user(asApp, "anna");
                asApp.dsl().update(USER).set(USER.FIRST_NAME, "Ann").where(USER.ID.eq(id)).execute();
                assertThat(asApp.dsl().fetchCount(USER)).isEqualTo(1);
                asApp.dsl().deleteFrom(USER).execute();

                for (String ddl : new String[] {
                        "create table intruder (id int)",
                        "alter table auth_user add column intruder int",
                        "drop table auth_user",
                        "truncate auth_user",
                        "create index intruder_idx on auth_user (email)"}) {
                    assertThatThrownBy(() -> asApp.dsl().execute(ddl)).as(ddl)
                            .isInstanceOfSatisfying(DataAccessFailureException.class,
                                    e -> assertThat(e.sqlState()).isEqualTo("42501"));
                }
            }
        } finally {
            server.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            server.execute("DROP ROLE IF EXISTS " + app);
            server.execute("DROP ROLE IF EXISTS " + owner);
        }
    }

    private static String as(String url, String user, String password) {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)) + "?user=" + user + "&password=" + password;
    }
}
