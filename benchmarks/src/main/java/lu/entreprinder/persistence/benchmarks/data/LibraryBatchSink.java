package lu.entreprinder.persistence.benchmarks.data;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import org.jooq.BatchBindStep;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The library's batch path: one {@code INSERT} with bind values per table, executed as a jOOQ
 * {@code batch(query).bind(row)...} through {@link Database#dsl()} inside {@link Database#inTransaction}. pgjdbc's
 * {@code reWriteBatchedInserts} (which core enables) turns each JDBC batch into multi-row {@code INSERT}s.
 */
public final class LibraryBatchSink implements RowSink {

    /** Rows per JDBC batch (one {@code executeBatch}). */
    public static final int BATCH_ROWS = 5_000;

    private final Database db;
    private final boolean plainSql;
    private final List<Object[]> pending = new ArrayList<>(BATCH_ROWS);
    private Table<?> table;
    private List<Field<?>> fields;
    private long batches;

    /** The typed path: {@code insertInto(TABLE, fields).values(...)} bound row by row. */
    public LibraryBatchSink(Database db) {
        this(db, false);
    }

    /**
     * @param plainSql bind the rows to a plain-SQL {@code INSERT} ({@code db.dsl().batch("insert ... values (?, ...)")})
     *                 instead of the typed query: the values then skip the fields' converters and bindings (measures
     *                 what the typed binding costs)
     */
    public LibraryBatchSink(Database db, boolean plainSql) {
        this.db = db;
        this.plainSql = plainSql;
    }

    @Override
    public void begin(Table<?> table, List<Field<?>> fields) {
        this.table = table;
        this.fields = List.copyOf(fields);
    }

    @Override
    public void row(Object... values) {
        pending.add(values);
        if (pending.size() >= BATCH_ROWS) {
            flush();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        BatchBindStep batch;
        if (plainSql) {
            batch = db.dsl().batch("insert into " + table.getName() + " (" // sql-constant: generated names
                    + String.join(", ", fields.stream().map(Field::getName).toList()) + ") values ("
                    + String.join(", ", fields.stream().map(f -> "cast(? as "
                            + f.getDataType().getCastTypeName(db.dsl().configuration()) + ")").toList()) + ")");
        } else {
            Object[] placeholders = new Object[fields.size()];
            batch = db.dsl().batch(db.dsl().insertInto((Table) table, (List) fields).values(placeholders));
        }
        for (Object[] row : pending) {
            batch = batch.bind(row);
        }
        batch.execute();
        batches++;
        pending.clear();
    }

    @Override
    public void end() {
        flush();
    }

    /** JDBC batches executed so far. */
    public long batches() {
        return batches;
    }

    @Override
    public void inTransaction(Runnable body) {
        db.useTransaction(tx -> body.run());
    }
}
