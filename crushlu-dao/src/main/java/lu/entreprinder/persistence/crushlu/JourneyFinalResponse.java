package lu.entreprinder.persistence.crushlu;

import java.util.Optional;
import lu.entreprinder.persistence.core.ValidationException;

/** The answer to a completed journey's final question ({@code crush_lu_journeyprogress.final_response}, V21). */
public enum JourneyFinalResponse {
    /** Yes: final, it cannot change afterwards. */
    YES("yes"),
    /** Still thinking: may later become {@link #YES}. */
    THINKING("thinking");

    private final String dbValue;

    JourneyFinalResponse(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /**
     * The response named exactly {@code yes} or {@code thinking}.
     *
     * @throws ValidationException (field {@code response}) for anything else, null included
     */
    public static JourneyFinalResponse parse(String value) {
        for (JourneyFinalResponse r : values()) {
            if (r.dbValue.equals(value)) {
                return r;
            }
        }
        throw new ValidationException("response", "must be 'yes' or 'thinking'");
    }

    /** The stored value; empty for {@code ''} (not given) or a value the library does not write. */
    static Optional<JourneyFinalResponse> fromDb(String value) {
        for (JourneyFinalResponse r : values()) {
            if (r.dbValue.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
