package lu.entreprinder.persistence.examples;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.TransactionAbortedException;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import org.jooq.DSLContext;

/** The README's "recover from an expected failure" snippet, compiled and run by a test so it cannot rot. */
public final class RecoveryExample {

    private RecoveryExample() {
    }

    /** Shows the poisoned-transaction rule: a caught failure outside a savepoint, then inside one. */
    public static List<String> run(String jdbcUrl) {
        List<String> log = new ArrayList<>();
        DatabaseConfig config = DatabaseConfig.builder(jdbcUrl).schema(DefaultSchema.DEFAULT_SCHEMA)
                .migrateOnStart(true).build();
        try (Database db = Database.open(config)) {
            db.useTransaction(tx -> insertUser(tx.dsl(), db, "anna"));
            // --- README snippet start
            try {
                db.useTransaction(tx -> {
                    insertUser(tx.dsl(), db, "ben");
                    try {
                        insertUser(tx.dsl(), db, "anna");                 // taken: the statement fails ...
                    } catch (ConflictException e) {
                        log.add("caught " + e.constraint());               // ... and catching it is not enough
                    }
                    tx.afterCommit(() -> log.add("never runs"));
                });
            } catch (TransactionAbortedException e) {
                log.add("rolled back: ben was not saved");               // the end throws instead of committing
            }
            db.useTransaction(tx -> {
                insertUser(tx.dsl(), db, "ben");
                try {
                    db.useTransaction(inner -> insertUser(inner.dsl(), db, "anna"));   // a savepoint
                } catch (ConflictException e) {
                    log.add("caught " + e.constraint() + " in a savepoint"); // only the savepoint rolled back
                }
                tx.afterCommit(() -> log.add("committed: ben was saved"));
            });
            // --- README snippet end
        }
        return log;
    }

    private static void insertUser(DSLContext dsl, Database db, String username) {
        dsl.insertInto(USER)
                .set(USER.USERNAME, username).set(USER.EMAIL, "")
                .set(USER.PASSWORD, "<hash>").set(USER.FIRST_NAME, "").set(USER.LAST_NAME, "")
                .set(USER.IS_SUPERUSER, false).set(USER.IS_STAFF, false).set(USER.IS_ACTIVE, true)
                .set(USER.DATE_JOINED, db.now())
                .execute();
    }
}
