package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

class TransactionIT {

    private static int users(Database db) {
        return db.dsl().fetchCount(USER);
    }

    @DatabaseTest
    void committedWorkIsVisibleAndTheValueIsReturned(Database db) {
        long id = db.inTransaction(tx -> Fixtures.user(db, "anna"));
        assertThat(id).isPositive();
        assertThat(users(db)).isEqualTo(1);
    }

    @DatabaseTest
    void anExceptionRollsEverythingBackAndIsRethrownUnchanged(Database db) {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            Fixtures.user(db, "anna");
            Fixtures.user(db, "ben");
            throw boom;
        })).isSameAs(boom);
        assertThat(users(db)).isZero();
    }

    @DatabaseTest
    void aFailingNestedTransactionRollsBackToItsSavepointOnly(Database db) {
        db.useTransaction(outer -> {
            Fixtures.user(db, "anna");
            assertThatThrownBy(() -> db.useTransaction(inner -> {
                assertThat(inner.isNested()).isTrue();
                Fixtures.user(db, "ben");
                throw new IllegalStateException("inner fails");
            })).isInstanceOf(IllegalStateException.class);
            Fixtures.user(db, "carl");
        });
        assertThat(db.dsl().select(USER.USERNAME).from(USER).orderBy(USER.USERNAME).fetch(USER.USERNAME))
                .containsExactly("anna", "carl");
    }

    @DatabaseTest
    void uncommittedRowsAreInvisibleToOtherThreads(Database db) throws Exception {
        var executor = Executors.newSingleThreadExecutor();
        try {
            db.useTransaction(tx -> {
                Fixtures.user(db, "anna");
                assertThat(users(db)).as("inside the transaction").isEqualTo(1);
                Future<Integer> outside = executor.submit(() -> users(db));
                try {
                    assertThat(outside.get()).as("another thread before commit").isZero();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            executor.shutdownNow();
        }
        assertThat(users(db)).isEqualTo(1);
    }

    @DatabaseTest
    void afterCommitHooksRunOnceAfterCommitOutsideTheTransaction(Database db) {
        List<String> events = new CopyOnWriteArrayList<>();
        db.useTransaction(tx -> {
            tx.afterCommit(() -> events.add("hook, in transaction: " + db.inTransaction()));
            events.add("body");
        });
        assertThat(events).containsExactly("body", "hook, in transaction: false");
    }

    @DatabaseTest
    void afterCommitHooksNeverRunAfterRollback(Database db) {
        List<String> events = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            tx.afterCommit(() -> events.add("hook"));
            throw new IllegalStateException("rollback");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(events).isEmpty();
    }

    @DatabaseTest
    void hooksOfARolledBackSavepointAreDroppedAndOfAReleasedOneKeptUntilTheOuterCommit(Database db) {
        List<String> events = new CopyOnWriteArrayList<>();
        db.useTransaction(outer -> {
            db.useTransaction(inner -> inner.afterCommit(() -> events.add("released savepoint")));
            try {
                db.useTransaction(inner -> {
                    inner.afterCommit(() -> events.add("rolled back savepoint"));
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                // the savepoint rolled back
            }
            assertThat(events).as("nothing runs before the outer commit").isEmpty();
        });
        assertThat(events).containsExactly("released savepoint");
    }

    @DatabaseTest
    void aThrowingHookIsLoggedAndTheCommitStands(Database db) {
        List<String> events = new CopyOnWriteArrayList<>();
        db.useTransaction(tx -> {
            Fixtures.user(db, "anna");
            tx.afterCommit(() -> {
                throw new IllegalStateException("mail server down");
            });
            tx.afterCommit(() -> events.add("second hook still runs"));
        });
        assertThat(users(db)).isEqualTo(1);
        assertThat(events).containsExactly("second hook still runs");
    }

    @DatabaseTest
    void afterCommitOutsideATransactionIsAProgrammingError(Database db) {
        assertThatThrownBy(() -> db.afterCommit(() -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inTransaction");
    }

    @DatabaseTest
    void connectionsGoBackToThePool(Database db) {
        for (int i = 0; i < 50; i++) {
            int n = i;
            try {
                db.useTransaction(tx -> {
                    Fixtures.user(db, "user" + n);
                    if (n % 2 == 0) {
                        throw new IllegalStateException("rollback " + n);
                    }
                });
            } catch (IllegalStateException expected) {
                // half of them roll back
            }
        }
        assertThat(users(db)).isEqualTo(25);
        assertThat(db.activeConnections()).isZero();
    }

    @DatabaseTest
    void retryRejectsNestingAndBadAttemptCounts(Database db) {
        assertThatThrownBy(() -> db.inTransactionWithRetry(0, tx -> 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxAttempts"));
        db.useTransaction(tx -> assertThatThrownBy(() -> db.inTransactionWithRetry(3, inner -> 1))
                .isInstanceOf(IllegalStateException.class));
        int answer = db.inTransactionWithRetry(3, tx -> 42);
        assertThat(answer).isEqualTo(42);
    }
}
