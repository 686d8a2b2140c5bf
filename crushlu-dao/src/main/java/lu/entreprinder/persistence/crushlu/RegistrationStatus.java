package lu.entreprinder.persistence.crushlu;

/** The state of an event registration ({@code crush_lu_eventregistration.status}). */
public enum RegistrationStatus {
    PENDING("pending"),
    CONFIRMED("confirmed"),
    WAITLIST("waitlist"),
    ATTENDED("attended"),
    NO_SHOW("no_show"),
    CANCELLED("cancelled");

    private final String dbValue;

    RegistrationStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in the database. */
    public String dbValue() {
        return dbValue;
    }

    /** True for every status but {@link #CANCELLED}: the registration holds or waits for a place. */
    public boolean isActive() {
        return this != CANCELLED;
    }

    /**
     * The constant stored as {@code value}.
     *
     * @throws IllegalArgumentException for a value the schema's check constraint does not allow
     */
    public static RegistrationStatus fromDb(String value) {
        for (RegistrationStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown registration status " + value);
    }
}
