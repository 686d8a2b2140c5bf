package lu.entreprinder.persistence.crushlu;

/**
 * Composable event filters, like the seed's {@code MeetupEventQuerySet}: any combination turns into conditions of
 * the one SQL statement of a listing. Immutable; each method returns a new filter.
 *
 * <pre>{@code EventFilter.all().published().upcoming()}  // MeetupEvent.objects.published().upcoming()
 * EventFilter.availableForRegistration()             // published, upcoming, before the deadline, not full}</pre>
 *
 * <p>Counts (the seed's {@code with_counts()}) are always part of a listing's rows.
 *
 * @param onlyPublished        {@code is_published}
 * @param onlyUpcoming         {@code event_date >= now}
 * @param onlyBeforeDeadline   {@code registration_deadline > now}
 * @param onlyNotFull          fewer confirmed registrations than {@code max_participants}
 */
public record EventFilter(boolean onlyPublished, boolean onlyUpcoming, boolean onlyBeforeDeadline,
                          boolean onlyNotFull) {

    /** No condition. */
    public static EventFilter all() {
        return new EventFilter(false, false, false, false);
    }

    /** The seed's {@code available_for_registration()}: published, upcoming, before the deadline, not full. */
    public static EventFilter availableForRegistration() {
        return new EventFilter(true, true, true, true);
    }

    public EventFilter published() {
        return new EventFilter(true, onlyUpcoming, onlyBeforeDeadline, onlyNotFull);
    }

    public EventFilter upcoming() {
        return new EventFilter(onlyPublished, true, onlyBeforeDeadline, onlyNotFull);
    }

    public EventFilter beforeDeadline() {
        return new EventFilter(onlyPublished, onlyUpcoming, true, onlyNotFull);
    }

    public EventFilter notFull() {
        return new EventFilter(onlyPublished, onlyUpcoming, onlyBeforeDeadline, true);
    }

    /** This filter and the other's conditions together. */
    public EventFilter and(EventFilter other) {
        return new EventFilter(onlyPublished || other.onlyPublished, onlyUpcoming || other.onlyUpcoming,
                onlyBeforeDeadline || other.onlyBeforeDeadline, onlyNotFull || other.onlyNotFull);
    }
}
