package lu.entreprinder.persistence.core;

import java.util.Objects;

/** Input refused before any SQL ran: names the offending field. Nothing was written. */
public final class ValidationException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ValidationException(String field, String problem) {
        super(field + ": " + problem, null);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The name of the refused field, as the method's parameter or record component calls it. */
    public String field() {
        return field;
    }
}
