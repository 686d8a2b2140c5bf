package lu.entreprinder.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed's "migrate, then migrate zero": every migration has an undo script that leaves nothing behind. */
class MigrationReversibilityIT {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migrateUndoToZeroAndMigrateAgain(Backend backend) {
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock()).build())) {
            Database.MigrationResult first = db.migrate();
            assertThat(first.appliedVersions()).hasSize(24).startsWith("1").endsWith("24");
            SchemaSnapshot migrated = SchemaSnapshot.of(db);

            List<String> undone = db.undo("0");
            assertThat(undone).hasSize(24).startsWith("24").endsWith("1");
            assertThat(objectsLeft(db)).as("tables, views, indexes, functions and triggers left after undo").isEmpty();

            Database.MigrationResult again = db.migrate();
            assertThat(again.appliedVersions()).isEqualTo(first.appliedVersions());
            assertThat(SchemaSnapshot.of(db)).isEqualTo(migrated);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void undoStopsAtTheTargetVersion(Backend backend) {
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock()).build())) {
            db.migrate();
            assertThat(db.undo("7")).containsExactly("24", "23", "22", "21", "20", "19", "18", "17", "16", "15", "14", "13", "12", "11", "10", "9", "8");
            assertThat(db.migrate().appliedVersions()).containsExactly("8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24");
        }
    }

    private static List<String> objectsLeft(Database db) {
        String sql = db.isPostgres()
                ? """
                  select c.relkind::text || ' ' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = current_schema()
                  union all
                  select 'function ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = current_schema()"""
                : "select type || ' ' || name from sqlite_master where name not like 'sqlite_%'";
        return db.dsl().resultQuery(sql).fetch(0, String.class);
    }
}
