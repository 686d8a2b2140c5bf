package lu.entreprinder.persistence.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lu.entreprinder.persistence.core.AdoptionReport;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopt timings on a 100,000-row Django database (20,000 users, 20,000 Crush.lu profiles with interests, 20,000
 * likes, 20,000 matches of which half are stored as (higher, lower), 10,000 industries, 10,000 event registrations).
 * A measurement, not a test: {@code mvn -Pplans -pl integration-tests -am verify -Dit.test=AdoptionTimingIT
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@Tag("plan")
class AdoptionTimingIT {

    @Test
    void postgres() {
        String url = DjangoDatabases.postgres();
        DjangoDatabases.execute(url,
                "insert into auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,"
                        + " is_active, date_joined) select 'x', false, 'u' || g, 'F', 'L', 'u' || g || '@x.lu', false,"
                        + " true, now() from generate_series(1, 20000) g",
                "insert into crush_lu_crushprofile (date_of_birth, gender, location, bio, phone, photo_1, photo_2,"
                        + " photo_3, show_full_name, show_exact_age, blur_photos, is_approved, is_active, interests,"
                        + " user_id) select date '1990-01-01', 'F', 'Lux', 'bio', '1', 'p', '', '', true, true, false,"
                        + " true, true, array['wine', 'hiking']::varchar(50)[], g from generate_series(1, 20000) g",
                "insert into matching_like (from_user_id, to_user_id, created_at) select g, g % 20000 + 1, now()"
                        + " from generate_series(1, 20000) g",
                "insert into matching_match (user1_id, user2_id, created_at) select case when g % 2 = 0 then g"
                        + " else g % 20000 + 1 end, case when g % 2 = 0 then g % 20000 + 1 else g end, now()"
                        + " from generate_series(1, 20000) g where g % 20000 + 1 <> g",
                "insert into entreprinder_industry (name) select 'Industry ' || g from generate_series(1, 10000) g",
                "insert into crush_lu_meetupevent (title, description, event_type, event_date, location,"
                        + " max_participants, min_age, max_age, registration_fee, registration_deadline, is_published,"
                        + " is_private_invitation, invitation_code) values ('E', 'd', 'mixer', now(), 'Lux', 100000,"
                        + " 18, 99, 0, now(), true, false, '')",
                "insert into crush_lu_eventregistration (event_id, user_id, status, payment_confirmed,"
                        + " dietary_restrictions, special_requests, created_at) select 1, g, 'confirmed', false, '', '',"
                        + " now() from generate_series(1, 10000) g");
        time(url);
    }

    @Test
    void sqlite(@TempDir Path dir) {
        String url = DjangoDatabases.sqlite(dir);
        String series = "with recursive g(g) as (select 1 union all select g + 1 from g where g < %d) ";
        DjangoDatabases.execute(url,
                series.formatted(20000) + "insert into auth_user (password, is_superuser, username, first_name,"
                        + " last_name, email, is_staff, is_active, date_joined) select 'x', 0, 'u' || g, 'F', 'L',"
                        + " 'u' || g || '@x.lu', 0, 1, '2026-12-03 17:28:31.851784' from g",
                series.formatted(20000) + "insert into crush_lu_crushprofile (date_of_birth, gender, location, bio,"
                        + " phone, photo_1, photo_2, photo_3, show_full_name, show_exact_age, blur_photos, is_approved,"
                        + " is_active, interests, user_id) select '1990-01-01', 'F', 'Lux', 'bio', '1', 'p', '', '', 1,"
                        + " 1, 0, 1, 1, '[\"wine\", \"hiking\"]', g from g",
                series.formatted(20000) + "insert into matching_like (from_user_id, to_user_id, created_at)"
                        + " select g, g % 20000 + 1, '2026-12-03 17:28:31' from g",
                series.formatted(20000) + "insert into matching_match (user1_id, user2_id, created_at) select"
                        + " case when g % 2 = 0 then g else g % 20000 + 1 end, case when g % 2 = 0 then g % 20000 + 1"
                        + " else g end, '2026-12-03 17:28:31' from g where g % 20000 + 1 <> g",
                series.formatted(10000) + "insert into entreprinder_industry (name) select 'Industry ' || g from g",
                "insert into crush_lu_meetupevent (title, description, event_type, event_date, location,"
                        + " max_participants, min_age, max_age, registration_fee, registration_deadline, is_published,"
                        + " is_private_invitation, invitation_code) values ('E', 'd', 'mixer', '2026-12-24 18:00:00',"
                        + " 'Lux', 100000, 18, 99, 0, '2026-12-20 18:00:00', 1, 0, '')",
                series.formatted(10000) + "insert into crush_lu_eventregistration (event_id, user_id, status,"
                        + " payment_confirmed, dietary_restrictions, special_requests, created_at) select 1, g,"
                        + " 'confirmed', 0, '', '', '2026-12-03 17:28:31' from g");
        time(url);
    }

    private static void time(String url) {
        DatabaseConfig config = DatabaseConfig.builder(url).schema(DefaultSchema.DEFAULT_SCHEMA).maximumPoolSize(2).build();
        try (Database db = Database.open(config)) {
            AdoptionReport dry = db.adopt(true);
            assertThat(dry.refused()).as(dry.describe()).isFalse();
            AdoptionReport adopted = db.adopt(false);
            assertThat(adopted.adopted()).as(adopted.describe()).isTrue();
            System.out.printf("%s: 100,000 rows: adopt --dry-run %d ms, adopt %d ms%n",
                    db.isSqlite() ? "SQLite" : "PostgreSQL", dry.took().toMillis(), adopted.took().toMillis());
        }
    }
}
