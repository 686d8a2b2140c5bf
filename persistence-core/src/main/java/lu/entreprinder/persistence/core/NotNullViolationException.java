package lu.entreprinder.persistence.core;

/** A NOT NULL column received no value. */
public final class NotNullViolationException extends ConstraintViolationException {

    private static final long serialVersionUID = 1L;

    public NotNullViolationException(String message, String constraint, Throwable cause) {
        super(message, constraint, cause);
    }
}
