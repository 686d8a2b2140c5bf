package lu.entreprinder.persistence.core.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.tools.jdbc.DefaultResultSet;

/**
 * A result set read inside a transaction that refuses to move on once the transaction has ended: its connection is
 * back in the pool (PostgreSQL then fails on its own, SQLite would silently report no more rows).
 */
final class TransactionResultSet extends DefaultResultSet {

    private final TransactionState transaction;

    TransactionResultSet(ResultSet delegate, TransactionState transaction) {
        super(delegate);
        this.transaction = transaction;
    }

    @Override
    public boolean next() throws SQLException {
        if (transaction.transactionFinished()) {
            throw new IllegalStateException("a cursor opened inside a transaction was read after that transaction"
                    + " ended; read it inside the transaction, or fetch the rows eagerly");
        }
        return super.next();
    }
}
