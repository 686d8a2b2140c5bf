package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.connect;
import static lu.entreprinder.persistence.crushlu.EventFixtures.member;
import static lu.entreprinder.persistence.crushlu.EventFixtures.registration;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class MessageServiceIT {

    private record Setup(long anna, long ben, long carl, long connected, long pending) {
    }

    private static Setup setup(Database db) {
        ConnectionService connections = new ConnectionService(db);
        long event = EventFixtures.pastEvent(db, "past", 10);
        long anna = member(db, "anna");
        long ben = member(db, "ben");
        long carl = member(db, "carl");
        for (long u : List.of(anna, ben, carl)) {
            registration(db, event, u, RegistrationStatus.ATTENDED, Duration.ofDays(3));
        }
        long connected = connect(connections, anna, ben, event);
        long pending = ((ConnectionRequestResult.Requested) connections.requestConnection(anna, carl, event))
                .connection().id();
        return new Setup(anna, ben, carl, connected, pending);
    }

    @DatabaseTest
    void participantsExchangeMessagesInOrderAndReadingMarksThemRead(Database db, TestClock clock) {
        MessageService service = new MessageService(db);
        Setup s = setup(db);
        var sent = service.send(s.anna(), s.connected(), "Hello Ben");
        assertThat(sent).isInstanceOfSatisfying(MessageSendResult.Sent.class, m -> {
            assertThat(m.message().read()).isFalse();
            assertThat(m.message().createdAt()).isEqualTo(db.now());
        });
        clock.advance(Duration.ofSeconds(5));
        service.send(s.anna(), s.connected(), "Are you free Friday?");
        clock.advance(Duration.ofSeconds(5));
        service.send(s.ben(), s.connected(), "Yes!");

        var counted = Statements.count(db, () -> service.readConversation(s.ben(), s.connected()));
        assertThat(counted.statements()).isLessThanOrEqualTo(2);
        assertThat(counted.value()).isInstanceOfSatisfying(MessageConversationResult.Conversation.class, c -> {
            assertThat(c.messages()).extracting(Message::content)
                    .containsExactly("Hello Ben", "Are you free Friday?", "Yes!");
            assertThat(c.messages()).extracting(Message::read).containsExactly(true, true, false);
        });
        // read again: nothing left to mark, one statement
        var again = Statements.count(db, () -> service.readConversation(s.ben(), s.connected()));
        assertThat(again.statements()).isEqualTo(1);
        // anna reads: ben's message becomes read, hers stay read
        var annaView = (MessageConversationResult.Conversation) service.readConversation(s.anna(), s.connected());
        assertThat(annaView.messages()).extracting(Message::read).containsExactly(true, true, true);
        assertThat(new ConnectionService(db).listConnections(s.anna()))
                .singleElement().extracting(ConnectionSummary::unreadCount).isEqualTo(0);
    }

    @DatabaseTest
    void outsidersAndUnconnectedConnectionsGetTheSameAnswerAsAMissingOne(Database db) {
        MessageService service = new MessageService(db);
        Setup s = setup(db);
        service.send(s.anna(), s.connected(), "private");
        String before = EventFixtures.snapshot(db);

        assertThat(service.send(s.carl(), s.connected(), "let me in"))
                .isEqualTo(new MessageSendResult.ConnectionUnavailable());
        assertThat(service.send(s.anna(), s.pending(), "too early"))
                .isEqualTo(new MessageSendResult.ConnectionUnavailable());
        assertThat(service.send(s.anna(), 999, "nowhere"))
                .isEqualTo(new MessageSendResult.ConnectionUnavailable());
        assertThat(service.readConversation(s.carl(), s.connected()))
                .isEqualTo(new MessageConversationResult.ConnectionUnavailable());
        assertThat(service.readConversation(s.anna(), s.pending()))
                .isEqualTo(new MessageConversationResult.ConnectionUnavailable());
        assertThat(service.readConversation(s.anna(), 999))
                .isEqualTo(new MessageConversationResult.ConnectionUnavailable());
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void conversationsAreReadInOneQueryEachWhateverTheirLength(Database db, TestClock clock) {
        MessageService service = new MessageService(db);
        ConnectionService connections = new ConnectionService(db);
        long event = EventFixtures.pastEvent(db, "past", 10);
        long me = member(db, "me");
        List<Long> others = EventFixtures.members(db, "o", 3);
        registration(db, event, me, RegistrationStatus.ATTENDED, Duration.ofDays(3));
        others.forEach(o -> registration(db, event, o, RegistrationStatus.ATTENDED, Duration.ofDays(3)));
        for (long other : others) {
            long id = connect(connections, me, other, event);
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(1));
                service.send(other, id, "m" + i);
            }
            var read = Statements.count(db, () -> service.readConversation(me, id));
            assertThat(read.statements()).isEqualTo(2);
            assertThat(((MessageConversationResult.Conversation) read.value()).messages()).hasSize(3);
        }
    }

    @DatabaseTest
    void badMessageInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        MessageService service = new MessageService(db);
        Setup s = setup(db);
        String before = EventFixtures.snapshot(db);
        assertField(() -> service.send(0, s.connected(), "x"), "senderId");
        assertField(() -> service.send(s.anna() + (1L << 32), s.connected(), "x"), "senderId");
        assertField(() -> service.readConversation(s.anna() + (1L << 32), s.connected()), "readerId");
        assertField(() -> service.send(s.anna(), -1, "x"), "connectionId");
        assertField(() -> service.send(s.anna(), s.connected(), null), "content");
        assertField(() -> service.send(s.anna(), s.connected(), "   "), "content");
        assertField(() -> service.send(s.anna(), s.connected(), "x".repeat(MessageService.MAX_CONTENT + 1)),
                "content");
        assertField(() -> service.readConversation(0, s.connected()), "readerId");
        assertField(() -> service.readConversation(s.anna(), 0), "connectionId");
        assertThat(EventFixtures.snapshot(db)).isEqualTo(before);
    }
}
