package lu.entreprinder.persistence.core.internal;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.SQLXML;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.BindingSetStatementContext;
import org.jooq.Configuration;
import org.jooq.ContextConverter;
import org.jooq.Converter;
import org.jooq.ConverterContext;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;

/**
 * What a {@link org.jooq.Binding} of its own (the schema's UTC timestamps, say) is given to bind one value on the
 * direct path: the statement, the index, the value and the configuration. There is no execute context there, and no
 * resource to free after the statement: a binding that asks for one gets {@link Unsupported}, and the read takes
 * jOOQ's path instead (nothing has been sent by then).
 */
final class DirectBindingContext<U> implements BindingSetStatementContext<U>, ConverterContext {

    /** The binding needs more than the direct path gives; the caller falls back to jOOQ's path. */
    static final class Unsupported extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super("a binding asked for " + what + ", which the direct path does not have", null, false, false);
        }
    }

    private final Configuration configuration;
    private final PreparedStatement statement;
    private final int index;
    private final U value;
    private Map<Object, Object> data;

    DirectBindingContext(Configuration configuration, PreparedStatement statement, int index, U value) {
        this.configuration = configuration;
        this.statement = statement;
        this.index = index;
        this.value = value;
    }

    @Override
    public PreparedStatement statement() {
        return statement;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public U value() {
        return value;
    }

    @Override
    public <T> BindingSetStatementContext<T> convert(Converter<? extends T, ? super U> converter) {
        T converted = converter instanceof ContextConverter<?, ?> scoped
                ? contextTo(scoped, value) : converter.to(value);
        return new DirectBindingContext<>(configuration, statement, index, converted);
    }

    @SuppressWarnings("unchecked")
    private <T> T contextTo(ContextConverter<?, ?> converter, U userValue) {
        return ((ContextConverter<T, U>) converter).to(userValue, this);
    }

    @Override
    public ConverterContext converterContext() {
        return this;
    }

    @Override
    public ExecuteContext executeContext() {
        throw new Unsupported("an execute context");
    }

    @Override
    public Array autoFree(Array resource) {
        throw new Unsupported("a resource to free after the statement");
    }

    @Override
    public Blob autoFree(Blob resource) {
        throw new Unsupported("a resource to free after the statement");
    }

    @Override
    public Clob autoFree(Clob resource) {
        throw new Unsupported("a resource to free after the statement");
    }

    @Override
    public SQLXML autoFree(SQLXML resource) {
        throw new Unsupported("a resource to free after the statement");
    }

    @Override
    public <R extends java.io.Closeable> R autoClose(R resource) {
        throw new Unsupported("a resource to close after the statement");
    }

    @Override
    public <R extends AutoCloseable> R autoClose(R resource) {
        throw new Unsupported("a resource to close after the statement");
    }

    @Override
    public Instant creationTime() {
        return Instant.now();
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public DSLContext dsl() {
        return configuration.dsl();
    }

    @Override
    public Settings settings() {
        return configuration.settings();
    }

    @Override
    public SQLDialect dialect() {
        return configuration.dialect();
    }

    @Override
    public SQLDialect family() {
        return configuration.dialect().family();
    }

    @Override
    public Map<Object, Object> data() {
        if (data == null) {
            data = new HashMap<>();
        }
        return data;
    }

    @Override
    public Object data(Object key) {
        return data == null ? null : data.get(key);
    }

    @Override
    public Object data(Object key, Object newValue) {
        return data().put(key, newValue);
    }
}
