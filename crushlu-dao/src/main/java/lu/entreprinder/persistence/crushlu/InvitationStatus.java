package lu.entreprinder.persistence.crushlu;

/** The state of a guest invitation: {@code crush_lu_eventinvitation.status}. */
public enum InvitationStatus {
    PENDING("pending"),
    ACCEPTED("accepted"),
    EXPIRED("expired"),
    CANCELLED("cancelled");

    private final String dbValue;

    InvitationStatus(String dbValue) {
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
    public static InvitationStatus fromDb(String value) {
        for (InvitationStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown InvitationStatus value " + value);
    }
}
