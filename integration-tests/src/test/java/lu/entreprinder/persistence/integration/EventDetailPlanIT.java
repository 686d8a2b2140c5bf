package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.StatementPlan;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.TestClock;

/**
 * The event detail looks each attendee's Crush.lu profile up by its unique user id, also when the profile table is
 * small. As a plain left join, PostgreSQL's planner hashed a sequential scan of every profile for each detail on a
 * table of 2,000 profiles (benchmark scale 0.1: 0.76 ms of execution against 0.38 ms). PostgreSQL only, with the
 * planner's own statistics and nothing disabled: the plan is the point.
 */
class EventDetailPlanIT {

    @DatabaseTest(Backend.POSTGRESQL)
    void eachAttendeesProfileIsOneLookupByUserIdEvenWhenTheTableIsSmall(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        // test data only: fixed SQL, no input
        db.dsl().execute("""
                insert into auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                                       is_active, date_joined)
                select 'x', false, 'member' || g, 'F', 'L', 'member' || g || '@example.lu', false, true, now()
                from generate_series(1, 2000) g""");
        db.dsl().execute("""
                insert into crush_lu_crushprofile (date_of_birth, gender, location, bio, phone, photo_1, photo_2,
                                                   photo_3, show_full_name, show_exact_age, blur_photos, is_approved,
                                                   is_active, interests, user_id)
                select date '1990-01-01', 'F', 'Lux', 'bio', '1', 'p', '', '', true, true, false, true, true,
                       '["wine"]'::jsonb, id
                from auth_user where username like 'member%'""");
        db.dsl().execute("""
                insert into crush_lu_eventregistration (event_id, user_id, status, payment_confirmed,
                                                        dietary_restrictions, special_requests, created_at)
                select %d, id, case when id %% 40 = 0 then 'waitlist' else 'confirmed' end, false, '', '', now()
                from auth_user where username like 'member%%' and id %% 20 = 0""".formatted(w.event));
        for (String table : List.of("auth_user", "crush_lu_crushprofile", "crush_lu_eventregistration",
                "crush_lu_meetupevent")) {
            db.dsl().execute("vacuum analyze " + table); // test data only: fixed table names
        }

        List<StatementPlan> plans = db.explain(() -> assertThat(w.events.findEventDetail(w.event, w.anna, null)
                .orElseThrow().confirmedRegistrations()).hasSize(50), false);

        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).plan()).contains("crush_lu_crushprofile_user_id_key")
                .doesNotContain("Seq Scan on crush_lu_crushprofile");
    }
}
