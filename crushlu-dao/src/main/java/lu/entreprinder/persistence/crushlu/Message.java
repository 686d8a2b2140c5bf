package lu.entreprinder.persistence.crushlu;

import java.time.OffsetDateTime;

/** A private message of a connection. */
public record Message(long id, long connectionId, long senderId, String content, boolean read,
                      OffsetDateTime createdAt) {
}
