package lu.entreprinder.persistence.crushlu;

import java.util.Arrays;

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
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown voting status " + value));
    }
}
