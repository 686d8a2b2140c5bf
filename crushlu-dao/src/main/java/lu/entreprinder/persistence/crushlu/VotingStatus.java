package lu.entreprinder.persistence.crushlu;

/** The state of an event's voting session ({@code crush_lu_votingsession.status}, V23). */
public enum VotingStatus {
    /** Attendees may rate presentations. */
    OPEN("open"),
    /** No more ratings; the results are final. */
    CLOSED("closed");

    private final String dbValue;

    VotingStatus(String dbValue) {
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
    public static VotingStatus fromDb(String value) {
        for (VotingStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown voting status " + value);
    }
}
