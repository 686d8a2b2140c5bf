package lu.entreprinder.persistence.crushlu;

import java.time.LocalDate;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Fixtures;

/** Users with Crush.lu profiles and coaches for this module's profile and review tests. */
final class ProfileFixtures {

    private ProfileFixtures() {
    }

    /** A user named {@code name} with an unapproved profile (born 1995-05-05, Luxembourg, given interests). */
    static long profile(Database db, String name, String... interests) {
        long user = Fixtures.user(db, name);
        return Fixtures.crushProfile(db, user).approved(false).interests(List.of(interests)).insert();
    }

    /** A user named {@code name} with an approved profile born on {@code dob} in {@code location}. */
    static long approvedProfile(Database db, String name, LocalDate dob, String location, String... interests) {
        long user = Fixtures.user(db, name);
        return Fixtures.crushProfile(db, user).dateOfBirth(dob).location(location).interests(List.of(interests))
                .insert();
    }

    /** A coach user named {@code name} with the given capacity. */
    static long coach(Database db, String name, int max) {
        return Fixtures.coach(db, Fixtures.user(db, name), max);
    }
}
