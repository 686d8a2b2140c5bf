package lu.entreprinder.persistence.reliability;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.RetryableException;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestPostgres;

/**
 * A transaction's backend is terminated ({@code pg_terminate_backend}) at chosen points: the caller gets a
 * retryable CONNECTION_LOST, nothing of the transaction is visible, the pool replaces the connection and the next
 * call succeeds. PostgreSQL only: SQLite has no server connection to kill.
 */
class ConnectionKilledIT {

    private static void kill(Transaction tx) {
        int pid = tx.dsl().resultQuery("select pg_backend_pid()").fetchOne(0, Integer.class);
        try (Connection admin = DriverManager.getConnection(TestPostgres.server().adminUrl());
             PreparedStatement s = admin.prepareStatement("select pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void killedRightAfterBeginNothingIsWrittenAndTheNextCallWorks(Database db) {
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            kill(tx);
            Fixtures.user(db, "anna");
        })).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.CONNECTION_LOST));
        assertRecovered(db);
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void killedWhileHoldingARowLockTheLockIsReleasedAndNothingIsWritten(Database db) {
        long coffret = db.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "c").set(VDL_COFFRET.BOTTLES, 1)
                .set(VDL_COFFRET.DESCRIPTION, "").returning(VDL_COFFRET.ID).fetchOne(VDL_COFFRET.ID);
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            tx.forUpdate(tx.dsl().selectFrom(VDL_COFFRET).where(VDL_COFFRET.ID.eq(coffret))).fetchOne();
            tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, 99).where(VDL_COFFRET.ID.eq(coffret)).execute();
            kill(tx);
            tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, 100).where(VDL_COFFRET.ID.eq(coffret)).execute();
        })).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.CONNECTION_LOST));
        // the lock is gone: another transaction locks and updates at once
        db.useTransaction(tx -> {
            tx.forUpdate(tx.dsl().selectFrom(VDL_COFFRET).where(VDL_COFFRET.ID.eq(coffret))).fetchOne();
            tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, 2).where(VDL_COFFRET.ID.eq(coffret)).execute();
        });
        assertThat(db.dsl().select(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).fetchOne(VDL_COFFRET.BOTTLES)).isEqualTo(2);
        assertRecovered(db);
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void killedJustBeforeCommitTheCommitFailsAndNothingIsWritten(Database db) {
        // From the client's side a COMMIT on a broken connection may or may not have reached the server, so the
        // library says the outcome is unknown; here the backend died first, so nothing was written.
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            Fixtures.user(db, "anna");
            Fixtures.user(db, "ben");
            kill(tx);
        })).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.COMMIT_OUTCOME_UNKNOWN));
        assertThat(db.dsl().fetchCount(USER)).isZero();
        assertRecovered(db);
    }

    private static void assertRecovered(Database db) {
        for (int i = 0; i < 20; i++) { // more calls than the pool has connections: every dead one was replaced
            db.useTransaction(tx -> tx.dsl().selectOne().fetch());
        }
        long id = db.inTransaction(tx -> Fixtures.user(db, "after-" + System.nanoTime()));
        assertThat(id).isPositive();
        assertThat(db.activeConnections()).isZero();
    }
}
