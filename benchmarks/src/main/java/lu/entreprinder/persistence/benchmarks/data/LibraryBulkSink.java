package lu.entreprinder.persistence.benchmarks.data;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.BulkLoader;
import lu.entreprinder.persistence.core.internal.ErrorTranslator;
import lu.entreprinder.persistence.core.internal.StatementCounting;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.schema.generated.tables.records.UserRecord;
import org.jooq.Field;
import org.jooq.SQLDialect;
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
    private boolean importedUsers;

    /** How the records are built and loaded: the first is the library variant, the others diagnostics of it. */
    public enum Mode {
        /** Typed setters, {@code Database.bulkInsert}. */
        BULK_INSERT,
        /** The generic {@code record.set(field, value)} per value, {@code Database.bulkInsert}. */
        GENERIC_RECORDS,
        /** Typed setters, the library's COPY writer held to COPY's text format (same connection handling). */
        TEXT_COPY
    }

    private final Mode mode;

    public LibraryBulkSink(Database db) {
        this(db, Mode.BULK_INSERT);
    }

    public LibraryBulkSink(Database db, Mode mode) {
        this.db = db;
        this.mode = mode;
    }

    @Override
    public void begin(Table<?> table, List<Field<?>> fields) {
        this.table = table;
        this.fields = List.copyOf(fields);
        this.importedUsers = mode != Mode.GENERIC_RECORDS && table == USER
                && this.fields.equals(DataSet.importUserFields());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void row(Object... values) {
        if (importedUsers) {
            records.add(user(values));
            return;
        }
        TableRecord<?> record = (TableRecord<?>) db.dsl().newRecord((Table) table);
        for (int i = 0; i < values.length; i++) {
            record.set((Field<Object>) fields.get(i), values[i]);
        }
        records.add(record);
    }

    /**
     * An imported user as an application builds it: the generated record's typed setters (what a jOOQ user writes
     * for a known table; the generic {@code set(Field, value)} above looks every field up, about twice the cost).
     */
    private UserRecord user(Object[] v) {
        UserRecord record = db.dsl().newRecord(USER);
        record.setPassword((String) v[0]);
        record.setLastLogin((OffsetDateTime) v[1]);
        record.setIsSuperuser((Boolean) v[2]);
        record.setUsername((String) v[3]);
        record.setFirstName((String) v[4]);
        record.setLastName((String) v[5]);
        record.setEmail((String) v[6]);
        record.setIsStaff((Boolean) v[7]);
        record.setIsActive((Boolean) v[8]);
        record.setDateJoined((OffsetDateTime) v[9]);
        return record;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void end() {
        if (mode == Mode.TEXT_COPY) {
            textCopy((Table) table, (List) records);
        } else {
            db.bulkInsert((Table) table, (List) records);
        }
        records.clear();
        statements++;
    }

    private <R extends TableRecord<R>> void textCopy(Table<R> table, List<R> rows) {
        BulkLoader loader = new BulkLoader(new ErrorTranslator(SQLDialect.POSTGRES, DefaultSchema.DEFAULT_SCHEMA),
                new StatementCounting());
        List<Field<?>> columns = BulkLoader.columns(table, rows);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                loader.copy(c, table, columns, rows, false);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
