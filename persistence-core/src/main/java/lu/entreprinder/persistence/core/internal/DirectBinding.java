package lu.entreprinder.persistence.core.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.jooq.Binding;
import org.jooq.Configuration;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.SQLDialect;

/**
 * Binds one value for {@link DirectReads}: a value of a plain type (numbers, text, booleans, after the column's
 * converter; JSON on PostgreSQL) the way jOOQ's default binding does, and a value of a type with a {@link Binding} of
 * its own (the schema's UTC timestamps, say) through that binding, given a {@link DirectBindingContext}. jOOQ's own
 * bindings of other types (dates, arrays, enums) are not called here: a read with such a parameter takes jOOQ's
 * path, as does one whose own binding asks for more than the context gives ({@link #isUnsupported}).
 */
public final class DirectBinding {

    private static final Set<Class<?>> PLAIN = Set.of(Long.class, Integer.class, Short.class, String.class,
            Boolean.class);
    /**
     * jOOQ binds decimals on SQLite in its own way (SQLite has no decimal type): PostgreSQL only. JSON values are bound
     * as their text there (the rendered placeholder carries the cast).
     */
    private static final Set<Class<?>> POSTGRES_ONLY = Set.of(BigDecimal.class, Double.class, JSON.class, JSONB.class);

    private DirectBinding() {
    }

    /** Binds values of one parameter type; made once per type ({@link #setter}), as the type's lookups cost. */
    @FunctionalInterface
    public interface Setter {
        /**
         * Binds {@code userValue} at {@code index}: a plain value converted to the column's database type, any other
         * through the type's own binding.
         *
         * @throws RuntimeException {@link #isUnsupported} when the type's own binding needs jOOQ's execute context:
         *         nothing has been sent, the caller takes jOOQ's path
         */
        void set(Configuration configuration, PreparedStatement statement, int index, Object userValue)
                throws SQLException;
    }

    /** Whether values of this type are bound here the same as jOOQ binds them. */
    public static boolean binds(DataType<?> type, SQLDialect dialect) {
        return setter(type, dialect) != null;
    }

    /** The setter of values of this type, or null where jOOQ must bind them. */
    @SuppressWarnings("unchecked")
    public static Setter setter(DataType<?> type, SQLDialect dialect) {
        if (type.isArray()) {
            return null;
        }
        if (ownBinding(type)) {
            Binding<Object, Object> binding = (Binding<Object, Object>) type.getBinding();
            return (configuration, statement, index, value) ->
                    binding.set(new DirectBindingContext<>(configuration, statement, index, value));
        }
        Class<?> stored = type.getFromType();
        boolean plain = PLAIN.contains(stored)
                || (dialect.family() == SQLDialect.POSTGRES && POSTGRES_ONLY.contains(stored));
        if (!plain || type.isEnum()) {
            return null;
        }
        Converter<Object, Object> converter = (Converter<Object, Object>) type.getConverter();
        int sqlType = type.getSQLType();
        return (configuration, statement, index, value) -> setPlain(statement, index, sqlType, converter.to(value));
    }

    private static void setPlain(PreparedStatement statement, int index, int sqlType, Object value)
            throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, sqlType);
            case Long v -> statement.setLong(index, v);
            case Integer v -> statement.setInt(index, v);
            case Short v -> statement.setShort(index, v);
            case String v -> statement.setString(index, v);
            case Boolean v -> statement.setBoolean(index, v);
            case BigDecimal v -> statement.setBigDecimal(index, v);
            case Double v -> statement.setDouble(index, v);
            case JSONB v -> statement.setString(index, v.data());
            case JSON v -> statement.setString(index, v.data());
            default -> throw new IllegalStateException("not a plain value: " + value.getClass().getName());
        }
    }

    /** Whether {@code error}, thrown by a {@link Setter}, means: this binding needs jOOQ's path. */
    public static boolean isUnsupported(RuntimeException error) {
        return error instanceof DirectScope.Unsupported;
    }

    /** A binding the type's author wrote (a forced type's binding), not one of jOOQ's. */
    static boolean ownBinding(DataType<?> type) {
        return OWN.get(type.getBinding().getClass());
    }

    /** Per binding class, once: every bound value asks (the class name compared each time showed in profiles). */
    private static final ClassValue<Boolean> OWN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> binding) {
            return !binding.getName().startsWith("org.jooq.");
        }
    };
}
