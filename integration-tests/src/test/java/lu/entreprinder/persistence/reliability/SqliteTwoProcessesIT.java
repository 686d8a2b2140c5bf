package lu.entreprinder.persistence.reliability;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** Two operating-system processes write the same SQLite file at once: no "database is locked" escapes, nothing is lost. */
class SqliteTwoProcessesIT {

    private static final int ROWS_PER_PROCESS = 100;

    @Test
    void twoProcessesWritingOneFileLoseNothing() throws Exception {
        try (Database db = Database.open(TestDatabases.config(Backend.SQLITE, new TestClock()).migrateOnStart(true).build())) {
            String url = db.config().jdbcUrl();
            List<Process> processes = new ArrayList<>();
            for (String name : new String[] {"first", "second"}) {
                processes.add(new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED",
                        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                        "-cp", System.getProperty("java.class.path"), SqliteWriterProcess.class.getName(),
                        url, name, String.valueOf(ROWS_PER_PROCESS))
                        .redirectErrorStream(true).start());
            }
            for (Process p : processes) {
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(output).isZero();
                assertThat(output).doesNotContain("locked").doesNotContain("BUSY").contains("wrote " + ROWS_PER_PROCESS);
            }
            assertThat(db.dsl().fetchCount(VDL_COFFRET)).isEqualTo(2 * ROWS_PER_PROCESS);
            // each row counted the rows before it inside its own write transaction: all distinct means serialised
            assertThat(db.dsl().selectDistinct(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).fetch()).hasSize(2 * ROWS_PER_PROCESS);
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
