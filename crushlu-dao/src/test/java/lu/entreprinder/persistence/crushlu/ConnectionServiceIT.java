package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.connect;
import static lu.entreprinder.persistence.crushlu.EventFixtures.member;
import static lu.entreprinder.persistence.crushlu.EventFixtures.registration;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class ConnectionServiceIT {

    private static final Duration DAY = Duration.ofDays(3);

    @DatabaseTest
    void attendeesRequestAcceptAndDecline(Database db) {
        ConnectionService service = new ConnectionService(db);
        long event = EventFixtures.pastEvent(db, "past", 10);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        long carl = member(db, "carl");
        registration(db, event, anna, RegistrationStatus.ATTENDED, DAY);
        registration(db, event, ben, RegistrationStatus.ATTENDED, DAY);
        registration(db, event, carl, RegistrationStatus.ATTENDED, DAY);

        var requested = service.requestConnection(anna, ben, event);
        assertThat(requested).isInstanceOfSatisfying(ConnectionRequestResult.Requested.class, r -> {
            assertThat(r.connection().status()).isEqualTo(ConnectionStatus.PENDING);
            assertThat(r.connection().connectedAt()).isEmpty();
        });
        long id = ((ConnectionRequestResult.Requested) requested).connection().id();
        assertThat(service.requestConnection(anna, ben, event))
                .isInstanceOf(ConnectionRequestResult.AlreadyExists.class);
        assertThat(service.requestConnection(ben, anna, event))
                .isInstanceOfSatisfying(ConnectionRequestResult.AlreadyExists.class,
                        r -> assertThat(r.connection().id()).isEqualTo(id));
        // only the recipient answers
        assertThat(service.respond(anna, id, true)).isInstanceOf(ConnectionResponseResult.NotFound.class);
        assertThat(service.respond(carl, id, true)).isInstanceOf(ConnectionResponseResult.NotFound.class);
        assertThat(service.respond(ben, 999, true)).isInstanceOf(ConnectionResponseResult.NotFound.class);
        assertThat(service.respond(ben, id, true)).isInstanceOfSatisfying(ConnectionResponseResult.Connected.class,
                r -> {
                    assertThat(r.connection().status()).isEqualTo(ConnectionStatus.CONNECTED);
                    assertThat(r.connection().connectedAt()).contains(db.now());
                });
        assertThat(service.respond(ben, id, false)).isInstanceOf(ConnectionResponseResult.NotPending.class);

        var toCarl = (ConnectionRequestResult.Requested) service.requestConnection(ben, carl, event);
        assertThat(service.respond(carl, toCarl.connection().id(), false))
                .isInstanceOfSatisfying(ConnectionResponseResult.Declined.class,
                        r -> assertThat(r.connection().status()).isEqualTo(ConnectionStatus.DECLINED));
    }

    /** Crossing requests of one pair, raced: the event lock lets exactly one become a connection. */
    @DatabaseTest
    void crossingRequestsOfOnePairCreateOneConnection(Database db) throws Exception {
        ConnectionService service = new ConnectionService(db);
        for (int round = 0; round < 5; round++) {
            long event = EventFixtures.pastEvent(db, "past" + round, 10);
            long anna = member(db, "anna" + round);
            long ben = member(db, "ben" + round);
            registration(db, event, anna, RegistrationStatus.ATTENDED, DAY);
            registration(db, event, ben, RegistrationStatus.ATTENDED, DAY);
            List<ConnectionRequestResult> results = Race.run(Duration.ofSeconds(30),
                    List.<Callable<ConnectionRequestResult>>of(() -> service.requestConnection(anna, ben, event),
                            () -> service.requestConnection(ben, anna, event))).valuesOrFail();
            assertThat(results).filteredOn(ConnectionRequestResult.Requested.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(ConnectionRequestResult.AlreadyExists.class::isInstance).hasSize(1);
            assertThat(db.dsl().fetchCount(EVENT_CONNECTION, EVENT_CONNECTION.EVENT_ID.eq(event))).isEqualTo(1);
        }
    }

    @DatabaseTest
    void nonAttendeesAreRefused(Database db) {
        ConnectionService service = new ConnectionService(db);
        long past = EventFixtures.pastEvent(db, "past", 10);
        long upcoming = EventFixtures.event(db, "upcoming", 10);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        long waited = member(db, "waited");
        long cancelled = member(db, "cancelled");
        long stranger = member(db, "stranger");
        registration(db, past, anna, RegistrationStatus.ATTENDED, DAY);
        registration(db, past, ben, RegistrationStatus.NO_SHOW, DAY);
        registration(db, past, waited, RegistrationStatus.WAITLIST, DAY);
        registration(db, past, cancelled, RegistrationStatus.CANCELLED, DAY);
        registration(db, upcoming, anna, RegistrationStatus.CONFIRMED, DAY);
        registration(db, upcoming, stranger, RegistrationStatus.CONFIRMED, DAY);
        String before = EventFixtures.snapshot(db);

        assertThat(service.requestConnection(anna, ben, past))
                .isInstanceOf(ConnectionRequestResult.TargetNotAttendee.class);
        assertThat(service.requestConnection(anna, waited, past))
                .isInstanceOf(ConnectionRequestResult.TargetNotAttendee.class);
        assertThat(service.requestConnection(anna, cancelled, past))
                .isInstanceOf(ConnectionRequestResult.TargetNotAttendee.class);
        assertThat(service.requestConnection(stranger, anna, past))
                .isInstanceOf(ConnectionRequestResult.RequesterNotAttendee.class);
        // confirmed for an event that has not taken place yet is no attendance
        assertThat(service.requestConnection(anna, stranger, upcoming))
                .isInstanceOf(ConnectionRequestResult.RequesterNotAttendee.class);
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void listConnectionsShowsTheOtherPersonLastMessageAndUnreadInOneStatement(Database db, TestClock clock) {
        ConnectionService service = new ConnectionService(db);
        MessageService messages = new MessageService(db);
        long event = EventFixtures.pastEvent(db, "Speed dating", 10);
        long me = member(db, "me");
        long anna = member(db, "anna", LocalDate.of(1990, 1, 1), true);
        long ben = member(db, "ben", LocalDate.of(1990, 1, 1), false);
        long carl = member(db, "carl");
        long dora = member(db, "dora");
        for (long u : List.of(me, anna, ben, carl, dora)) {
            registration(db, event, u, RegistrationStatus.ATTENDED, DAY);
        }
        long withAnna = connect(service, me, anna, event);
        long withBen = connect(service, ben, me, event);
        long withCarl = connect(service, me, carl, event);
        service.requestConnection(me, dora, event);                     // pending: not listed
        clock.advance(Duration.ofMinutes(1));
        messages.send(anna, withAnna, "hi from anna");
        clock.advance(Duration.ofMinutes(1));
        messages.send(me, withAnna, "hello anna");
        clock.advance(Duration.ofMinutes(1));
        messages.send(ben, withBen, "hi from ben");
        clock.advance(Duration.ofMinutes(1));
        messages.send(ben, withBen, "are you there?");
        clock.advance(Duration.ofMinutes(1));
        messages.send(carl, withCarl, "carl 1");
        clock.advance(Duration.ofMinutes(1));
        messages.send(me, withCarl, "me to carl");

        var counted = Statements.count(db, () -> service.listConnections(me));
        assertThat(counted.statements()).isEqualTo(1);
        List<ConnectionSummary> list = counted.value();
        assertThat(list).extracting(ConnectionSummary::connectionId).containsExactly(withCarl, withBen, withAnna);
        ConnectionSummary carlRow = list.get(0);
        assertThat(carlRow.otherUserId()).isEqualTo(carl);
        assertThat(carlRow.otherDisplayName()).isEqualTo("Carl Tester");
        assertThat(carlRow.lastMessage()).get().extracting(Message::content).isEqualTo("me to carl");
        assertThat(carlRow.unreadCount()).isEqualTo(1);
        ConnectionSummary benRow = list.get(1);
        assertThat(benRow.otherDisplayName()).isEqualTo("Ben");
        assertThat(benRow.lastMessage()).get().extracting(Message::content).isEqualTo("are you there?");
        assertThat(benRow.unreadCount()).isEqualTo(2);
        assertThat(benRow.eventTitle()).isEqualTo("Speed dating");
        ConnectionSummary annaRow = list.get(2);
        assertThat(annaRow.otherDisplayName()).isEqualTo("Anna Tester");
        assertThat(annaRow.unreadCount()).isEqualTo(1);

        assertThat(service.listConnections(anna)).singleElement().satisfies(s -> {
            assertThat(s.otherUserId()).isEqualTo(me);
            assertThat(s.unreadCount()).isEqualTo(1);
        });
        assertThat(service.listConnections(dora)).isEmpty();
    }

    @DatabaseTest
    void badConnectionInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        ConnectionService service = new ConnectionService(db);
        long event = EventFixtures.pastEvent(db, "past", 10);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        registration(db, event, anna, RegistrationStatus.ATTENDED, DAY);
        registration(db, event, ben, RegistrationStatus.ATTENDED, DAY);
        String before = EventFixtures.snapshot(db);

        assertField(() -> service.requestConnection(0, ben, event), "fromUserId");
        assertField(() -> service.requestConnection(anna, -1, event), "toUserId");
        assertField(() -> service.requestConnection(anna + (1L << 32), ben, event), "fromUserId");
        assertField(() -> service.requestConnection(anna, ben + (1L << 32), event), "toUserId");
        assertField(() -> service.respond(ben + (1L << 32), 1, true), "userId");
        assertField(() -> service.requestConnection(anna, anna, event), "toUserId");
        assertField(() -> service.requestConnection(anna, ben, 0), "eventId");
        assertThatThrownBy(() -> service.requestConnection(anna, ben, 999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.requestConnection(anna, 999, event))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo(999L));
        assertThatThrownBy(() -> service.requestConnection(999, ben, event)).isInstanceOf(NotFoundException.class);
        assertField(() -> service.respond(0, 1, true), "userId");
        assertField(() -> service.respond(anna, -1, true), "connectionId");
        assertField(() -> service.listConnections(0), "userId");
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }
}
