package lu.entreprinder.persistence.benchmarks.data;

import java.util.List;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Where generated rows go: the library's batch path ({@link LibraryBatchSink}) or PostgreSQL COPY
 * ({@link CopySink}). Rows are streamed, never held in memory as a whole. Values have the Java types of the generated
 * jOOQ fields ({@code Long} for {@code auth_user.id} and the user-id columns, {@code JSONB}, {@code OffsetDateTime}, ...).
 */
public interface RowSink {

    /** Starts a table; the following {@link #row} calls give values in the order of {@code fields}. */
    void begin(Table<?> table, List<Field<?>> fields);

    void row(Object... values);

    /** Flushes what is buffered for the current table. */
    void end();

    /** Runs {@code body} (which calls begin/row/end) in one transaction and commits. Once per sink. */
    void inTransaction(Runnable body);
}
