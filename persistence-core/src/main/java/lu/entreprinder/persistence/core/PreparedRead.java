package lu.entreprinder.persistence.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lu.entreprinder.persistence.core.internal.DirectBinding;
import lu.entreprinder.persistence.core.internal.DirectReads;
import lu.entreprinder.persistence.core.internal.DirectRows;
import lu.entreprinder.persistence.core.internal.RoutingConnectionProvider;
import org.jooq.Context;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.Settings;
import org.jooq.conf.SettingsTools;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.TooManyRowsException;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;

/**
 * A read whose SQL jOOQ renders once per dialect instead of on every call: the query is built once, typesafe, with
 * {@link DSL#param(String, org.jooq.DataType) named parameters} where the per-call values go, and each call only binds
 * those values. Rendering a query is most of jOOQ's client-side cost for a short read (a primary-key read spends a
 * third of its CPU on it, a listing with nested collections more), and the text of a hot read never changes.
 * {@link #fetch} and {@link #fetchOptional} also skip the rest of jOOQ's execute path (its execute context, a render
 * and a bind pass per call): they send the text straight to the driver and decode the rows into the shape's records
 * themselves where every column's type allows (else jOOQ decodes them).
 *
 * <pre>{@code
 * static final Param<Long> ID = DSL.param("id", USER.ID.getDataType());
 * static final PreparedRead<Record2<Long, String>> NAME = PreparedRead.of(
 *         select(USER.ID, USER.USERNAME).from(USER).where(USER.ID.eq(ID)), ID);
 * ...
 * NAME.fetchOptional(db.dsl(), r -> new Account(r.value1(), r.value2()), 42L);
 * }</pre>
 *
 * <p>Values other than the declared parameters (constants of the shape) are rendered inline, so a shape must not hide
 * per-call values in them. Columns are read through the shape's own fields, so converters (user ids as {@code Long},
 * nested {@code multiset} records) apply as in the query itself. A statement sent through a {@code PreparedRead} is
 * counted, timed, translated, bound to the caller's transaction and (outside one) routed to a read replica like the
 * query it was built from: only its SQL text is reused.
 * A shape whose conditions vary (optional filters) needs one {@code PreparedRead} per combination.
 *
 * <p>Make a page's LIMIT part of the shape ({@code limit(DSL.inline(size))}, one {@code PreparedRead} per page size),
 * not a parameter: PostgreSQL cannot cost a generic plan whose LIMIT is unknown (it assumes a tenth of the rows), so
 * once pgjdbc has prepared the statement on the server, the server still plans it again on every call. For a
 * listing that planning can cost more than the execution.
 *
 * <p>Instances are immutable after construction and safe to share between threads and between {@link Database}s
 * (the rendered text is kept per dialect).
 *
 * @param <R> the record type of the shape
 */
public final class PreparedRead<R extends Record> {

    /** Marks the declared parameters in the rendered text; no SQL jOOQ renders contains it. */
    private static final String MARK = "\u0001\u0002";

    private final ResultQuery<R> shape;
    private final Param<?>[] params;
    /** Each parameter's Java type, looked up once: a converted type computes it on every call. */
    private final Class<?>[] paramTypes;
    private final Field<?>[] fields;
    /** Whether the shape is a {@code SELECT}: replica routing must see the bound text as the read it is. */
    private final boolean select;
    private final Map<SQLDialect, Rendered> rendered = new ConcurrentHashMap<>(4);
    private final Map<SQLDialect, Direct> directs = new ConcurrentHashMap<>(4);
    private final boolean genericRecords;

    private PreparedRead(ResultQuery<R> shape, Param<?>[] params) {
        this.shape = shape;
        this.params = params;
        this.paramTypes = Arrays.stream(params).map(Param::getType).toArray(Class<?>[]::new);
        // a Select's fields() are as seen from outside it (qualified by a derived table's alias): records must carry the
        // select list's own fields, so that two columns of one name from two tables stay apart
        this.fields = shape instanceof Select<?> select ? select.getSelect().toArray(Field<?>[]::new) : shape.fields();
        this.select = shape instanceof Select<?>;
        Class<? extends R> recordType = shape.getRecordType();
        // jOOQ decodes a result set into its generic records (Record1…Record22, Record); a shape of table records
        // (selectFrom) keeps jOOQ's path, which builds those
        this.genericRecords = recordType.isInterface() || recordType.getName().startsWith("org.jooq.impl.RecordImpl");
    }

    /**
     * Declares a read.
     *
     * @param shape the query, built once, with its per-call values as named parameters
     * @param params those parameters, in the order {@link #bind} takes their values
     * @return the prepared read; the shape is rendered on its first use with each dialect
     * @throws IllegalArgumentException if a parameter has no name, or two share one
     */
    public static <R extends Record> PreparedRead<R> of(ResultQuery<R> shape, Param<?>... params) {
        Objects.requireNonNull(shape, "shape");
        Map<String, Param<?>> byName = new HashMap<>();
        for (Param<?> param : params) {
            String name = Objects.requireNonNull(param, "param").getParamName();
            if (name == null || name.isBlank() || !name.chars().allMatch(PreparedRead::isNameChar)) {
                throw new IllegalArgumentException("a PreparedRead parameter needs a name of letters, digits and _: "
                        + param);
            }
            if (byName.put(name, param) != null) {
                throw new IllegalArgumentException("two parameters are named " + name);
            }
        }
        return new PreparedRead<>(shape, params.clone());
    }

    /**
     * The shape's SQL with these values bound, as a query to fetch from {@code dsl} (the database's or a
     * transaction's context) like any jOOQ query.
     *
     * @param dsl where the statement runs: {@link Database#dsl()} or {@link Transaction#dsl()}
     * @param values one value per declared parameter, in declaration order ({@code null} binds SQL NULL)
     * @return a query reading the shape's fields
     * @throws IllegalArgumentException if the number of values or a value's type does not match the parameters (a
     *         programming error, not bad input)
     * @throws IllegalStateException if jOOQ rendered a declared parameter inline or not at all (the shape cannot be
     *         prepared: use the query directly)
     */
    @SuppressWarnings("unchecked")
    public ResultQuery<R> bind(DSLContext dsl, Object... values) {
        Param<?>[] bound = bound(values);
        return (ResultQuery<R>) dsl.resultQuery("{0}", new BoundText(rendered(dsl), bound, select)).coerce(fields);
    }

    /**
     * Runs the read with these values and maps every row, sending the text rendered once straight to the driver; the
     * rows are decoded into records of the shape's fields (by jOOQ where a column's type needs it). The statement is
     * counted, timed, translated, bound to the caller's transaction and routed as with {@link #bind}. Where the direct path does not apply (a parameter of a
     * type jOOQ binds in a way of its own, such as dates, JSON or arrays, or whose own {@link org.jooq.Binding} needs
     * jOOQ's execute context; a {@code DSLContext} with execute listeners of its own; a shape returning table records;
     * a data-modifying shape on SQLite) this is {@code bind(dsl, values).fetch(mapper)}, with the same result. A
     * data-modifying shape ({@code INSERT}/{@code UPDATE … RETURNING}) on PostgreSQL goes direct too, routed as a
     * write.
     *
     * @param dsl where the statement runs: {@link Database#dsl()} or {@link Transaction#dsl()}
     * @param mapper maps one row of the shape's fields
     * @param values one value per declared parameter, in declaration order ({@code null} binds SQL NULL)
     * @return the mapped rows, in the statement's order
     * @throws IllegalArgumentException if the number of values or a value's type does not match the parameters (a
     *         programming error, not bad input)
     * @throws PersistenceException (a subtype) if the database refused the statement: its transaction is then
     *         poisoned, as for any statement
     * @throws TransactionAbortedException if the caller's transaction was poisoned before: nothing is sent
     */
    public <E> List<E> fetch(DSLContext dsl, RecordMapper<? super R, E> mapper, Object... values) {
        checkValues(values);
        List<E> direct = fetchDirect(dsl, values, (rows, sql) -> {
            List<E> out = new ArrayList<>();
            for (Record row = rows.next(); row != null; row = rows.next()) {
                out.add(mapper.map(generic(row)));
            }
            return out;
        });
        return direct != null ? direct : bindBound(dsl, bound(values)).fetch(mapper);
    }

    /**
     * Runs the read with these values and maps its row, if any, as {@link #fetch(DSLContext, RecordMapper, Object...)}
     * does.
     *
     * @return the mapped row, or empty when the read found none
     * @throws org.jooq.exception.TooManyRowsException if the read found more than one row (a programming error: the
     *         shape is not a read of at most one row)
     * @throws IllegalArgumentException as {@link #fetch(DSLContext, RecordMapper, Object...)}
     * @throws PersistenceException as {@link #fetch(DSLContext, RecordMapper, Object...)}
     * @throws TransactionAbortedException as {@link #fetch(DSLContext, RecordMapper, Object...)}
     */
    public <E> Optional<E> fetchOptional(DSLContext dsl, RecordMapper<? super R, E> mapper, Object... values) {
        checkValues(values);
        Optional<E> direct = fetchDirect(dsl, values, (rows, sql) -> {
            Record first = rows.next();
            if (first == null) {
                return Optional.empty();
            }
            if (rows.next() != null) {
                throw new TooManyRowsException("the read found more than one row: " + sql);
            }
            return Optional.ofNullable(mapper.map(generic(first)));
        });
        return direct != null ? direct : bindBound(dsl, bound(values)).fetchOptional(mapper);
    }

    /** The decoded rows of the direct path's statement, one at a time. */
    private interface Rows {
        /** The next row, or null after the last. */
        Record next();
    }

    /** Reads the rows of the direct path's statement. */
    private interface RowsReader<T> {
        T read(Rows rows, String sql);
    }

    /**
     * The direct path's answer, or null where it does not apply (the caller then takes jOOQ's path). Rows whose
     * columns {@link DirectRows} reads are decoded without jOOQ's cursor, which allocates more (JMH {@code -prof gc},
     * scale 1: a user's row 6.0 KB against 3.4 KB, a common-word search of 20 rows 15.7 KB against 13.3 KB, an event
     * listing of 51 rows 103 KB against 96 KB).
     */
    private <T> T fetchDirect(DSLContext dsl, Object[] values, RowsReader<T> reader) {
        Direct direct = direct(dsl, values);
        if (direct == null) {
            return null;
        }
        try {
            return direct.run(dsl, values, resultSet -> {
                DecodedRows rows = new DecodedRows(dsl, direct, resultSet);
                try {
                    return reader.read(rows::next, direct.sql);
                } finally {
                    rows.close();
                }
            });
        } catch (RuntimeException e) {
            if (!DirectBinding.isUnsupported(e)) {
                throw e;
            }
            // a type's own binding needs jOOQ's execute context; nothing was sent: jOOQ's path from now on
            directs.put(dsl.dialect(), Direct.NOT_APPLICABLE);
            return null;
        }
    }

    /**
     * The rows decoded by {@link DirectRows}, until a type's own binding asks for jOOQ's execute context to read a
     * value (the statement has run by then, so it is not run again): from that row on jOOQ's cursor reads them, and
     * every later call of this read too. Without a decoder (a column type it does not read) jOOQ's cursor reads all.
     */
    private final class DecodedRows {
        private final DSLContext dsl;
        private final Direct direct;
        private final ResultSet resultSet;
        private Cursor<Record> cursor;

        DecodedRows(DSLContext dsl, Direct direct, ResultSet resultSet) {
            this.dsl = dsl;
            this.direct = direct;
            this.resultSet = resultSet;
            this.cursor = direct.decoder() == null ? dsl.fetchLazy(resultSet, fields) : null;
        }

        Record next() {
            if (cursor != null) {
                return cursor.fetchNext();
            }
            try {
                if (!resultSet.next()) {
                    return null;
                }
                return direct.decoder().read(dsl, resultSet);
            } catch (SQLException e) {
                throw new DataAccessException("reading a row: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                if (!DirectBinding.isUnsupported(e)) {
                    throw e;
                }
                directs.put(dsl.dialect(), direct.withoutDecoder());
                cursor = dsl.fetchLazy(DirectRows.fromCurrentRow(resultSet), fields);
                return cursor.fetchNext();
            }
        }

        void close() {
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private R generic(Record row) {
        return (R) row; // a RecordN of the shape's fields, as the shape's own record type is
    }

    @SuppressWarnings("unchecked")
    private ResultQuery<R> bindBound(DSLContext dsl, Param<?>[] bound) {
        return (ResultQuery<R>) dsl.resultQuery("{0}", new BoundText(rendered(dsl), bound, select)).coerce(fields);
    }

    private Param<?>[] bound(Object[] values) {
        checkValues(values);
        Param<?>[] bound = new Param<?>[values.length];
        for (int i = 0; i < values.length; i++) {
            bound[i] = DSL.val(values[i], params[i].getDataType());
        }
        return bound;
    }

    private void checkValues(Object[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !paramTypes[i].isInstance(values[i])) {
                throw new IllegalArgumentException("parameter " + params[i].getParamName() + " takes "
                        + paramTypes[i].getName() + ", got " + values[i].getClass().getName());
            }
        }
    }

    private Rendered rendered(DSLContext dsl) {
        return rendered.computeIfAbsent(dsl.dialect(), dialect -> render(dsl));
    }

    /** The direct path's text for this dialect, or null where the direct path does not apply. */
    private Direct direct(DSLContext dsl, Object[] values) {
        if (!genericRecords || !DirectReads.applies(dsl.configuration())) {
            return null;
        }
        if (!select && dsl.dialect().family() != SQLDialect.POSTGRES) {
            return null; // a data-modifying shape (INSERT … RETURNING) goes direct where RETURNING is plainly native
        }
        Direct direct = directs.get(dsl.dialect());
        if (direct == null) {
            direct = directText(dsl, values);
            directs.putIfAbsent(dsl.dialect(), direct);
        }
        return direct == Direct.NOT_APPLICABLE ? null : direct;
    }

    private Direct directText(DSLContext dsl, Object[] values) {
        DirectBinding.Setter[] byParam = new DirectBinding.Setter[params.length];
        for (int i = 0; i < params.length; i++) {
            byParam[i] = DirectBinding.setter(params[i].getDataType(), dsl.dialect());
            if (byParam[i] == null) {
                return Direct.NOT_APPLICABLE;
            }
        }
        // jOOQ renders each value's placeholder (with the cast its type needs) from its type, not its value
        String sql = dsl.render(dsl.resultQuery("{0}", new BoundText(rendered(dsl), bound(values), false)));
        int[] slots = rendered(dsl).slots();
        DirectBinding.Setter[] setters = new DirectBinding.Setter[slots.length];
        for (int i = 0; i < slots.length; i++) {
            setters[i] = byParam[slots[i]];
        }
        return new Direct(sql, select ? DirectReads.Route.ofRead(sql) : DirectReads.Route.WRITE, slots, setters,
                DirectRows.of(fields, dsl.dialect()));
    }

    /** The complete JDBC text of the shape for one dialect, and the parameter each placeholder takes. */
    private record Direct(String sql, DirectReads.Route route, int[] slots, DirectBinding.Setter[] setters,
                          DirectRows decoder) {

        /** The same statement, its rows read by jOOQ's cursor. */
        Direct withoutDecoder() {
            return new Direct(sql, route, slots, setters, null);
        }

        /** A parameter's type is not one {@link DirectBinding} binds: jOOQ's path. */
        static final Direct NOT_APPLICABLE =
                new Direct(null, DirectReads.Route.READ, new int[0], new DirectBinding.Setter[0], null);

        <T> T run(DSLContext dsl, Object[] values, DirectReads.Reader<T> reader) {
            Object[] inOrder = new Object[slots.length];
            for (int i = 0; i < slots.length; i++) {
                inOrder[i] = values[slots[i]];
            }
            return DirectReads.query(dsl.configuration(), sql, route, inOrder, statement -> {
                for (int i = 0; i < inOrder.length; i++) {
                    setters[i].set(dsl.configuration(), statement, i + 1, inOrder[i]);
                }
            }, reader);
        }
    }

    /** The SQL text once, cut where the declared parameters go. */
    private Rendered render(DSLContext dsl) {
        // No casts around the marks: each call's value renders its own cast when its type needs one.
        Settings settings = SettingsTools.clone(dsl.settings()).withRenderNamedParamPrefix(MARK)
                .withParamCastMode(ParamCastMode.NEVER);
        String sql = DSL.using(dsl.configuration().derive(settings)).renderNamedOrInlinedParams(shape);
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < params.length; i++) {
            indexByName.put(params[i].getParamName(), i);
        }
        List<String> chunks = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        boolean[] seen = new boolean[params.length];
        int from = 0;
        for (int at = sql.indexOf(MARK); at >= 0; at = sql.indexOf(MARK, from)) {
            int end = at + MARK.length();
            while (end < sql.length() && isNameChar(sql.charAt(end))) {
                end++;
            }
            String name = sql.substring(at + MARK.length(), end);
            Integer index = indexByName.get(name);
            if (index == null) {
                throw new IllegalStateException("the shape has a named parameter that was not declared: " + name);
            }
            seen[index] = true;
            chunks.add(sql.substring(from, at));
            slots.add(index);
            from = end;
        }
        chunks.add(sql.substring(from));
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("parameter " + params[i].getParamName()
                        + " is not bound in the rendered shape (jOOQ inlined it, or the shape does not use it): "
                        + sql.replace(MARK, ":"));
            }
        }
        return new Rendered(chunks.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean isNameChar(int c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    /** {@code chunks[i]} precedes the parameter {@code slots[i]}; the last chunk ends the text. */
    private record Rendered(String[] chunks, int[] slots) {
    }

    /** The rendered text with this call's values: writes the chunks, and lets jOOQ render and bind each value. */
    private static final class BoundText extends CustomQueryPart {

        private static final long serialVersionUID = 1L;
        private final transient Rendered text;
        private final transient Param<?>[] values;
        private final boolean select;

        BoundText(Rendered text, Param<?>[] values, boolean select) {
            this.text = text;
            this.values = values;
            this.select = select;
        }

        @Override
        public void accept(Context<?> ctx) {
            if (select && ctx.executeContext() != null) {
                // jOOQ sees plain SQL here, which replica routing must treat as a write; tell it this is a read.
                RoutingConnectionProvider.markRead(ctx.executeContext());
            }
            int[] slots = text.slots();
            String[] chunks = text.chunks();
            for (int i = 0; i < slots.length; i++) {
                ctx.sql(chunks[i]).visit(values[slots[i]]);
            }
            ctx.sql(chunks[slots.length]);
        }

        @Override
        public String toString() {
            return String.join("?", text.chunks()) + " " + Arrays.toString(values);
        }
    }
}
