package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.TestClock;
import org.junit.jupiter.api.Tag;

/**
 * The soak run (tag {@code soak}: excluded from the default run; {@code mvn -Psoak -pl integration-tests verify}):
 * 16 threads of mixed traffic on PostgreSQL for {@code -Dsoak.seconds} (default 180), then a third of that on SQLite,
 * then every invariant of {@link SoakRun}. The CI-sized run of the same traffic is {@link SoakSmokeIT}.
 */
@Tag("soak")
class SoakIT {

    static Duration configured() {
        return Duration.ofSeconds(Long.getLong("soak.seconds", 180));
    }

    /** PostgreSQL: the full duration. */
    @DatabaseTest(Backend.POSTGRESQL)
    void soakOnPostgres(Database db, TestClock clock) throws Exception {
        var report = new SoakRun(db, clock).run(16, configured());
        System.out.println("SOAK postgresql 16 threads: " + report);
        assertThat(report.total()).isPositive();
    }

    /** SQLite (one writer at a time): a third of the duration. */
    @DatabaseTest(Backend.SQLITE)
    void soakOnSqlite(Database db, TestClock clock) throws Exception {
        var report = new SoakRun(db, clock).run(16, configured().dividedBy(3));
        System.out.println("SOAK sqlite 16 threads: " + report);
        assertThat(report.total()).isPositive();
    }
}
