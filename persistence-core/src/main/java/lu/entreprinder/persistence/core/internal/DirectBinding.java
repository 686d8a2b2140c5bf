package lu.entreprinder.persistence.core.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.SQLDialect;

/**
 * Binds a value of a plain type (numbers, text, booleans, after the column's converter) the way jOOQ's default
 * binding does, for {@link DirectReads}. A type with a binding of its own (timestamps through the schema's UTC
 * binding, JSON, arrays, enums) is not bound here: a read with such a parameter takes jOOQ's path.
 */
public final class DirectBinding {

    private static final Set<Class<?>> PLAIN = Set.of(Long.class, Integer.class, Short.class, String.class,
            Boolean.class);
    /** jOOQ binds decimals on SQLite in its own way (SQLite has no decimal type): PostgreSQL only. */
    private static final Set<Class<?>> POSTGRES_ONLY = Set.of(BigDecimal.class, Double.class);

    private DirectBinding() {
    }

    /** Whether values of this type are bound here the same as jOOQ binds them. */
    public static boolean binds(DataType<?> type, SQLDialect dialect) {
        Class<?> stored = type.getFromType();
        boolean plain = PLAIN.contains(stored)
                || (dialect.family() == SQLDialect.POSTGRES && POSTGRES_ONLY.contains(stored));
        return plain && !type.isArray() && !type.isEnum()
                && type.getBinding().getClass().getName().startsWith("org.jooq.impl.");
    }

    /** Binds the value, converted to the column's database type, at {@code index}. */
    @SuppressWarnings("unchecked")
    public static void set(PreparedStatement statement, int index, DataType<?> type, Object userValue)
            throws SQLException {
        Object value = ((Converter<Object, Object>) type.getConverter()).to(userValue);
        switch (value) {
            case null -> statement.setNull(index, type.getSQLType());
            case Long v -> statement.setLong(index, v);
            case Integer v -> statement.setInt(index, v);
            case Short v -> statement.setShort(index, v);
            case String v -> statement.setString(index, v);
            case Boolean v -> statement.setBoolean(index, v);
            case BigDecimal v -> statement.setBigDecimal(index, v);
            case Double v -> statement.setDouble(index, v);
            default -> throw new IllegalStateException("not a plain value: " + value.getClass().getName());
        }
    }
}
