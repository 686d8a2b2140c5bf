package lu.entreprinder.persistence.schema.types;

import org.jooq.impl.AbstractConverter;

/**
 * Gives {@code auth_user.id} and every column holding one (the foreign keys to {@code auth_user}) the Java type
 * {@link Long}, the type of every user id in the public API, while the SQL type stays Django's {@code integer} on both
 * databases. Reading widens; writing narrows with {@link Math#toIntExact(long)}, so an id beyond {@code integer} fails
 * with an {@link ArithmeticException} instead of wrapping around to another user's id (callers check the range first:
 * {@code Check.userId}).
 */
public final class UserIdConverter extends AbstractConverter<Integer, Long> {

    private static final long serialVersionUID = 1L;

    public UserIdConverter() {
        super(Integer.class, Long.class);
    }

    @Override
    public Long from(Integer databaseObject) {
        return databaseObject == null ? null : databaseObject.longValue();
    }

    @Override
    public Integer to(Long userObject) {
        return userObject == null ? null : Math.toIntExact(userObject);
    }
}
