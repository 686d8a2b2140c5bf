package lu.entreprinder.persistence.core.internal;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.SQLXML;
import org.jooq.BindingSetStatementContext;
import org.jooq.Configuration;
import org.jooq.ContextConverter;
import org.jooq.Converter;

/** {@link DirectScope} for binding one value: the statement, its index and the value. */
final class DirectBindingContext<U> extends DirectScope implements BindingSetStatementContext<U> {

    private final PreparedStatement statement;
    private final int index;
    private final U value;

    DirectBindingContext(Configuration configuration, PreparedStatement statement, int index, U value) {
        super(configuration);
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
        return new DirectBindingContext<>(configuration(), statement, index, converted);
    }

    @SuppressWarnings("unchecked")
    private <T> T contextTo(ContextConverter<?, ?> converter, U userValue) {
        return ((ContextConverter<T, U>) converter).to(userValue, this);
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
}
