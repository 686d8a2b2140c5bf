package lu.entreprinder.persistence.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jooq.Binding;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;

/**
 * Decodes the rows of the direct path into jOOQ records without jOOQ's cursor: a column of a plain type (numbers,
 * text, booleans, after its converter; dates and JSON on PostgreSQL) is read as jOOQ's default binding reads it, a
 * column whose type has a {@link Binding} of its own through that binding ({@link DirectBindingGetContext}). A shape with any other column
 * (times of jOOQ's own binding, arrays, nested collections; on SQLite also dates and JSON) is decoded by jOOQ
 * ({@link #of} answers null).
 */
public final class DirectRows {

    /** Reads one column of the current row, in the user's type. */
    private interface Column {
        Object read(DSLContext dsl, ResultSet rows, int index) throws SQLException;
    }

    private final Field<?>[] fields;
    private final Column[] columns;

    private DirectRows(Field<?>[] fields, Column[] columns) {
        this.fields = fields;
        this.columns = columns;
    }

    /** The decoder of rows of these fields, or null where jOOQ must decode them. */
    public static DirectRows of(Field<?>[] fields, SQLDialect dialect) {
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = column(fields[i], dialect);
            if (columns[i] == null) {
                return null;
            }
        }
        return new DirectRows(fields.clone(), columns);
    }

    @SuppressWarnings("unchecked")
    private static Column column(Field<?> field, SQLDialect dialect) {
        DataType<?> type = field.getDataType();
        if (type.isArray() || type.isEnum()) {
            return null;
        }
        if (DirectBinding.ownBinding(type)) {
            Binding<Object, Object> binding = (Binding<Object, Object>) type.getBinding();
            Field<Object> typed = (Field<Object>) field;
            return (dsl, rows, index) -> {
                DirectBindingGetContext<Object> context =
                        new DirectBindingGetContext<>(dsl.configuration(), rows, index, typed);
                binding.get(context);
                return context.value();
            };
        }
        Converter<Object, Object> converter = (Converter<Object, Object>) type.getConverter();
        Class<?> stored = type.getFromType();
        boolean postgres = dialect.family() == SQLDialect.POSTGRES;
        Column raw;
        if (stored == Long.class) {
            raw = (dsl, rows, index) -> {
                long v = rows.getLong(index);
                return rows.wasNull() ? null : v;
            };
        } else if (stored == Integer.class) {
            raw = (dsl, rows, index) -> {
                int v = rows.getInt(index);
                return rows.wasNull() ? null : v;
            };
        } else if (stored == Short.class) {
            raw = (dsl, rows, index) -> {
                short v = rows.getShort(index);
                return rows.wasNull() ? null : v;
            };
        } else if (stored == Boolean.class) {
            raw = (dsl, rows, index) -> {
                boolean v = rows.getBoolean(index);
                return rows.wasNull() ? null : v;
            };
        } else if (stored == String.class) {
            raw = (dsl, rows, index) -> rows.getString(index);
        } else if (stored == BigDecimal.class && postgres) {
            raw = (dsl, rows, index) -> rows.getBigDecimal(index);
        } else if (stored == Double.class && postgres) {
            raw = (dsl, rows, index) -> {
                double v = rows.getDouble(index);
                return rows.wasNull() ? null : v;
            };
        } else if (stored == LocalDate.class && postgres) {
            raw = DirectRows::localDate;
        } else if (stored == JSONB.class && postgres) { // PostgreSQL sends JSON as text, which jOOQ wraps as it is
            raw = (dsl, rows, index) -> {
                String text = rows.getString(index);
                return text == null ? null : JSONB.valueOf(text);
            };
        } else if (stored == JSON.class && postgres) {
            raw = (dsl, rows, index) -> {
                String text = rows.getString(index);
                return text == null ? null : JSON.valueOf(text);
            };
        } else {
            return null;
        }
        if (type.getConverter().getClass().getName().startsWith("org.jooq.impl.IdentityConverter")) {
            return raw;
        }
        return (dsl, rows, index) -> converter.from(raw.read(dsl, rows, index));
    }

    /** The first day of the Gregorian calendar, from which java.sql.Date and LocalDate name every day alike. */
    private static final LocalDate GREGORIAN = LocalDate.of(1582, 10, 15);

    /**
     * A date as jOOQ reads it ({@code getDate(i).toLocalDate()}, through the JVM's Julian/Gregorian calendar), but
     * without the calendar for the days both name alike: pgjdbc's own {@code LocalDate} from the Gregorian switch on,
     * jOOQ's way for days before it and for {@code ±infinity}.
     */
    private static Object localDate(DSLContext dsl, ResultSet rows, int index) throws SQLException {
        LocalDate date = rows.getObject(index, LocalDate.class);
        if (date == null || (!date.isBefore(GREGORIAN) && date.isBefore(LocalDate.MAX))) {
            return date;
        }
        java.sql.Date old = rows.getDate(index);
        return old == null ? null : old.toLocalDate();
    }

    /** The current row as a record of the fields, as jOOQ's cursor would give it (no value marked changed). */
    @SuppressWarnings("unchecked")
    public Record read(DSLContext dsl, ResultSet rows) throws SQLException {
        Record record = dsl.newRecord(fields);
        for (int i = 0; i < columns.length; i++) {
            record.set((Field<Object>) fields[i], columns[i].read(dsl, rows, i + 1));
        }
        record.changed(false);
        return record;
    }

    /**
     * The result set, its current row again: its first {@code next()} stays on that row (for jOOQ's cursor, which
     * moves before it reads, to read the row a decoder could not finish); every other call goes to the result set.
     */
    public static ResultSet fromCurrentRow(ResultSet rows) {
        boolean[] first = {true};
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                    if (first[0] && method.getName().equals("next") && method.getParameterCount() == 0) {
                        first[0] = false;
                        return true;
                    }
                    try {
                        return method.invoke(rows, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
