package lu.entreprinder.persistence.core;

/**
 * A {@code get…} found no row; also a query that had to return a row and returned none (jOOQ's
 * {@code NoDataFoundException} from {@code fetchSingle}), with entity {@code row}, no id and jOOQ's exception as the
 * cause.
 *
 * <p>{@link #entity()} is the lower-case domain noun of what was looked for, the same word in every module:
 * {@code user}, {@code profile}, {@code submission}, {@code event}, {@code invitation}, {@code session},
 * {@code journey}, {@code challenge}, {@code puzzle}, {@code piece}, {@code plot}, {@code industry}, {@code skill}
 * (and {@code row} for the jOOQ case above).
 */
public final class NotFoundException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final Object id;

    public NotFoundException(String entity, Object id) {
        this(entity, id, null);
    }

    /** As {@link #NotFoundException(String, Object)}, with the error that reported it; {@code id} may be null. */
    public NotFoundException(String entity, Object id, Throwable cause) {
        super(id == null ? "no " + entity + " found" : entity + " " + id + " not found", cause);
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }
}
