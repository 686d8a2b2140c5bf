package lu.entreprinder.persistence.micrometer;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.RetryableException;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.core.TransactionAbortedException;
import lu.entreprinder.persistence.matching.LikeResult;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A known sequence of DAO calls, then the registry: every meter counts what happened, on both databases. */
class MicrometerObserverIT {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theRegistryCountsStatementsByOperationTransactionsByOutcomeRetriesLockWaitsAndThePool(Backend backend) {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock()).migrateOnStart(true)
                .observer(new MicrometerObserver(registry)).build())) {
            MicrometerObserver.bindPool(db.dataSource(), registry);
            long anna = Fixtures.user(db, "anna");
            long ben = Fixtures.user(db, "ben");
            MatchingService matching = new MatchingService(db);

            long likeStatements;
            try (StatementCount count = db.countStatements()) {
                assertThat(matching.like(anna, ben)).isInstanceOf(LikeResult.Liked.class);
                assertThat(matching.like(ben, anna)).isInstanceOf(LikeResult.Matched.class);
                assertThatThrownBy(() -> matching.like(anna, 999_999)).isInstanceOf(NotFoundException.class);
                likeStatements = count.value();
            }
            assertThatThrownBy(() -> db.useTransaction(tx -> {
                try {
                    Fixtures.user(db, "anna");
                } catch (ConflictException swallowed) {
                    // poisons the transaction
                }
            })).isInstanceOf(TransactionAbortedException.class);
            AtomicInteger attempts = new AtomicInteger();
            db.inTransactionWithRetry(3, tx -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new RetryableException(RetryableException.Reason.SERIALIZATION_FAILURE, "once", null);
                }
                return tx.dsl().fetchCount(USER);
            });

            double byLike = registry.find("entreprinder.db.statements").tag("operation", "MatchingService.like")
                    .timers().stream().mapToLong(Timer::count).sum();
            assertThat((long) byLike).as("every statement of the like calls, under the operation's name")
                    .isEqualTo(likeStatements);
            assertThat(registry.find("entreprinder.db.statements").tag("operation", "Fixtures.user")
                    .tag("outcome", "failure").timer().count()).isEqualTo(1);
            assertThat(count(registry, "committed")).as("two likes and the retried transaction").isEqualTo(3);
            assertThat(count(registry, "rolled_back")).as("the like of a missing user, the first attempt").isEqualTo(2);
            assertThat(count(registry, "poisoned")).isEqualTo(1);
            assertThat(registry.find("entreprinder.db.retries").tag("reason", "SERIALIZATION_FAILURE").counter().count())
                    .isEqualTo(1.0);
            Timer locks = registry.find("entreprinder.db.lock.waits").tag("operation", "MatchingService.like").timer();
            if (backend == Backend.POSTGRESQL) {
                assertThat(locks.count()).as("each like locks the pair's rows first").isEqualTo(3);
            } else {
                assertThat(locks).as("SQLite locks with BEGIN IMMEDIATE, no locking select").isNull();
            }
            assertThat(registry.find("hikaricp.connections").gauge()).as("HikariCP's own pool meters").isNotNull();
        }
    }

    private static long count(MeterRegistry registry, String outcome) {
        Timer timer = registry.find("entreprinder.db.transactions").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
