package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;

/**
 * Hands jOOQ the connection of the current thread's transaction when there is one, so a DAO built over
 * {@code database.dsl()} takes part in the caller's transaction; otherwise a pooled connection per statement.
 */
public final class ThreadBoundConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final Supplier<TransactionState> current;
    private final ErrorTranslator translator;

    public ThreadBoundConnectionProvider(DataSource dataSource, Supplier<TransactionState> current, ErrorTranslator translator) {
        this.dataSource = dataSource;
        this.current = current;
        this.translator = translator;
    }

    @Override
    public Connection acquire() {
        TransactionState tx = current.get();
        if (tx != null) {
            return tx.connection();
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw translator.translate(e);
        }
    }

    @Override
    public void release(Connection connection) {
        TransactionState tx = current.get();
        if (tx != null && tx.connection() == connection) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw translator.translate(e);
        }
    }
}
