package lu.entreprinder.persistence.crushlu;

/**
 * How far an accepted connection is in sharing contact details ({@code crush_lu_eventconnection.sharing_status},
 * V20). Meaningful once the connection is {@link ConnectionStatus#CONNECTED}; a pending or declined connection
 * carries the column's default {@code accepted}. The only transitions:
 * <pre>
 *   accepted —(second of the two consents, {@link ConnectionService#consentToShare})→ coach_reviewing
 *   coach_reviewing —(assigned coach, {@link ConnectionService#approveContactSharing})→ coach_approved
 *   coach_approved —(assigned coach, {@link ConnectionService#shareContacts})→ shared
 * </pre>
 * Contact details are readable ({@link ConnectionService#getContactDetails}) only in {@code shared}.
 */
public enum ContactSharingStatus {
    ACCEPTED("accepted"),
    COACH_REVIEWING("coach_reviewing"),
    COACH_APPROVED("coach_approved"),
    SHARED("shared");

    private final String dbValue;

    ContactSharingStatus(String dbValue) {
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
    public static ContactSharingStatus fromDb(String value) {
        for (ContactSharingStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown contact sharing status " + value);
    }
}
