package lu.entreprinder.persistence.reliability;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;

/** A second process for {@link SqliteTwoProcessesIT} and {@link KilledWriterIT}: writes rows in transactions. */
public final class SqliteWriterProcess {

    private SqliteWriterProcess() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String name = args[1];
        int rows = Integer.parseInt(args[2]);
        try (Database db = Database.open(DatabaseConfig.builder(url).maximumPoolSize(4).build())) {
            for (int i = 0; i < rows; i++) {
                int n = i;
                db.useTransaction(tx -> {
                    int before = tx.dsl().fetchCount(VDL_COFFRET); // read, then write: needs the write lock from the start
                    tx.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, name + "-" + n).set(VDL_COFFRET.BOTTLES, before)
                            .set(VDL_COFFRET.DESCRIPTION, "").execute();
                });
            }
        }
        System.out.println("wrote " + rows);
    }
}
