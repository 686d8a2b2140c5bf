package lu.entreprinder.persistence.crushlu;

/** The state of a connection between two attendees ({@code crush_lu_eventconnection.status}). */
public enum ConnectionStatus {
    PENDING("pending"),
    CONNECTED("connected"),
    DECLINED("declined");

    private final String dbValue;

    ConnectionStatus(String dbValue) {
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
    public static ConnectionStatus fromDb(String value) {
        for (ConnectionStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown connection status " + value);
    }
}
