package lu.entreprinder.persistence.crushlu;

import java.util.Arrays;

/** The kind of a meetup event ({@code crush_lu_meetupevent.event_type}). */
public enum EventType {
    SPEED_DATING("speed_dating"),
    MIXER("mixer"),
    ACTIVITY("activity"),
    THEMED("themed");

    private final String dbValue;

    EventType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in the database. */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The constant stored as {@code value}.
     *
     * @throws IllegalArgumentException for a value the schema's check constraint does not allow
     */
    public static EventType fromDb(String value) {
        return Arrays.stream(values()).filter(t -> t.dbValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + value));
    }
}
