package lu.entreprinder.persistence.core;

/**
 * The library is set up wrongly for the database it was asked to open: a JDBC driver missing from the class path,
 * a user the server refuses, a database or directory that does not exist. Not retryable: running the same
 * operation again fails the same way until the setup changes, so retry loops must not catch it. The message says
 * what to change.
 */
public final class ConfigurationException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do about it
     * @param cause the underlying driver or pool error; may be null
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
