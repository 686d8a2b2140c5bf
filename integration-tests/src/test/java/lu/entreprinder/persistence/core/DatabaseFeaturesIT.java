package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class DatabaseFeaturesIT {

    @Test
    void anInMemorySqliteDatabaseIsOneDatabaseSharedByAllThreads() throws Exception {
        try (Database db = Database.open(DatabaseConfig.builder("jdbc:sqlite::memory:").maximumPoolSize(8)
                .schema(DefaultSchema.DEFAULT_SCHEMA).migrateOnStart(true).build())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                futures.add(pool.submit(() -> db.inTransaction(tx -> Fixtures.user(db, "user" + n))));
            }
            for (Future<Long> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
            }
            pool.shutdown();
            assertThat(db.dsl().fetchCount(USER)).as("all threads wrote into the same in-memory database").isEqualTo(20);
        }
    }

    @DatabaseTest
    void explainShowsThePlanOfAQuery(Database db) {
        Fixtures.user(db, "anna");
        String plan = db.explain(db.dsl().selectFrom(USER).where(USER.USERNAME.eq("anna")), false);
        // PostgreSQL may pick a sequential scan for a tiny table, so only SQLite's plan is asserted to use the index.
        assertThat(plan).contains("auth_user");
        if (db.isSqlite()) {
            assertThat(plan).contains("USING INDEX");
        }
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void explainAnalyzeRunsTheQueryOnPostgres(Database db) {
        String plan = db.explain(db.dsl().selectFrom(USER).where(USER.ID.eq(1L)), true);
        assertThat(plan).contains("actual time").contains("Execution Time");
    }

    @Test
    void slowStatementsAreLoggedThroughSlf4j() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (Database db = Database.open(TestDatabases.config(Backend.POSTGRESQL, new TestClock())
                .slowQueryThreshold(Duration.ofMillis(50)).build())) {
            db.dsl().execute("select pg_sleep(0.1)");
            db.dsl().selectOne().fetch();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("slow statement").contains("pg_sleep").doesNotContain("select 1");
    }
}
