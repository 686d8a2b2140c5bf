package lu.entreprinder.persistence.core;

/**
 * Root of every exception the library throws. Unchecked; translated once, centrally, from JDBC and jOOQ errors.
 * Expected business outcomes are never exceptions: DAOs return sealed result types for those.
 */
public abstract sealed class PersistenceException extends RuntimeException
        permits ValidationException, NotFoundException, ConstraintViolationException, RetryableException,
                QueryTimeoutException, DataAccessFailureException, TransactionAbortedException,
                ConfigurationException {

    private static final long serialVersionUID = 1L;

    protected PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
