package lu.entreprinder.persistence.core;

/** A statement ran longer than the configured statement timeout and was cancelled; its transaction rolled back. */
public final class QueryTimeoutException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
