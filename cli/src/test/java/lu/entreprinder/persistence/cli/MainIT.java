package lu.entreprinder.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import lu.entreprinder.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's verbs and exit codes, on a SQLite file and a PostgreSQL database. */
class MainIT {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        assertThat(run()).satisfies(r -> assertThat(r.code()).isEqualTo(Main.USAGE));
        assertThat(run("showmigrations", "--url", "jdbc:sqlite::memory:").err()).contains("unknown verb: showmigrations");
        assertThat(run("status").err()).contains("--url <jdbc-url> is required");
        assertThat(run("undo", "--url", "jdbc:sqlite::memory:").err()).contains("undo needs --target");
        assertThat(run("migrate", "--url", "jdbc:sqlite::memory:", "--dry-run").code()).isEqualTo(Main.USAGE);
        assertThat(run("migrate", "--url", "jdbc:sqlite::memory:", "--target", "seven").code()).isEqualTo(Main.USAGE);
        assertThat(run("status", "--url", "jdbc:mysql://localhost/x").err()).contains("--url");
    }

    @Test
    void statusMigrateUndoOnSqlite(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        Result before = run("status", "--url", url);
        assertThat(before.code()).isEqualTo(Main.DONE);
        assertThat(before.out()).contains("applied: none").contains("pending: 1, 2, 3");

        assertThat(run("migrate", "--url", url, "--target", "7").out()).contains("applied 1, 2, 3, 4, 5, 6, 7");
        assertThat(run("migrate", "--url", url).out()).contains("schema at version 24");
        assertThat(run("status", "--url", url).out()).contains("pending: none");
        assertThat(run("undo", "--url", url, "--target", "14").out()).contains("undone 24, 23, 22, 21, 20, 19, 18, 17, 16, 15");
        assertThat(run("status", "--url", url).out()).contains("pending: 15, 16, 17, 18, 19, 20, 21, 22, 23, 24");
        assertThat(run("adopt", "--url", url, "--dry-run"))
                .satisfies(r -> assertThat(r.code()).isEqualTo(Main.REFUSED))
                .satisfies(r -> assertThat(r.err()).contains("already adopted"));
    }

    @Test
    void migrateRefusesAnUnadoptedDjangoDatabase() throws Exception {
        String url = TestPostgres.server().createDatabase();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("create table django_migrations (id serial primary key, app varchar(255), name varchar(255),"
                    + " applied timestamptz)");
            s.execute("create table auth_user (id serial primary key, username varchar(150))");
        }
        Result status = run("status", "--url", url);
        assertThat(status.out()).contains("un-adopted Django database");
        Result migrate = run("migrate", "--url", url);
        assertThat(migrate.code()).isEqualTo(Main.REFUSED);
        assertThat(migrate.err()).contains("run adopt --dry-run");
    }
}
