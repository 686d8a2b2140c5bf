package lu.entreprinder.persistence.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.RetryableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's troubleshooting entry "a locked SQLite file": another process (here another connection) holds the
 * write transaction longer than the busy timeout, and the library answers {@code RetryableException(DATABASE_BUSY)}
 * with nothing written.
 */
class SqliteBusyIT {

    @Test
    void aWriterHeldBeyondTheBusyTimeoutIsDatabaseBusy(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        DatabaseConfig config = DatabaseConfig.builder(url)
                .sqliteBusyTimeout(Duration.ofMillis(200)).build();
        try (Database db = Database.open(config);
             Connection other = DriverManager.getConnection(url);
             Statement holder = other.createStatement()) {
            holder.execute("BEGIN IMMEDIATE"); // e.g. a sqlite3 shell or a second app instance mid-transaction

            long started = System.nanoTime();
            RetryableException busy = catchThrowableOfType(RetryableException.class,
                    () -> db.useTransaction(tx -> tx.dsl().selectOne().fetch()));

            assertThat(busy.reason()).isEqualTo(RetryableException.Reason.DATABASE_BUSY);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            holder.execute("ROLLBACK");
            db.useTransaction(tx -> tx.dsl().selectOne().fetch()); // free again: the same call succeeds
        }
    }
}
