package lu.entreprinder.persistence.crushlu;

/** The review state of a profile submission ({@code crush_lu_profilesubmission.status}). */
public enum SubmissionStatus {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected"),
    REVISION("revision");

    private final String dbValue;

    SubmissionStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in the database. */
    public String dbValue() {
        return dbValue;
    }

    /** The status stored as {@code value}. @throws IllegalStateException for a value the library does not write */
    public static SubmissionStatus fromDb(String value) {
        for (SubmissionStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalStateException("unknown submission status " + value);
    }
}
