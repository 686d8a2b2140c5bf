package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CONNECTION_MESSAGE;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.util.List;
import java.util.Objects;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Private messages between the two participants of a connected connection. Anyone else, and any connection that is
 * missing or not connected, gets the same {@code ConnectionUnavailable} answer: nothing reveals that a connection
 * exists.
 */
public final class MessageService {

    /** The longest message accepted, in characters: {@value}. */
    public static final int MAX_CONTENT = 5_000;

    private final Database db;

    public MessageService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Sends a message when the connection is connected and has the sender as a participant (checked and inserted in
     * one transaction).
     *
     * @throws ValidationException (field {@code senderId}, {@code connectionId} or {@code content}): non-positive id,
     *         blank content, more than {@value #MAX_CONTENT} characters
     */
    public MessageSendResult send(long senderId, long connectionId, String content) {
        Check.userId(senderId, "senderId");
        Check.id(connectionId, "connectionId");
        String text = Check.text(content, MAX_CONTENT, "content");
        var m = CONNECTION_MESSAGE;
        var c = EVENT_CONNECTION;
        return db.inTransaction(tx -> {
            // The check, then the insert, in one transaction. Not one INSERT … SELECT … RETURNING: on SQLite, jOOQ
            // returned the previously inserted row when the SELECT inserted nothing (seen in MessageServiceIT).
            if (!tx.dsl().fetchExists(selectOne().from(c).where(open(connectionId, senderId)))) {
                return new MessageSendResult.ConnectionUnavailable();
            }
            var r = tx.dsl().insertInto(m)
                    .set(m.CONNECTION_ID, connectionId)
                    .set(m.SENDER_ID, senderId)
                    .set(m.CONTENT, text)
                    .set(m.IS_READ, false)
                    .set(m.CREATED_AT, tx.now())
                    .returning()
                    .fetchOne();
            return new MessageSendResult.Sent(new Message(r.getId(), r.getConnectionId(), r.getSenderId(),
                    r.getContent(), r.getIsRead(), r.getCreatedAt()));
        });
    }

    /**
     * The conversation, oldest first, and the reader's unread messages marked read: two statements (the read,
     * then the update of exactly the messages returned).
     *
     * @throws ValidationException (field {@code readerId} or {@code connectionId}) for a non-positive id
     */
    public MessageConversationResult readConversation(long readerId, long connectionId) {
        Check.userId(readerId, "readerId");
        Check.id(connectionId, "connectionId");
        var m = CONNECTION_MESSAGE;
        var c = EVENT_CONNECTION;
        Field<List<Message>> messages = multiset(
                select(m.ID, m.CONNECTION_ID, m.SENDER_ID, m.CONTENT, m.IS_READ, m.CREATED_AT)
                        .from(m).where(m.CONNECTION_ID.eq(c.ID))
                        .orderBy(m.CREATED_AT, m.ID))
                .as("messages")
                .convertFrom(r -> r.map(x -> new Message(x.value1(), x.value2(), x.value3(), x.value4(),
                        x.value5(), x.value6())));
        var found = db.dsl().select(messages).from(c).where(open(connectionId, readerId)).fetchOptional(messages);
        if (found.isEmpty()) {
            return new MessageConversationResult.ConnectionUnavailable();
        }
        List<Message> stored = found.get();
        // Mark exactly what the reader was shown: the other's unread messages up to the newest one returned
        // (a message arriving meanwhile stays unread).
        long lastId = stored.stream().mapToLong(Message::id).max().orElse(0);
        boolean anyUnread = stored.stream().anyMatch(x -> x.senderId() != readerId && !x.read());
        if (anyUnread) {
            db.dsl().update(m)
                    .set(m.IS_READ, true)
                    .where(m.CONNECTION_ID.eq(connectionId), m.SENDER_ID.ne(readerId), m.IS_READ.isFalse(),
                            m.ID.le(lastId))
                    .execute();
        }
        List<Message> list = stored.stream()
                .map(x -> x.senderId() == readerId || x.read() ? x
                        : new Message(x.id(), x.connectionId(), x.senderId(), x.content(), true, x.createdAt()))
                .toList();
        return new MessageConversationResult.Conversation(list);
    }

    /** The connection is connected and {@code userId} is one of its two participants. */
    private static Condition open(long connectionId, long userId) {
        var c = EVENT_CONNECTION;
        return c.ID.eq(connectionId)
                .and(c.STATUS.eq(ConnectionStatus.CONNECTED.dbValue()))
                .and(c.FROM_USER_ID.eq(userId).or(c.TO_USER_ID.eq(userId)));
    }
}
