package lu.entreprinder.persistence.core;

/** A foreign key refused a reference to a missing row (or a delete of a referenced one). */
public final class ForeignKeyViolationException extends ConstraintViolationException {

    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message, String constraint, Throwable cause) {
        super(message, constraint, cause);
    }
}
