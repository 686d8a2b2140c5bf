package lu.entreprinder.persistence.core;

/** A unique constraint or primary key refused a duplicate. */
public final class ConflictException extends ConstraintViolationException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message, String constraint, Throwable cause) {
        super(message, constraint, cause);
    }
}
