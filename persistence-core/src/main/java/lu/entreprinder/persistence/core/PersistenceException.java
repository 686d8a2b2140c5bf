package lu.entreprinder.persistence.core;

/**
 * Root of every exception the library throws. Unchecked; translated once, centrally, from JDBC and jOOQ errors.
 * Expected business outcomes are never exceptions: DAOs return sealed result types for those.
 *
 * <p>What becomes what:
 * <ul>
 *   <li>a refused statement ({@code SQLException}, by SQLState on PostgreSQL and result code on SQLite):
 *       {@link ConstraintViolationException} and its subtypes, {@link RetryableException}, {@link QueryTimeoutException},
 *       {@link ConfigurationException}, otherwise {@link DataAccessFailureException} with the SQLState;</li>
 *   <li>errors jOOQ raises itself after the statement ran (the cause keeps jOOQ's exception):
 *       {@code NoDataFoundException} ({@code fetchSingle} found no row) → {@link NotFoundException} with entity
 *       {@code row}; {@code TooManyRowsException} ({@code fetchOne}/{@code fetchSingle} found several),
 *       {@code MappingException} (a record that {@code into}/{@code fetchInto} cannot map) and any other jOOQ
 *       {@code DataAccessException} → {@link DataAccessFailureException} without SQLState;</li>
 *   <li>a statement after an earlier failure in the same transaction: {@link TransactionAbortedException};</li>
 *   <li>bad input, checked before anything is sent: {@link ValidationException}.</li>
 * </ul>
 * Exceptions a caller's own code throws inside {@link Database#inTransaction} pass through unchanged.
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
