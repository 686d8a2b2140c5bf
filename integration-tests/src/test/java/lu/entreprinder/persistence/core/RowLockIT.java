package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;

/**
 * Read-modify-write of one row from many threads: with {@link Transaction#forUpdate} no update is lost; the same
 * race with the lock switched off through the race seam ({@link RaceSeam#locks(boolean)}) loses updates on
 * PostgreSQL (the negative control that shows the race is real, and that the seam turns the lock into a plain read).
 */
class RowLockIT {

    private static final int THREADS = 16;
    private static final int INCREMENTS_PER_THREAD = 10;

    @DatabaseTest
    void lockedIncrementsLoseNothing(Database db) throws Exception {
        long id = coffret(db);
        race(db, id, true);
        assertThat(bottles(db, id)).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
    }

    /** PostgreSQL only: SQLite's immediate transactions serialise writers, so an unlocked path cannot lose there. */
    @DatabaseTest(Backend.POSTGRESQL)
    void withoutTheLockUpdatesAreLost(Database db) throws Exception {
        long id = coffret(db);
        race(db, id, false);
        assertThat(bottles(db, id)).isLessThan(THREADS * INCREMENTS_PER_THREAD);
    }

    @DatabaseTest
    void sqliteWritersQueueInsteadOfFailing(Database db) throws Exception {
        long id = coffret(db);
        race(db, id, true);
        assertThat(db.activeConnections()).isZero();
    }

    private static void race(Database db, long id, boolean lock) {
        RaceSeam.of(db).locks(lock);
        List<Callable<Void>> racers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            racers.add(() -> {
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    db.useTransaction(tx -> {
                        var select = tx.dsl().select(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).where(VDL_COFFRET.ID.eq(id));
                        int bottles = tx.forUpdate(select).fetchOne(VDL_COFFRET.BOTTLES);
                        Thread.onSpinWait();
                        sleepBriefly(); // widen the window between read and write
                        tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, bottles + 1).where(VDL_COFFRET.ID.eq(id)).execute();
                    });
                }
                return null;
            });
        }
        Race.run(racers).valuesOrFail();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long coffret(Database db) {
        return db.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "counter").set(VDL_COFFRET.BOTTLES, 0)
                .set(VDL_COFFRET.DESCRIPTION, "").returning(VDL_COFFRET.ID).fetchOne(VDL_COFFRET.ID);
    }

    private static int bottles(Database db, long id) {
        return db.dsl().select(VDL_COFFRET.BOTTLES).from(VDL_COFFRET).where(VDL_COFFRET.ID.eq(id)).fetchOne(VDL_COFFRET.BOTTLES);
    }
}
