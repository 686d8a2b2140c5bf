package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;

/**
 * A real serialization failure (two SERIALIZABLE transactions that read and then write the same row) is retried by
 * {@link Database#inTransactionWithRetry} within the bounded number of attempts; other failures are not retried.
 * PostgreSQL only: SQLite serialises writers, so it never reports a serialization failure.
 */
class RetryIT {

    @DatabaseTest(Backend.POSTGRESQL)
    void aSerializationFailureIsRetriedAndTheWorkDoneOnce(Database db) throws Exception {
        long id = db.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "c").set(VDL_COFFRET.BOTTLES, 0)
                .set(VDL_COFFRET.DESCRIPTION, "").returning(VDL_COFFRET.ID).fetchOne(VDL_COFFRET.ID);
        CountDownLatch bothRead = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?>[] futures = new Future<?>[2];
        for (int t = 0; t < 2; t++) {
            futures[t] = pool.submit(() -> db.inTransactionWithRetry(3, tx -> {
                int attempt = attempts.incrementAndGet();
                tx.dsl().execute("set transaction isolation level serializable");
                int bottles = tx.dsl().select(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).where(VDL_COFFRET.ID.eq(id))
                        .fetchOne(VDL_COFFRET.BOTTLES);
                if (attempt <= 2) {
                    bothRead.countDown();
                    await(bothRead); // both first attempts read the same snapshot before either writes
                }
                tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, bottles + 1).where(VDL_COFFRET.ID.eq(id)).execute();
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(db.dsl().select(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).fetchOne(VDL_COFFRET.BOTTLES))
                .as("both increments applied exactly once").isEqualTo(2);
        assertThat(attempts.get()).as("one of the two was retried").isEqualTo(3);
    }

    @DatabaseTest
    void otherFailuresAreNotRetried(Database db) {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.inTransactionWithRetry(5, tx -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not transient");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
