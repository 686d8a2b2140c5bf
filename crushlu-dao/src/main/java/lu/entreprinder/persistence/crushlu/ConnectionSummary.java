package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One of a user's connections, as their inbox shows it.
 *
 * @param otherDisplayName the other person's first name, or "first last" when their profile shows the full name
 * @param lastMessage      the newest message of the conversation, if any
 * @param unreadCount      messages from the other person the user has not read
 */
public record ConnectionSummary(long connectionId, long eventId, String eventTitle, long otherUserId,
                                String otherDisplayName, OffsetDateTime connectedAt, Optional<Message> lastMessage,
                                int unreadCount) {
}
