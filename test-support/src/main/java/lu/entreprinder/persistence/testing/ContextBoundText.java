package lu.entreprinder.persistence.testing;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.DefaultBinding;
import org.jooq.impl.SQLDataType;

/**
 * Text bound and read as jOOQ does, but only with jOOQ's execute context (as a binding that frees resources after
 * the statement would need it): binding a value without one, or reading one that starts with {@code "b"}, fails.
 * For the tests of the library's paths that bypass jOOQ's execution: they must hand such a binding to jOOQ.
 */
public final class ContextBoundText implements Binding<String, String> {

    private static final long serialVersionUID = 1L;
    private static final Binding<String, String> TEXT = DefaultBinding.binding(SQLDataType.VARCHAR);

    /** Values bound, each with an execute context. */
    public final transient AtomicInteger bound = new AtomicInteger();
    /** Values starting with "b" read, each with an execute context. */
    public final transient AtomicInteger read = new AtomicInteger();

    @Override
    public Converter<String, String> converter() {
        return TEXT.converter();
    }

    @Override
    public void sql(BindingSQLContext<String> ctx) throws SQLException {
        TEXT.sql(ctx);
    }

    @Override
    public void register(BindingRegisterContext<String> ctx) throws SQLException {
        TEXT.register(ctx);
    }

    @Override
    public void set(BindingSetStatementContext<String> ctx) throws SQLException {
        if (ctx.executeContext() == null) {
            throw new IllegalStateException("bound without jOOQ's execute context");
        }
        bound.incrementAndGet();
        TEXT.set(ctx);
    }

    @Override
    public void set(BindingSetSQLOutputContext<String> ctx) throws SQLException {
        TEXT.set(ctx);
    }

    @Override
    public void get(BindingGetResultSetContext<String> ctx) throws SQLException {
        String value = ctx.resultSet().getString(ctx.index());
        if (value != null && value.startsWith("b")) {
            if (ctx.executeContext() == null) {
                throw new IllegalStateException("read without jOOQ's execute context");
            }
            read.incrementAndGet();
        }
        TEXT.get(ctx);
    }

    @Override
    public void get(BindingGetStatementContext<String> ctx) throws SQLException {
        TEXT.get(ctx);
    }

    @Override
    public void get(BindingGetSQLInputContext<String> ctx) throws SQLException {
        TEXT.get(ctx);
    }
}
