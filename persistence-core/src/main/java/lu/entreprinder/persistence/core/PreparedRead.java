package lu.entreprinder.persistence.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import lu.entreprinder.persistence.core.internal.RoutingConnectionProvider;
import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.Settings;
import org.jooq.conf.SettingsTools;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;

/**
 * A read whose SQL jOOQ renders once per dialect instead of on every call: the query is built once, typesafe, with
 * {@link DSL#param(String, org.jooq.DataType) named parameters} where the per-call values go, and each call only binds
 * those values. Rendering a query is most of jOOQ's client-side cost for a short read (a primary-key read spends a
 * third of its CPU on it, a listing with nested collections more), and the text of a hot read never changes.
 *
 * <pre>{@code
 * static final Param<Long> ID = DSL.param("id", USER.ID.getDataType());
 * static final PreparedRead<Record2<Long, String>> NAME = PreparedRead.of(
 *         select(USER.ID, USER.USERNAME).from(USER).where(USER.ID.eq(ID)), ID);
 * ...
 * NAME.bind(db.dsl(), 42L).fetchOptional(r -> new Account(r.value1(), r.value2()));
 * }</pre>
 *
 * <p>Values other than the declared parameters (constants of the shape) are rendered inline, so a shape must not hide
 * per-call values in them. Columns are read through the shape's own fields, so converters (user ids as {@code Long},
 * nested {@code multiset} records) apply as in the query itself. A statement sent through a {@code PreparedRead} is
 * counted, timed, translated, bound to the caller's transaction and (outside one) routed to a read replica like the
 * query it was built from: only its SQL text is reused.
 * A shape whose conditions vary (optional filters) needs one {@code PreparedRead} per combination.
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
    private final Field<?>[] fields;
    /** Whether the shape is a {@code SELECT}: replica routing must see the bound text as the read it is. */
    private final boolean select;
    private final Map<SQLDialect, Rendered> rendered = new ConcurrentHashMap<>(4);

    private PreparedRead(ResultQuery<R> shape, Param<?>[] params) {
        this.shape = shape;
        this.params = params;
        this.fields = shape.fields();
        this.select = shape instanceof Select<?>;
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
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " values, got " + values.length);
        }
        Param<?>[] bound = new Param<?>[values.length];
        for (int i = 0; i < values.length; i++) {
            bound[i] = bindValue(params[i], values[i]);
        }
        Rendered text = rendered.computeIfAbsent(dsl.dialect(), dialect -> render(dsl));
        return (ResultQuery<R>) dsl.resultQuery("{0}", new BoundText(text, bound, select)).coerce(fields);
    }

    private static <T> Param<T> bindValue(Param<T> param, Object value) {
        if (value != null && !param.getType().isInstance(value)) {
            throw new IllegalArgumentException("parameter " + param.getParamName() + " takes "
                    + param.getType().getName() + ", got " + value.getClass().getName());
        }
        return DSL.val(param.getType().cast(value), param.getDataType());
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
