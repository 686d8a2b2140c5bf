package lu.entreprinder.persistence.core;

/** A CHECK constraint refused a value. */
public final class CheckViolationException extends ConstraintViolationException {

    private static final long serialVersionUID = 1L;

    public CheckViolationException(String message, String constraint, Throwable cause) {
        super(message, constraint, cause);
    }
}
