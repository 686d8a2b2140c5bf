package lu.entreprinder.persistence.crushlu;

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
        for (EventType t : values()) {
            if (t.dbValue.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type " + value);
    }
}
