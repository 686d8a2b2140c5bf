package lu.entreprinder.persistence.core;

/**
 * Any other database error, with the SQLState the driver reported; null for errors jOOQ raises itself (too many
 * rows for {@code fetchOne}, a record that cannot be mapped), whose exception is the cause.
 */
public final class DataAccessFailureException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public DataAccessFailureException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
