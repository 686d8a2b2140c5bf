package lu.entreprinder.persistence.crushlu;

/** A coach's decision on an accepted guest ({@code crush_lu_eventinvitation.approval_status}). */
public enum GuestApproval {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String dbValue;

    GuestApproval(String dbValue) {
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
    public static GuestApproval fromDb(String value) {
        for (GuestApproval s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown GuestApproval value " + value);
    }
}
