package lu.entreprinder.persistence.core;

/**
 * The database refused a write because of a declared constraint. {@link #constraint()} is the constraint's name
 * from the migrations, the same on PostgreSQL and SQLite where it can be known.
 */
public abstract sealed class ConstraintViolationException extends PersistenceException
        permits ConflictException, ForeignKeyViolationException, CheckViolationException, NotNullViolationException {

    private static final long serialVersionUID = 1L;

    private final String constraint;

    protected ConstraintViolationException(String message, String constraint, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    /** The constraint's name, or the column list SQLite reported when no declared name matches it. */
    public String constraint() {
        return constraint;
    }
}
