package lu.entreprinder.persistence.schema;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import db.migration.common.V9__entreprinder_populate_name_key;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's safe pattern on a real column, with rows present: V8 adds {@code name_key} nullable, the Java
 * migration V9 fills it (Unicode-aware, which SQLite's lower() is not), V10 makes it required and unique.
 */
class ThreeStepMigrationIT {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void addNullablePopulateInJavaThenRequire(Backend backend) {
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock()).build())) {
            db.migrateTo("8");
            long user = Fixtures.user(db, "anna");
            long profile = Fixtures.entrepreneurProfile(db, user, "Founder", "Bio");
            // rows written by an application that does not know name_key yet (as in production before V9)
            long energy = db.dsl().insertInto(INDUSTRY).set(INDUSTRY.NAME, "  ÉNERGIE   Renouvelable ")
                    .returning(INDUSTRY.ID).fetchOne(INDUSTRY.ID);
            db.dsl().insertInto(INDUSTRY).set(INDUSTRY.NAME, "Food & Wine").execute();
            db.dsl().insertInto(ENTREPRENEUR_PROFILE_INDUSTRIES)
                    .set(ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID, profile)
                    .set(ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID, energy).execute();

            assertThat(db.migrateTo("16").appliedVersions()).startsWith("9", "10");

            assertThat(db.dsl().select(INDUSTRY.NAME_KEY).from(INDUSTRY).orderBy(INDUSTRY.ID).fetch(INDUSTRY.NAME_KEY))
                    .containsExactly("énergie renouvelable", "food & wine");
            assertThat(db.dsl().fetchCount(ENTREPRENEUR_PROFILE_INDUSTRIES))
                    .as("the SQLite table rebuild keeps the rows that reference the table").isEqualTo(1);
            // since V15 the database fills a key a writer leaves out (the Django app knows nothing of name_key)
            db.dsl().insertInto(INDUSTRY).set(INDUSTRY.NAME, "No Key").execute();
            assertThat(db.dsl().select(INDUSTRY.NAME_KEY).from(INDUSTRY).where(INDUSTRY.NAME.eq("No Key"))
                    .fetchOne(INDUSTRY.NAME_KEY)).isEqualTo("no key");
            assertThatThrownBy(() -> db.dsl().insertInto(INDUSTRY).set(INDUSTRY.NAME, "Energie")
                    .set(INDUSTRY.NAME_KEY, V9__entreprinder_populate_name_key.normalizeName("ÉNERGIE renouvelable")).execute())
                    .isInstanceOfSatisfying(ConflictException.class,
                            // SQLite reports columns; they map back through the generated keys, which describe the
                            // latest schema, where V17 has dropped this key: then the column list is the answer
                            e -> assertThat(e.constraint()).isIn("entreprinder_industry_name_key_uniq",
                                    "entreprinder_industry.name_key"));
            assertThat(db.dsl().fetchCount(INDUSTRY, DSL.noCondition())).isEqualTo(3);

            // V17: one row per key becomes the library's write-path rule (Django's name is unique case-sensitively)
            assertThat(db.migrate().appliedVersions()).containsExactly("17", "18", "19", "20", "21", "22", "23", "24");
            db.dsl().insertInto(INDUSTRY).set(INDUSTRY.NAME, "Energie")
                    .set(INDUSTRY.NAME_KEY, V9__entreprinder_populate_name_key.normalizeName("ÉNERGIE renouvelable")).execute();
            assertThat(db.dsl().fetchCount(INDUSTRY, DSL.noCondition())).isEqualTo(4);
        }
    }
}
