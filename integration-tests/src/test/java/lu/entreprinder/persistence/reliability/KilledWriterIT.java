package lu.entreprinder.persistence.reliability;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A child JVM killed with SIGKILL in the middle of a write transaction (PostgreSQL, and a SQLite file in WAL mode):
 * nothing of that transaction is visible afterwards, its locks are gone, and the next process works on the same
 * database.
 */
class KilledWriterIT {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWriterKilledInsideItsTransactionLeavesNothingBehind(Backend backend) throws Exception {
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock()).migrateOnStart(true).build())) {
            String url = db.config().jdbcUrl();
            db.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "shared").set(VDL_COFFRET.BOTTLES, 6)
                    .set(VDL_COFFRET.DESCRIPTION, "").execute();

            Process writer = java(HalfWriteProcess.class, url).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null && !line.contains("IN-TRANSACTION")) {
                    seen.append(line).append('\n');
                }
                assertThat(line).as("the child reached the middle of its transaction; it printed:\n" + seen).isNotNull();
                writer.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the child
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                writer.destroyForcibly();
            }

            // The row the child had locked and changed: this transaction needs its lock (or SQLite's write lock).
            db.useTransaction(tx -> tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, 7)
                    .where(VDL_COFFRET.NAME.eq("shared")).execute());
            assertThat(db.dsl().fetchCount(VDL_COFFRET, VDL_COFFRET.NAME.startsWith("doomed-"))).isZero();
            assertThat(db.dsl().select(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).where(VDL_COFFRET.NAME.eq("shared"))
                    .fetchOne(VDL_COFFRET.BOTTLES)).isEqualTo(7);

            Process next = java(SqliteWriterProcess.class, url, "after", "5").redirectErrorStream(true).start();
            assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(next.exitValue()).as(output).isZero();
            assertThat(db.dsl().fetchCount(VDL_COFFRET, VDL_COFFRET.NAME.startsWith("after-"))).isEqualTo(5);
        }
    }

    private static ProcessBuilder java(Class<?> main, String... args) {
        String binary = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(binary, "--enable-native-access=ALL-UNNAMED",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
