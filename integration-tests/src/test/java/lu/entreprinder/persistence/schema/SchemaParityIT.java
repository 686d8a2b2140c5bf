package lu.entreprinder.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL and SQLite migration sets produce the same tables, columns, keys and unique constraints, with one
 * known difference: PostgreSQL's own search data, the stored search vectors of V18 and the per-word ranks of V24
 * (SQLite searches its FTS5 tables of V12).
 */
class SchemaParityIT {

    /** Columns only PostgreSQL has, on purpose (each read by PostgreSQL-only SQL, never by the generated classes). */
    private static final java.util.Set<String> POSTGRES_ONLY = java.util.Set.of(
            "entreprinder_entrepreneurprofile.search_vector", "crush_lu_meetupevent.search_vector");

    /** Tables only PostgreSQL has, on purpose (read by SearchDao's PostgreSQL-only SQL, never by generated classes). */
    private static final java.util.Set<String> POSTGRES_ONLY_TABLES = java.util.Set.of(
            "entreprinder_profile_search_term");

    @Test
    void bothMigrationSetsProduceTheSameSchema() {
        SchemaSnapshot postgres = SchemaSnapshot.of(TestDatabases.shared(Backend.POSTGRESQL));
        SchemaSnapshot sqlite = SchemaSnapshot.of(TestDatabases.shared(Backend.SQLITE));

        var postgresTables = new java.util.TreeSet<>(postgres.tables().keySet());
        assertThat(postgresTables).containsAll(POSTGRES_ONLY_TABLES);
        postgresTables.removeAll(POSTGRES_ONLY_TABLES);
        assertThat(sqlite.tables().keySet()).as("tables").isEqualTo(postgresTables);
        assertThat(postgresTables).hasSize(36);
        for (String table : postgresTables) {
            SchemaSnapshot.Table pg = postgres.tables().get(table);
            SchemaSnapshot.Table lite = sqlite.tables().get(table);
            var pgColumns = new java.util.TreeMap<>(pg.columns());
            pgColumns.keySet().removeIf(column -> POSTGRES_ONLY.contains(table + "." + column));
            assertThat(lite.columns()).as(table + " columns (type and nullability)").isEqualTo(pgColumns);
            assertThat(lite.primaryKey()).as(table + " primary key").isEqualTo(pg.primaryKey());
            assertThat(lite.foreignKeys()).as(table + " foreign keys").isEqualTo(pg.foreignKeys());
            assertThat(lite.uniques()).as(table + " unique constraints").isEqualTo(pg.uniques());
        }
    }

    @Test
    void everyPostgresTypeHasASqliteForm() {
        Database pg = TestDatabases.shared(Backend.POSTGRESQL);
        SchemaSnapshot.of(pg).tables().forEach((table, t) -> t.columns().forEach((column, type) -> {
            if (!POSTGRES_ONLY.contains(table + "." + column) && !POSTGRES_ONLY_TABLES.contains(table)) {
                assertThat(type).as(table + "." + column).doesNotStartWith("UNMAPPED");
            }
        }));
    }

    @Test
    void bothMigrationSetsHaveTheSameVersionsAndDescriptions() {
        var pg = TestDatabases.shared(Backend.POSTGRESQL).dsl()
                .resultQuery("select version, description from flyway_schema_history where version is not null order by installed_rank")
                .fetch().map(r -> r.get(0, String.class) + " " + r.get(1, String.class));
        var lite = TestDatabases.shared(Backend.SQLITE).dsl()
                .resultQuery("select version, description from flyway_schema_history where version is not null order by installed_rank")
                .fetch().map(r -> r.get(0, String.class) + " " + r.get(1, String.class));
        assertThat(lite).isEqualTo(pg).hasSize(24);
    }
}
