package lu.entreprinder.persistence.core;

/** A {@code get…} found no row. */
public final class NotFoundException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final Object id;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found", null);
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
