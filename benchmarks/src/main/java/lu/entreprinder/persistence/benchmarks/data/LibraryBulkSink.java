package lu.entreprinder.persistence.benchmarks.data;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * The library's public bulk API: the generated rows become records of the generated table, and
 * {@link Database#bulkInsert} loads them (COPY on PostgreSQL) in one transaction. The records are held until
 * {@link #end} (the API takes a list).
 */
public final class LibraryBulkSink implements RowSink {

    private final Database db;
    private final List<TableRecord<?>> records = new ArrayList<>();
    private Table<?> table;
    private List<Field<?>> fields;
    private long statements;

    public LibraryBulkSink(Database db) {
        this.db = db;
    }

    @Override
    public void begin(Table<?> table, List<Field<?>> fields) {
        this.table = table;
        this.fields = List.copyOf(fields);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void row(Object... values) {
        TableRecord<?> record = (TableRecord<?>) db.dsl().newRecord((Table) table);
        for (int i = 0; i < values.length; i++) {
            record.set((Field<Object>) fields.get(i), values[i]);
        }
        records.add(record);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void end() {
        db.bulkInsert((Table) table, (List) records);
        records.clear();
        statements++;
    }

    @Override
    public void inTransaction(Runnable body) {
        body.run(); // bulkInsert is its own transaction
    }

    /** bulkInsert calls (one COPY each on PostgreSQL). */
    public long statements() {
        return statements;
    }
}
