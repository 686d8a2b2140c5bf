package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.TestClock;

/**
 * The CI-sized run of the soak traffic (no tag: part of the default run): 16 threads for 10 seconds on PostgreSQL
 * and 4 seconds on SQLite, then every invariant of {@link SoakRun}. The long run is {@link SoakIT}.
 */
class SoakSmokeIT {

    /** PostgreSQL: 10 seconds. */
    @DatabaseTest(Backend.POSTGRESQL)
    void smokeOnPostgres(Database db, TestClock clock) throws Exception {
        var report = new SoakRun(db, clock).run(16, Duration.ofSeconds(10));
        System.out.println("SOAK SMOKE postgresql 16 threads: " + report);
        assertThat(report.operations()).containsKeys("register", "cancel", "reserve", "confirm", "sweep", "like",
                "unlike", "message");
    }

    /** SQLite: 4 seconds. */
    @DatabaseTest(Backend.SQLITE)
    void smokeOnSqlite(Database db, TestClock clock) throws Exception {
        var report = new SoakRun(db, clock).run(16, Duration.ofSeconds(4));
        System.out.println("SOAK SMOKE sqlite 16 threads: " + report);
        assertThat(report.total()).isPositive();
    }
}
