package lu.entreprinder.persistence.benchmarks.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Hand-written JDBC batches: one {@code PreparedStatement} per table, {@code setObject} per value,
 * {@code executeBatch} every {@link LibraryBatchSink#BATCH_ROWS} rows, on a connection of the library's pool (so
 * pgjdbc's {@code reWriteBatchedInserts} applies as it does to the library). The driver's own limit for
 * {@code INSERT}s. Handles the value types of {@code auth_user} (strings, booleans, {@code OffsetDateTime}).
 */
public final class JdbcBatchSink implements RowSink {

    private final DataSource dataSource;
    private Connection connection;
    private PreparedStatement statement;
    private int pending;
    private long batches;

    public JdbcBatchSink(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void begin(Table<?> table, List<Field<?>> fields) {
        String sql = "INSERT INTO " + table.getName() + " (" // sql-constant: generated names
                + String.join(", ", fields.stream().map(Field::getName).toList()) + ") VALUES ("
                + String.join(", ", fields.stream().map(f -> "?").toList()) + ")";
        try {
            statement = connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void row(Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending >= LibraryBatchSink.BATCH_ROWS) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            batches++;
            pending = 0;
        }
    }

    @Override
    public void end() {
        try {
            flush();
            statement.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JDBC batches executed so far. */
    public long batches() {
        return batches;
    }

    @Override
    public void inTransaction(Runnable body) {
        try (Connection c = dataSource.getConnection()) {
            connection = c;
            c.setAutoCommit(false);
            try {
                body.run();
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                connection = null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
