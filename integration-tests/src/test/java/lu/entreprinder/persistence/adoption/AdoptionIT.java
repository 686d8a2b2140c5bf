package lu.entreprinder.persistence.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.AdoptionReport;
import lu.entreprinder.persistence.core.AdoptionReport.Verdict;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.SchemaStatus;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adopt} on databases that Django 3.2 made (see {@link DjangoDatabases}), on both engines: the dry run names
 * every dirty row with its verdict and changes nothing; after the refusals are cleaned, adoption migrates to the
 * latest version, and Django-style writes that the seed's models accept still succeed.
 */
class AdoptionIT {

    @Test
    void postgres(@TempDir Path unused) throws Exception {
        run(DjangoDatabases.postgres(), false);
    }

    @Test
    void sqlite(@TempDir Path dir) throws Exception {
        run(DjangoDatabases.sqlite(dir), true);
    }

    private static void run(String url, boolean sqlite) throws Exception {
        String t = sqlite ? "1" : "true";
        String f = sqlite ? "0" : "false";
        String now = "'2026-12-03 17:28:31.851784" + (sqlite ? "'" : "+00'");
        List<String> rows = new ArrayList<>();
        for (String[] u : new String[][] {{"anna", "Anna@Example.lu"}, {"anna2", "anna@example.lu"}, {"ben", "ben@x.lu"},
                {"carla", "carla@x.lu"}, {"david", ""}}) {
            rows.add("insert into auth_user (password, last_login, is_superuser, username, first_name, last_name, email,"
                    + " is_staff, is_active, date_joined) values ('x', null, " + f + ", '" + u[0] + "', 'F', 'L', '" + u[1]
                    + "', " + f + ", " + t + ", " + now + ")");
        }
        rows.add("insert into matching_match (user1_id, user2_id, created_at) values (1, 3, " + now + ")");
        rows.add("insert into matching_match (user1_id, user2_id, created_at) values (3, 1, " + now + ")"); // both orders
        rows.add("insert into matching_match (user1_id, user2_id, created_at) values (4, 2, " + now + ")"); // reversed
        rows.add("insert into entreprinder_industry (name) values ('Biotech')");
        rows.add("insert into entreprinder_industry (name) values ('biotech')"); // same key
        rows.add("insert into entreprinder_skill (name) values ('Java')");
        rows.add("insert into vinsdelux_vdlproducer (name, region, description, logo, coordinates) values ('Domaine', 'Moselle',"
                + " 'd', 'l.png', '{\"type\":\"Polygon\",\"coordinates\":[]}')"); // malformed GeoJSON
        rows.add("insert into vinsdelux_vdlplot (producer_id, name, status, size_hectares, grape_varieties, soil_type,"
                + " elevation, coordinates) values (1, 'A', 'available', 0.25, 'Riesling', 'limestone', 200,"
                + " '{\"lat\":49.6,\"lng\":6.3}')");
        String interests = sqlite ? "'\"hiking\"'" : "ARRAY['hiking','wine']::varchar(50)[]"; // SQLite: not a list
        rows.add("insert into crush_lu_crushprofile (date_of_birth, gender, location, bio, phone, photo_1, photo_2, photo_3,"
                + " show_full_name, show_exact_age, blur_photos, is_approved, is_active, approved_at, interests, user_id)"
                + " values ('1995-04-02', 'F', 'Luxembourg', 'bio', '123', 'p.jpg', '', '', " + t + ", " + t + ", " + f + ", "
                + t + ", " + t + ", null, " + interests + ", 1)");
        DjangoDatabases.execute(url, rows.toArray(String[]::new));

        DatabaseConfig config = DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA).maximumPoolSize(2).build();
        try (Database db = Database.open(config)) {
            SchemaStatus before = db.status();
            assertThat(before.unadoptedDjangoDatabase()).isTrue();
            assertThat(before.applied()).isEmpty();
            assertThat(before.pending()).hasSize(24);
            long snapshot = rowCount(url);

            AdoptionReport dry = db.adopt(true);
            System.out.println(dry.describe());
            List<org.assertj.core.groups.Tuple> expected = new ArrayList<>(List.of(
                    tuple(Verdict.REFUSAL, "matching_match", 2L),
                    tuple(Verdict.WARNING, "entreprinder_industry", 2L),
                    tuple(Verdict.WARNING, "auth_user", 2L),
                    tuple(Verdict.WARNING, "vinsdelux_vdlproducer", 1L),
                    tuple(Verdict.WARNING, "vinsdelux_vdlplot", 1L)));
            expected.add(sqlite ? tuple(Verdict.REFUSAL, "crush_lu_crushprofile", 1L)
                    : tuple(Verdict.CONVERSION, "crush_lu_crushprofile", null));
            assertThat(dry.findings()).extracting(x -> x.verdict(), x -> x.table(), x -> x.id())
                    .containsAll(expected);
            assertThat(dry.refused()).isTrue();
            assertThat(dry.adopted()).isFalse();
            assertThat(db.status().unadoptedDjangoDatabase()).as("nothing changed").isTrue();
            assertThat(rowCount(url)).isEqualTo(snapshot);
            assertThat(db.adopt(false).adopted()).as("a refused database stays as it is").isFalse();
            assertThat(db.status().adopted()).isFalse();

            // clean the refusals (what the report says to do), then adopt
            List<String> fixes = new ArrayList<>(List.of("delete from matching_match where id = 2"));
            if (sqlite) {
                fixes.add("update crush_lu_crushprofile set interests = '[\"hiking\"]' where id = 1");
            }
            DjangoDatabases.execute(url, fixes.toArray(String[]::new));
            AdoptionReport clean = db.adopt(true);
            assertThat(clean.refused()).as(clean.describe()).isFalse();
            assertThat(db.status().adopted()).as("a dry run changes nothing").isFalse();

            AdoptionReport adopted = db.adopt(false);
            System.out.println(adopted.describe());
            assertThat(adopted.adopted()).as(adopted.describe()).isTrue();
            SchemaStatus after = db.status();
            assertThat(after.pending()).isEmpty();
            assertThat(after.applied()).contains("19", "20", "21", "22", "23", "24");
            assertThat(db.migrate().appliedVersions()).as("validates, nothing left to apply").isEmpty();
            if (!sqlite) {
                assertThat(((Number) db.dsl().fetchValue("select count(*) from pg_indexes where indexname in"
                        + " ('crush_lu_profilesubmission_coach_id_status_idx',"
                        + " 'crush_lu_connectionmessage_connection_id_created_at_idx', 'auth_user_email_ci_idx',"
                        + " 'matching_match_pair_uniq')")).intValue()).isEqualTo(4);
            }
            String stored = db.dsl().fetchValue("select interests from crush_lu_crushprofile where id = 1").toString();
            assertThat(stored.replace(" ", "")).isEqualTo(sqlite ? "[\"hiking\"]" : "[\"hiking\",\"wine\"]");
            assertThat(db.dsl().fetch("select name_key from entreprinder_industry where id in (1, 2) order by id")
                    .getValues(0, String.class)).as("names that differ only in case are kept").containsExactly("biotech", "biotech");
            assertThat(db.dsl().fetchValue("select user1_id || ',' || user2_id from matching_match where id = 3")
                    .toString()).isIn("2,4", "4,2");
            if (!sqlite) {
                deferredForeignKeysAndDjangoNames(db, now);
                laterDjangoColumnWithItsDefaultInPython(db);
            }
        }

        // the unmodified Django app keeps working: writes its models accept
        DjangoDatabases.execute(url,
                "insert into entreprinder_industry (name) values ('Green Energy')",
                "insert into entreprinder_industry (name) values ('BIOTECH')",
                "insert into matching_match (user1_id, user2_id, created_at) values (5, 3, " + now + ")",
                "insert into auth_user (password, last_login, is_superuser, username, first_name, last_name, email,"
                        + " is_staff, is_active, date_joined) values ('x', null, " + f + ", 'ben2', 'F', 'L', 'BEN@x.lu', "
                        + f + ", " + t + ", " + now + ")");
        try (Connection c = DjangoDatabases.connect(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "select name_key from entreprinder_industry where name = 'Green Energy'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("green energy");
        }
    }

    /**
     * Django's foreign keys are DEFERRABLE INITIALLY DEFERRED under hashed names: the violation surfaces at COMMIT,
     * is translated like any other, names the library's constraint, and nothing is written.
     */
    private static void deferredForeignKeysAndDjangoNames(Database db, String now) {
        assertThatThrownBy(() -> db.useTransaction(tx -> tx.dsl().execute("insert into crush_lu_eventregistration"
                + " (event_id, user_id, status, payment_confirmed, dietary_restrictions, special_requests, created_at)"
                + " values (999, 1, 'pending', false, '', '', " + now + ")")))
                .isInstanceOfSatisfying(ForeignKeyViolationException.class, e -> {
                    assertThat(e.constraint()).isEqualTo("crush_lu_eventregistration_event_id_fk");
                    assertThat(e.getMessage()).contains("_fk_"); // Django's own name stays in the message
                });
        assertThat(((Number) db.dsl().fetchValue("select count(*) from crush_lu_eventregistration")).intValue()).isZero();
        db.dsl().execute("insert into matching_like (from_user_id, to_user_id, created_at) values (1, 3, " + now + ")");
        assertThatThrownBy(() -> db.dsl().execute(
                "insert into matching_like (from_user_id, to_user_id, created_at) values (1, 3, " + now + ")"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("matching_like_from_user_id_to_user_id_uniq"));
    }

    /** Django adds {@code CharField(default='')} and drops the database default: the library's inserts must go on. */
    private static void laterDjangoColumnWithItsDefaultInPython(Database db) {
        db.dsl().execute("alter table vinsdelux_vdlcoffret add column dress_code varchar(50) default '' not null");
        db.dsl().execute("alter table vinsdelux_vdlcoffret alter column dress_code drop default");
        Runnable libraryInsert = () -> db.dsl().insertInto(lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET)
                .set(lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET.NAME, "Six")
                .set(lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET.BOTTLES, 6)
                .set(lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET.DESCRIPTION, "d")
                .execute();
        assertThatThrownBy(libraryInsert::run).isInstanceOf(lu.entreprinder.persistence.core.NotNullViolationException.class);
        assertThat(db.status().warnings()).singleElement().asString().contains("vinsdelux_vdlcoffret").contains("dress_code");
        assertThat(db.addDefaultsForDjangoColumns()).singleElement().asString().contains("set DEFAULT ''");
        libraryInsert.run();
        assertThat(db.status().warnings()).isEmpty();
    }

    private static long rowCount(String url) throws SQLException {
        long total = 0;
        try (Connection c = DjangoDatabases.connect(url)) {
            for (String table : List.of("auth_user", "matching_match", "entreprinder_industry", "vinsdelux_vdlproducer",
                    "vinsdelux_vdlplot", "crush_lu_crushprofile")) {
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }
}
