package lu.entreprinder.persistence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema is found, not configured: SQLite's column-list errors are named by constraint without any setting. */
class SchemaDiscoveryIT {

    @Test
    void withoutASchemaSettingSqliteConstraintErrorsStillNameTheConstraint(@TempDir Path dir) {
        DatabaseConfig config = DatabaseConfig.builder("jdbc:sqlite:" + dir.resolve("app.db")).migrateOnStart(true)
                .build();
        assertThat(config.schema()).isSameAs(DefaultSchema.DEFAULT_SCHEMA);
        try (Database db = Database.open(config)) {
            Fixtures.user(db, "anna");
            assertThatThrownBy(() -> Fixtures.user(db, "anna", "other@example.com"))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.constraint()).isEqualTo("auth_user_username_key"));
        }
    }
}
