package lu.entreprinder.persistence.core.internal;

import java.sql.Connection;
import org.jooq.ConnectionProvider;

/**
 * Hands jOOQ the connection of one transaction level, on whatever thread the statement runs, and refuses once that
 * level has ended: a {@code Transaction.dsl()} kept after its lambda returned must fail, not run in auto-commit.
 */
public final class TransactionBoundConnectionProvider implements ConnectionProvider {

    private final TransactionState state;

    public TransactionBoundConnectionProvider(TransactionState state) {
        this.state = state;
    }

    TransactionState state() {
        return state;
    }

    @Override
    public Connection acquire() {
        if (state.ended()) {
            throw new IllegalStateException("this transaction has ended: its Transaction.dsl() was used after the"
                    + " lambda given to inTransaction returned; run the statement inside the lambda or in a new transaction");
        }
        return state.connection();
    }

    @Override
    public void release(Connection connection) {
        // The transaction owns the connection; it goes back to the pool when the outermost level ends.
    }
}
