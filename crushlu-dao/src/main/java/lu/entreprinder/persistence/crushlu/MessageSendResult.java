package lu.entreprinder.persistence.crushlu;

/** The answer of {@link MessageService#send}. */
public sealed interface MessageSendResult {

    /** The message was stored. */
    record Sent(Message message) implements MessageSendResult {
    }

    /**
     * No connected connection with this id has the sender as a participant: the same answer whether it does not
     * exist, belongs to others, or is not (yet) connected.
     */
    record ConnectionUnavailable() implements MessageSendResult {
    }
}
