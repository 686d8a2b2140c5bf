package lu.entreprinder.persistence.crushlu;

import java.util.List;

/** The answer of {@link MessageService#readConversation}. */
public sealed interface MessageConversationResult {

    /** The messages, oldest first, as they are after reading (the reader's received messages are read). */
    record Conversation(List<Message> messages) implements MessageConversationResult {
        public Conversation {
            messages = List.copyOf(messages);
        }
    }

    /** Same meaning as {@link MessageSendResult.ConnectionUnavailable}: nothing tells a missing connection apart. */
    record ConnectionUnavailable() implements MessageConversationResult {
    }
}
