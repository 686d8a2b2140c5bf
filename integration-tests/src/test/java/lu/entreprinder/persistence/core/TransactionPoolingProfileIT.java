package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The PgBouncer profile ({@code transactionPooling(true)}) leaves no session state on server connections and still
 * enforces the statement timeout. Runs directly and, in {@code scripts/pgbouncer-tests.sh}, through PgBouncer in
 * transaction mode. PostgreSQL only: SQLite has no pooler.
 */
class TransactionPoolingProfileIT {

    @Test
    void theStatementTimeoutHoldsWithoutAnySessionSetting() {
        try (Database db = Database.open(TestDatabases.config(Backend.POSTGRESQL, new TestClock())
                .transactionPooling(true).statementTimeout(Duration.ofMillis(500)).build())) {
            assertThat(db.dsl().fetchValue("select current_setting('statement_timeout')"))
                    .as("no session SET that PgBouncer would hand to other clients").isEqualTo("0");
            long started = System.nanoTime();
            assertThatThrownBy(() -> db.dsl().execute("select pg_sleep(5)")).isInstanceOf(QueryTimeoutException.class);
            assertThatThrownBy(() -> db.useTransaction(tx -> tx.dsl().execute("select pg_sleep(5)")))
                    .isInstanceOf(QueryTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(db.dsl().selectOne().fetchOne(0, Integer.class)).as("usable afterwards").isEqualTo(1);
        }
    }

    @Test
    void serverSidePreparedStatementsAreOff() {
        try (Database db = Database.open(TestDatabases.config(Backend.POSTGRESQL, new TestClock())
                .transactionPooling(true).build())) {
            for (int i = 0; i < 10; i++) {
                assertThat(db.dsl().selectOne().fetchOne(0, Integer.class)).isEqualTo(1);
            }
            // pgjdbc prepares on the server after prepareThreshold (default 5) executions; the profile sets 0.
            assertThat(db.dsl().fetchValue("select count(*) from pg_prepared_statements")).hasToString("0");
        }
    }
}
