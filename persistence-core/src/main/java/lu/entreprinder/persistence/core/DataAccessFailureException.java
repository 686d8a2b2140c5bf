package lu.entreprinder.persistence.core;

/** Any other database error, with the SQLState the driver reported (may be null). */
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
