package lu.entreprinder.persistence.entreprinder;

import java.time.OffsetDateTime;

/**
 * One published Crush.lu meetup event found by {@link SearchDao#searchEvents}.
 *
 * @param rank higher is better; as {@link ProfileHit#rank()}
 */
public record EventHit(long eventId, String title, OffsetDateTime eventDate, double rank) {
}
