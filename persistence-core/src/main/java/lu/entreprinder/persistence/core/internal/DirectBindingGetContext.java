package lu.entreprinder.persistence.core.internal;

import java.sql.ResultSet;
import java.util.function.Consumer;
import org.jooq.BindingGetResultSetContext;
import org.jooq.Configuration;
import org.jooq.ContextConverter;
import org.jooq.Converter;
import org.jooq.Field;

/** {@link DirectScope} for reading one column of the current row: the result set, the index and the field. */
final class DirectBindingGetContext<U> extends DirectScope implements BindingGetResultSetContext<U> {

    private final ResultSet resultSet;
    private final int index;
    private final Field<U> field;
    private final Consumer<U> sink;
    private U value;

    DirectBindingGetContext(Configuration configuration, ResultSet resultSet, int index, Field<U> field) {
        this(configuration, resultSet, index, field, null);
    }

    private DirectBindingGetContext(Configuration configuration, ResultSet resultSet, int index, Field<U> field,
                                    Consumer<U> sink) {
        super(configuration);
        this.resultSet = resultSet;
        this.index = index;
        this.field = field;
        this.sink = sink;
    }

    @Override
    public ResultSet resultSet() {
        return resultSet;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public Field<U> field() {
        return field;
    }

    @Override
    public void value(U newValue) {
        if (sink != null) {
            sink.accept(newValue);
        }
        this.value = newValue;
    }

    /** The value the binding read. */
    U value() {
        return value;
    }

    @Override
    public <T> BindingGetResultSetContext<T> convert(Converter<? super T, ? extends U> converter) {
        // the binding reads a T; this context's value is its conversion to U
        return new DirectBindingGetContext<T>(configuration(), resultSet, index, null,
                read -> value(converter instanceof ContextConverter<?, ?> scoped ? contextFrom(scoped, read)
                        : converter.from(read)));
    }

    @SuppressWarnings("unchecked")
    private <T> U contextFrom(ContextConverter<?, ?> converter, T read) {
        return ((ContextConverter<T, U>) converter).from(read, this);
    }
}
