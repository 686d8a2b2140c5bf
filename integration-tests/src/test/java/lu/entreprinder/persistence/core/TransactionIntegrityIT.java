package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;

/** A reported commit is always a real one: the poisoned-transaction rule and the transaction handle's bounds. */
class TransactionIntegrityIT {

    private static int users(Database db) {
        return db.dsl().fetchCount(USER);
    }

    private static int insertUser(DSLContext dsl, Database db, String username) {
        return dsl.insertInto(USER)
                .set(USER.PASSWORD, "x").set(USER.IS_SUPERUSER, false).set(USER.USERNAME, username)
                .set(USER.FIRST_NAME, "").set(USER.LAST_NAME, "").set(USER.EMAIL, "")
                .set(USER.IS_STAFF, false).set(USER.IS_ACTIVE, true).set(USER.DATE_JOINED, db.now())
                .execute();
    }

    private static void likeNobody(DSLContext dsl, Database db, long from) {
        dsl.insertInto(LIKE).set(LIKE.FROM_USER_ID, from).set(LIKE.TO_USER_ID, 999_999_999L)
                .set(LIKE.CREATED_AT, db.now()).execute();
    }

    @DatabaseTest
    void aCaughtFailureMakesTheTransactionThrowInsteadOfCommittingAndNoHookRuns(Database db) {
        long anna = Fixtures.user(db, "anna");
        List<String> mails = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            Fixtures.user(db, "nested");
            tx.afterCommit(() -> mails.add("welcome"));
            try {
                likeNobody(tx.dsl(), db, anna);
            } catch (ForeignKeyViolationException handled) {
                // the caller believes it handled it
            }
            return "ok";
        })).isInstanceOfSatisfying(TransactionAbortedException.class,
                e -> assertThat(e.getCause()).isInstanceOf(ForeignKeyViolationException.class));
        assertThat(users(db)).as("only anna, committed before").isEqualTo(1);
        assertThat(mails).isEmpty();
        assertThat(db.activeConnections()).isZero();
    }

    @DatabaseTest
    void everyLaterStatementOfAPoisonedTransactionFailsAtOnceWithoutReachingTheDatabase(Database db) {
        long anna = Fixtures.user(db, "anna");
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            try {
                likeNobody(tx.dsl(), db, anna);
            } catch (ForeignKeyViolationException handled) {
                // swallowed
            }
            try (StatementCount count = db.countStatements()) {
                assertThatThrownBy(() -> Fixtures.user(db, "ben"))
                        .isInstanceOf(TransactionAbortedException.class)
                        .hasMessageContaining("nested inTransaction");
                assertThatThrownBy(() -> tx.dsl().selectOne().fetch())
                        .isInstanceOf(TransactionAbortedException.class);
                assertThatThrownBy(() -> db.inTransaction(inner -> 1))
                        .as("no savepoint opens in a poisoned transaction")
                        .isInstanceOf(TransactionAbortedException.class);
                assertThat(count.value()).as("refused statements are not sent, so not counted").isZero();
            }
        })).isInstanceOf(TransactionAbortedException.class);
        assertThat(users(db)).isEqualTo(1);
    }

    @DatabaseTest
    void aFailureInsideANestedTransactionLeavesTheOuterOneUsable(Database db) {
        List<String> mails = new CopyOnWriteArrayList<>();
        String result = db.inTransaction(tx -> {
            long nested = Fixtures.user(db, "nested");
            tx.afterCommit(() -> mails.add("welcome"));
            try {
                db.useTransaction(inner -> likeNobody(inner.dsl(), db, nested));
            } catch (ForeignKeyViolationException handled) {
                // the savepoint rolled back; the outer transaction goes on
            }
            Fixtures.user(db, "after");
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(users(db)).isEqualTo(2);
        assertThat(mails).containsExactly("welcome");
    }

    @DatabaseTest
    void aNestedLevelThatSwallowedItsOwnFailureThrowsAtItsEndAndOnlyItRollsBack(Database db) {
        long anna = Fixtures.user(db, "anna");
        List<String> hooks = new CopyOnWriteArrayList<>();
        db.useTransaction(tx -> {
            assertThatThrownBy(() -> db.useTransaction(inner -> {
                Fixtures.user(db, "lost");
                inner.afterCommit(() -> hooks.add("inner"));
                try {
                    likeNobody(inner.dsl(), db, anna);
                } catch (ForeignKeyViolationException swallowed) {
                    // swallowed inside the savepoint
                }
            })).isInstanceOf(TransactionAbortedException.class);
            Fixtures.user(db, "kept");
            tx.afterCommit(() -> hooks.add("outer"));
        });
        assertThat(db.dsl().select(USER.USERNAME).from(USER).orderBy(USER.USERNAME).fetch(USER.USERNAME))
                .containsExactly("anna", "kept");
        assertThat(hooks).containsExactly("outer");
    }

    /**
     * PostgreSQL only: a failure in plain JDBC is invisible to the library, and only PostgreSQL aborts the
     * transaction for it; the server's transaction status, checked before COMMIT, still refuses to report a commit.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void aTransactionThatPostgresAbortedBehindTheLibrarysBackIsNeverReportedCommitted(Database db) {
        List<String> hooks = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            Fixtures.user(db, "anna");
            tx.afterCommit(() -> hooks.add("hook"));
            tx.dsl().connection(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("insert into matching_like (from_user_id, to_user_id, created_at)"
                            + " values (999999998, 999999999, now())");
                } catch (SQLException swallowed) {
                    // plain JDBC, caught: the library never saw it
                }
            });
        })).isInstanceOf(TransactionAbortedException.class).hasMessageContaining("PostgreSQL had aborted");
        assertThat(users(db)).isZero();
        assertThat(hooks).isEmpty();
        assertThat(db.activeConnections()).isZero();
    }

    @DatabaseTest
    void theHandleRefusesUseAfterItsLambdaReturned(Database db) {
        AtomicReference<Transaction> kept = new AtomicReference<>();
        db.useTransaction(kept::set);
        assertThatThrownBy(() -> insertUser(kept.get().dsl(), db, "late"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> kept.get().afterCommit(() -> { }))
                .isInstanceOf(IllegalStateException.class);
        db.useTransaction(outer -> {
            AtomicReference<Transaction> inner = new AtomicReference<>();
            db.useTransaction(inner::set);
            assertThatThrownBy(() -> inner.get().dsl().selectOne().fetch())
                    .as("an ended savepoint's handle, while the outer transaction is still open")
                    .isInstanceOf(IllegalStateException.class);
        });
        assertThat(users(db)).isZero();
    }

    @DatabaseTest
    void workHandedToAnotherThreadRunsInTheTransactionThroughItsHandle(Database db) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> db.useTransaction(tx -> {
                try {
                    other.submit(() -> insertUser(tx.dsl(), db, "elsewhere")).get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                assertThat(tx.dsl().fetchCount(USER)).as("the other thread's row, inside").isEqualTo(1);
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
        assertThat(users(db)).as("rolled back with the transaction, never auto-committed").isZero();
    }

    @DatabaseTest
    void aLazyCursorCannotBeReadAfterItsTransactionEnded(Database db) {
        for (int i = 0; i < 5; i++) {
            Fixtures.user(db, "user" + i);
        }
        Cursor<Record1<String>> cursor = db.inTransaction(tx -> {
            Cursor<Record1<String>> c = tx.dsl().select(USER.USERNAME).from(USER).fetchLazy();
            c.fetchNext();
            return c;
        });
        assertThatThrownBy(cursor::fetchNext).isInstanceOf(RuntimeException.class);
        cursor.close();
        assertThat(db.activeConnections()).isZero();
    }
}
