package lu.entreprinder.persistence.examples;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/** The README's "embed it" snippet, compiled and run by a test so it cannot rot. */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** Opens the database at {@code jdbcUrl}, migrates it, writes in a transaction and reads back. */
    public static List<String> run(String jdbcUrl) {
        // --- README snippet start
        DatabaseConfig config = DatabaseConfig.builder(jdbcUrl)   // jdbc:postgresql://… or jdbc:sqlite:app.db
                .schema(DefaultSchema.DEFAULT_SCHEMA)                 // constraint names in SQLite errors
                .migrateOnStart(true)                                 // apply pending Flyway migrations
                .build();
        try (Database db = Database.open(config)) {
            db.useTransaction(tx -> {
                tx.dsl().insertInto(USER)
                        .set(USER.USERNAME, "anna").set(USER.EMAIL, "anna@example.lu")
                        .set(USER.PASSWORD, "<hash>").set(USER.FIRST_NAME, "Anna").set(USER.LAST_NAME, "Muller")
                        .set(USER.IS_SUPERUSER, false).set(USER.IS_STAFF, false).set(USER.IS_ACTIVE, true)
                        .set(USER.DATE_JOINED, db.now())
                        .execute();
                tx.afterCommit(() -> System.out.println("committed: send the welcome e-mail"));
            });
            return db.dsl().select(USER.USERNAME).from(USER).fetch(USER.USERNAME);
        }
        // --- README snippet end
    }
}
