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
 *
 * <p>The template query is built from the batch's first row, not from {@code null} placeholders as jOOQ's manual
 * shows: jOOQ binds each value with its placeholder's data type, and a non-null value on a nullable placeholder of
 * a column with a converter or binding (every {@code timestamptz} and {@code numeric(*,2)} column here) makes jOOQ
 * build a new converted {@code DataType} per value (about 1.6 µs each, with regular expressions, measured) instead
 * of reusing the column's. {@link Template#NULLS} keeps the manual's form, to measure that cost.
 */
public final class LibraryBatchSink implements RowSink {

    /** Rows per JDBC batch (one {@code executeBatch}). */
    public static final int BATCH_ROWS = 5_000;

    /** How the batch's INSERT is made. */
    public enum Template {
        /** {@code insertInto(TABLE, fields).values(firstRow)}: typed, placeholders typed like the values. */
        FIRST_ROW,
        /** {@code insertInto(TABLE, fields).values(null, ...)}: typed, as jOOQ's manual shows batches. */
        NULLS,
        /**
         * A plain-SQL {@code INSERT ... VALUES (cast(? as ...), ...)} through {@code db.dsl().batch(sql)}: the values
         * skip the fields' converters and bindings (what the typed binding costs at all).
         */
        PLAIN_SQL
    }

    private final Database db;
    private final Template template;
    private final List<Object[]> pending = new ArrayList<>(BATCH_ROWS);
    private Table<?> table;
    private List<Field<?>> fields;
    private long batches;

    /** The typed path: {@code insertInto(TABLE, fields).values(firstRow)} bound row by row. */
    public LibraryBatchSink(Database db) {
        this(db, Template.FIRST_ROW);
    }

    public LibraryBatchSink(Database db, Template template) {
        this.db = db;
        this.template = template;
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
        if (template == Template.PLAIN_SQL) {
            batch = db.dsl().batch("insert into " + table.getName() + " (" // sql-constant: generated names
                    + String.join(", ", fields.stream().map(Field::getName).toList()) + ") values ("
                    + String.join(", ", fields.stream().map(f -> "cast(? as "
                            + f.getDataType().getCastTypeName(db.dsl().configuration()) + ")").toList()) + ")");
        } else {
            Object[] placeholders = template == Template.NULLS ? new Object[fields.size()] : pending.get(0);
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
