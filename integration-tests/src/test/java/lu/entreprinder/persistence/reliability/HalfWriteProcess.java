package lu.entreprinder.persistence.reliability;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;

/**
 * A process for {@link KilledWriterIT}: in one transaction, updates the coffret named "shared" and inserts rows,
 * says so on standard output, then waits inside the transaction until it is killed.
 */
public final class HalfWriteProcess {

    private HalfWriteProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Database db = Database.open(DatabaseConfig.builder(args[0]).maximumPoolSize(2).build())) {
            db.useTransaction(tx -> {
                tx.dsl().update(VDL_COFFRET).set(VDL_COFFRET.BOTTLES, 999).where(VDL_COFFRET.NAME.eq("shared")).execute();
                for (int i = 0; i < 50; i++) {
                    tx.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "doomed-" + i).set(VDL_COFFRET.BOTTLES, i)
                            .set(VDL_COFFRET.DESCRIPTION, "").execute();
                }
                System.out.println("IN-TRANSACTION");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
