package lu.entreprinder.persistence.benchmarks.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} (text format) through pgjdbc's {@code CopyManager}: the limit a bulk import
 * can reach. One connection, autocommit off, one commit at the end of {@link #inTransaction}.
 * Single use.
 */
public final class CopySink implements RowSink {

    private static final int FLUSH_BYTES = 1 << 20;

    private final Connection connection;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    private CopyIn copy;
    private long rows;

    public CopySink(DataSource dataSource) {
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void begin(Table<?> table, List<Field<?>> fields) {
        String columns = fields.stream().map(Field::getName).collect(Collectors.joining(", "));
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.getName() + " (" + columns + ") FROM STDIN"); // sql-constant: generated names
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void append(Object value) {
        switch (value) {
            case null -> buffer.append("\\N");
            case Boolean b -> buffer.append(b ? 't' : 'f');
            case Integer n -> buffer.append(n.intValue());
            case Long n -> buffer.append(n.longValue());
            case BigDecimal d -> buffer.append(d.toPlainString());
            case JSONB j -> escape(j.data());
            case String s -> escape(s);
            default -> escape(value.toString()); // OffsetDateTime, LocalDate: ISO-8601, which PostgreSQL reads
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void end() {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        copy = null;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void inTransaction(Runnable body) {
        try (connection) {
            body.run();
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
