package lu.entreprinder.persistence.crushlu;

import java.time.Duration;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Fixtures;

/** Fixtures shared by this package's tests. */
final class VotingFixtures {

    private VotingFixtures() {
    }

    /** An event, a coach, and attendees ({@code attended}) named by {@code names}. */
    record Evening(long eventId, long coach, List<Long> attendees) {
    }
    static Evening evening(Database db, String... names) {
        long eventId = EventFixtures.event(db, "Speed dating", 20);
        long coach = Fixtures.user(db, "coach");
        Fixtures.coach(db, coach, 5);
        List<Long> attendees = new java.util.ArrayList<>();
        for (String name : names) {
            long user = Fixtures.user(db, name);
            EventFixtures.registration(db, eventId, user, RegistrationStatus.ATTENDED, Duration.ofDays(3));
            attendees.add(user);
        }
        return new Evening(eventId, coach, List.copyOf(attendees));
    }
    static long open(VotingService service, Evening e) {
        return ((VotingOpenResult.Opened) service.openSession(e.eventId(), e.coach())).session().sessionId();
    }
}
