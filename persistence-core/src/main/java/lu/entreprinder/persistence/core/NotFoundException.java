package lu.entreprinder.persistence.core;

/**
 * A {@code get…} found no row; also a query that had to return a row and returned none (jOOQ's
 * {@code NoDataFoundException} from {@code fetchSingle}), with entity {@code row}, no id and jOOQ's exception as the
 * cause.
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
