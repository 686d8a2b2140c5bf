package lu.entreprinder.persistence.examples;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * A scripted tour of the library. With no argument it runs on a fresh SQLite file
 * ({@code target/entreprinder-tour.db}, deleted first, so re-running starts clean); with a JDBC URL
 * ({@code -Dexec.args=jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) it runs on that database
 * (which it migrates, and into which it writes demo rows).
 */
public final class Tour {

    private final Database db;
    private final PrintStream out;
    private int step;

    Tour(Database db, PrintStream out) {
        this.db = db;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        String url = args.length > 0 ? args[0] : freshSqliteFile();
        long started = System.nanoTime();
        try (Database db = Database.open(DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA).build())) {
            new Tour(db, System.out).run();
        }
        System.out.printf("%nTour finished in %d ms.%n", (System.nanoTime() - started) / 1_000_000);
    }

    private static String freshSqliteFile() throws IOException {
        Path file = Path.of("target", "entreprinder-tour.db");
        Files.createDirectories(file.getParent());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        System.out.println("Using a fresh SQLite file: " + file.toAbsolutePath());
        return "jdbc:sqlite:" + file;
    }

    void run() {
        out.println("Database: " + db.dialect() + " (" + (db.isSqlite() ? "embedded" : "server") + ")");

        Database.MigrationResult migrated = step("Migrate the schema", () -> db.migrate());
        say("applied %d migrations, schema now at version %s", migrated.appliedVersions().size(), migrated.schemaVersion());

        List<String> names = List.of("anna", "ben", "carla", "david");
        List<Long> ids = step("Create four users in one transaction", () -> db.inTransaction(tx -> {
            List<Long> created = new ArrayList<>();
            for (String name : names) {
                created.add(createUser(name).longValue());
            }
            tx.afterCommit(() -> say("after-commit hook: would send %d welcome e-mails now", names.size()));
            return created;
        }));
        say("user ids %s", ids);

        step("A failing transaction writes nothing", () -> {
            try {
                db.useTransaction(tx -> {
                    createUser("erik");
                    createUser("anna"); // duplicate username
                });
            } catch (ConflictException e) {
                say("refused: duplicate on constraint %s; the transaction rolled back", e.constraint());
            }
            return null;
        });
        say("users now: %d", db.dsl().fetchCount(USER));
    }

    private Integer createUser(String name) {
        return db.dsl().insertInto(USER)
                .set(USER.PASSWORD, "pbkdf2_sha256$demo")
                .set(USER.IS_SUPERUSER, false)
                .set(USER.USERNAME, name)
                .set(USER.FIRST_NAME, Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .set(USER.LAST_NAME, "Demo")
                .set(USER.EMAIL, name + "@example.lu")
                .set(USER.IS_STAFF, false)
                .set(USER.IS_ACTIVE, true)
                .set(USER.DATE_JOINED, db.now())
                .returning(USER.ID)
                .fetchOne(USER.ID);
    }

    private <T> T step(String title, Supplier<T> action) {
        out.printf("%n%d. %s%n", ++step, title);
        try (StatementCount count = db.countStatements()) {
            T result = action.get();
            say("(%d SQL statements)", count.value());
            return result;
        }
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(format, args));
    }
}
