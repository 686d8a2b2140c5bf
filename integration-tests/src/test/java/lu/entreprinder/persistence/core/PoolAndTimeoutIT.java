package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PoolAndTimeoutIT {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anExhaustedPoolFailsWithATypedErrorAfterTheTimeoutAndRecovers(Backend backend) throws Exception {
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock())
                .maximumPoolSize(1).connectionTimeout(Duration.ofMillis(300)).build())) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            Future<?> holder = executor.submit(() -> db.useTransaction(tx -> {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            holding.await(10, TimeUnit.SECONDS);
            long started = System.nanoTime();
            assertThatThrownBy(() -> db.dsl().selectOne().fetch())
                    .isInstanceOfSatisfying(RetryableException.class,
                            e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.POOL_EXHAUSTED));
            assertThatThrownBy(() -> db.useTransaction(tx -> { }))
                    .isInstanceOfSatisfying(RetryableException.class,
                            e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.POOL_EXHAUSTED));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            executor.shutdown();
            assertThat(db.dsl().selectOne().fetchOne(0, Integer.class)).as("recovered").isEqualTo(1);
        }
    }

    @Test
    void aStatementTimeoutCancelsTheStatementWithATypedError() {
        try (Database db = Database.open(TestDatabases.config(Backend.POSTGRESQL, new TestClock())
                .statementTimeout(Duration.ofMillis(200)).build())) {
            assertThatThrownBy(() -> db.dsl().execute("select pg_sleep(2)"))
                    .isInstanceOf(QueryTimeoutException.class);
            assertThat(db.dsl().selectOne().fetchOne(0, Integer.class)).isEqualTo(1);
        }
    }
}
