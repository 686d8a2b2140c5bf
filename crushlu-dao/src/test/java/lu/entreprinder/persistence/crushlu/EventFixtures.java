package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CONNECTION_MESSAGE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.crushlu.EventFixtures.registration;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Fixtures;

/** Events, members, registrations and connections for the Event*, Registration*, Connection* and Message* tests. */
final class EventFixtures {

    private EventFixtures() {
    }

    /** A published public event a week from now (deadline in 6 days) with the given capacity. */
    static long event(Database db, String title, int maxParticipants) {
        return new EventDao(db).insertEvent(draft(db, title, maxParticipants));
    }

    static NewEvent draft(Database db, String title, int maxParticipants) {
        OffsetDateTime now = db.now();
        return NewEvent.of(title, now.plusDays(7), now.plusDays(6), maxParticipants);
    }

    /** An event that took place yesterday (registrations are inserted directly). */
    static long pastEvent(Database db, String title, int maxParticipants) {
        OffsetDateTime now = db.now();
        return new EventDao(db).insertEvent(NewEvent.of(title, now.minusDays(1), now.minusDays(2), maxParticipants));
    }

    /** A user with an approved, active profile born on 1995-05-05 (31 on the test clock's date). */
    static long member(Database db, String username) {
        long id = Fixtures.user(db, username);
        Fixtures.crushProfile(db, id).insert();
        return id;
    }

    static long member(Database db, String username, LocalDate born, boolean showFullName) {
        long id = Fixtures.user(db, username);
        Fixtures.crushProfile(db, id).dateOfBirth(born).showFullName(showFullName).insert();
        return id;
    }

    /** {@code n} members named prefix0…prefix{n-1}, inserted in one transaction. */
    static List<Long> members(Database db, String prefix, int n) {
        return db.inTransaction(tx -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(member(db, prefix + i));
            }
            return ids;
        });
    }

    /** A registration row written directly, bypassing the service (for past events and organizer views). */
    static long registration(Database db, long eventId, long userId, RegistrationStatus status, Duration age) {
        return db.dsl().insertInto(EVENT_REGISTRATION)
                .set(EVENT_REGISTRATION.EVENT_ID, eventId)
                .set(EVENT_REGISTRATION.USER_ID, userId)
                .set(EVENT_REGISTRATION.STATUS, status.dbValue())
                .set(EVENT_REGISTRATION.PAYMENT_CONFIRMED, false)
                .set(EVENT_REGISTRATION.DIETARY_RESTRICTIONS, "")
                .set(EVENT_REGISTRATION.SPECIAL_REQUESTS, "")
                .set(EVENT_REGISTRATION.CREATED_AT, db.now().minus(age))
                .returning(EVENT_REGISTRATION.ID)
                .fetchOne(EVENT_REGISTRATION.ID);
    }

    /** Requests and accepts a connection between two attendees; returns its id. */
    static long connect(ConnectionService service, long from, long to, long event) {
        var requested = (ConnectionRequestResult.Requested) service.requestConnection(from, to, event);
        var connected = (ConnectionResponseResult.Connected) service.respond(to, requested.connection().id(), true);
        return connected.connection().id();
    }

    static int count(Database db, long eventId, RegistrationStatus status) {
        return db.dsl().fetchCount(EVENT_REGISTRATION,
                EVENT_REGISTRATION.EVENT_ID.eq(eventId).and(EVENT_REGISTRATION.STATUS.eq(status.dbValue())));
    }

    static int registrations(Database db) {
        return db.dsl().fetchCount(EVENT_REGISTRATION);
    }

    /** Every row of the tables this module's issue writes, for "nothing changed" assertions. */
    static String snapshot(Database db) {
        return String.join("\n",
                db.dsl().select().from(MEETUP_EVENT).orderBy(MEETUP_EVENT.ID).fetch().formatCSV(),
                db.dsl().select().from(EVENT_REGISTRATION).orderBy(EVENT_REGISTRATION.ID).fetch().formatCSV(),
                db.dsl().select().from(EVENT_CONNECTION).orderBy(EVENT_CONNECTION.ID).fetch().formatCSV(),
                db.dsl().select().from(CONNECTION_MESSAGE).orderBy(CONNECTION_MESSAGE.ID).fetch().formatCSV());
    }

    static long attendee(Database db, long event, String name) {
        long user = Fixtures.user(db, name);
        Fixtures.crushProfile(db, user).phone("+352 621 " + Math.abs(name.hashCode() % 1000)).insert();
        registration(db, event, user, RegistrationStatus.ATTENDED, Duration.ofDays(3));
        return user;
    }
}
