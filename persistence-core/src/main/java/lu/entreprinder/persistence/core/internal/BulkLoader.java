package lu.entreprinder.persistence.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.CheckViolationException;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.DataAccessFailureException;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.NotNullViolationException;
import lu.entreprinder.persistence.core.ValidationException;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * Django's {@code bulk_create}: many rows of one table in one transaction. Every row is checked in Java first
 * (required columns, lengths), so a bad row is refused by name before anything is sent. PostgreSQL loads with
 * {@code COPY ... FROM STDIN} (one statement, streamed); SQLite with multi-row {@code INSERT}s of up to
 * {@value #SQLITE_ROWS} rows. A row the database refuses is named too: from COPY's error context on PostgreSQL,
 * by replaying the refused chunk row by row (each in a savepoint) on SQLite.
 */
public final class BulkLoader {

    /** Rows per SQLite INSERT: far below its 32,766 bind variables for the widest table. */
    static final int SQLITE_ROWS = 500;
    private static final Pattern COPY_LINE = Pattern.compile("COPY \\S+, line (\\d+)");

    private final ErrorTranslator translator;
    private final StatementCounting counting;

    public BulkLoader(ErrorTranslator translator, StatementCounting counting) {
        this.translator = translator;
        this.counting = counting;
    }

    /** The columns to write: those set on the first row; every other row must set the same ones. */
    public static <R extends TableRecord<R>> List<Field<?>> columns(Table<R> table, List<? extends R> rows) {
        R first = rows.get(0);
        Field<?>[] all = table.fields();
        List<Field<?>> fields = new ArrayList<>();
        boolean[] set = new boolean[all.length];
        for (int c = 0; c < all.length; c++) {
            set[c] = first.changed(c);
            if (set[c]) {
                fields.add(all[c]);
            }
        }
        if (fields.isEmpty()) {
            throw new ValidationException("rows[0]", "sets no column");
        }
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            if (row == null) {
                throw new ValidationException("rows[" + i + "]", "is required");
            }
            for (int c = 0; c < all.length; c++) {
                if (row.changed(c) != set[c]) {
                    throw new ValidationException("rows[" + i + "]." + all[c].getName(),
                            (set[c] ? "is not set, but is on rows[0]" : "is set, but not on rows[0]")
                            + ": every row must set the same columns");
                }
                if (set[c]) {
                    check(all[c], row.get(c), i);
                }
            }
        }
        return fields;
    }

    private static void check(Field<?> field, Object value, int row) {
        DataType<?> type = field.getDataType();
        String name = "rows[" + row + "]." + field.getName();
        if (value == null && !type.nullable() && !type.identity()) {
            throw new ValidationException(name, "is required (the column is NOT NULL)");
        }
        if (value instanceof String s && type.hasLength() && type.length() > 0 && s.length() > type.length()) {
            throw new ValidationException(name, "is longer than " + type.length() + " characters (" + s.length() + ")");
        }
    }

    /** PostgreSQL: one COPY on the transaction's connection. */
    public <R extends TableRecord<R>> void copy(Connection connection, Table<R> table, List<Field<?>> fields,
                                                List<? extends R> rows) {
        StringBuilder sql = new StringBuilder("COPY ").append(quoted(table.getName())).append(" (");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quoted(fields.get(i).getName()));
        }
        sql.append(") FROM STDIN");
        counting.statementExecuted();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(sql.toString(), new RowsReader(fields, rows)); // sql-constant: generated names
        } catch (SQLException | IOException e) {
            RuntimeException translated = translator.translate(e);
            Matcher line = e instanceof PSQLException p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getWhere() != null
                    ? COPY_LINE.matcher(p.getServerErrorMessage().getWhere()) : null;
            throw line != null && line.find()
                    ? atRow(translated, Integer.parseInt(line.group(1)) - 1, table) : translated;
        }
    }

    /**
     * SQLite: multi-row INSERTs, each chunk in a savepoint; a refused chunk is replayed row by row to name the row.
     *
     * @param inSavepoint runs its argument as a nested transaction on the bulk's own transaction
     */
    public <R extends TableRecord<R>> void insert(DSLContext dsl, Function<Runnable, Void> inSavepoint, Table<R> table,
                                                  List<Field<?>> fields, List<? extends R> rows) {
        for (int from = 0; from < rows.size(); from += SQLITE_ROWS) {
            List<? extends R> chunk = rows.subList(from, Math.min(rows.size(), from + SQLITE_ROWS));
            try {
                inSavepoint.apply(() -> insertRows(dsl, table, fields, chunk));
            } catch (RuntimeException chunkFailure) {
                for (int i = 0; i < chunk.size(); i++) {
                    List<? extends R> one = chunk.subList(i, i + 1);
                    try {
                        inSavepoint.apply(() -> insertRows(dsl, table, fields, one));
                    } catch (RuntimeException rowFailure) {
                        throw atRow(rowFailure, from + i, table);
                    }
                }
                throw chunkFailure;
            }
        }
    }

    private static <R extends TableRecord<R>> void insertRows(DSLContext dsl, Table<R> table, List<Field<?>> fields,
                                                              List<? extends R> rows) {
        var insert = dsl.insertInto(table, fields);
        for (R row : rows) {
            List<Object> values = new ArrayList<>(fields.size());
            for (Field<?> field : fields) {
                values.add(row.get(field));
            }
            insert = insert.values(values);
        }
        insert.execute();
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The same failure, saying which row (0-based, as in the caller's list) the database refused. */
    private static RuntimeException atRow(RuntimeException failure, int row, Table<?> table) {
        String message = "rows[" + row + "] of the bulk insert into " + table.getName() + ": " + failure.getMessage();
        return switch (failure) {
            case ConflictException e -> new ConflictException(message, e.constraint(), e);
            case ForeignKeyViolationException e -> new ForeignKeyViolationException(message, e.constraint(), e);
            case CheckViolationException e -> new CheckViolationException(message, e.constraint(), e);
            case NotNullViolationException e -> new NotNullViolationException(message, e.constraint(), e);
            case DataAccessFailureException e -> new DataAccessFailureException(message, e.sqlState(), e);
            default -> failure;
        };
    }

    /** Renders the rows in COPY's text format as the driver reads them, so nothing is built up front. */
    private static final class RowsReader extends Reader {
        private final List<Field<?>> fields;
        private final List<? extends TableRecord<?>> rows;
        private final StringBuilder buffer = new StringBuilder(8192);
        private int next;
        private int position;

        private final int[] positions;
        private final boolean[] converted;

        RowsReader(List<Field<?>> fields, List<? extends TableRecord<?>> rows) {
            this.fields = fields;
            this.rows = rows;
            TableRecord<?> first = rows.get(0);
            this.positions = new int[fields.size()];
            this.converted = new boolean[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                positions[i] = first.indexOf(fields.get(i));
                converted[i] = fields.get(i).getConverter().fromType() != fields.get(i).getConverter().toType();
            }
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position == buffer.length()) {
                buffer.setLength(0);
                position = 0;
                while (buffer.length() < 8192 && next < rows.size()) {
                    render(rows.get(next++));
                }
                if (buffer.isEmpty()) {
                    return -1;
                }
            }
            int n = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + n, target, offset);
            position += n;
            return n;
        }

        @SuppressWarnings("unchecked")
        private void render(TableRecord<?> row) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object value = row.get(positions[i]);
                if (converted[i]) {
                    value = ((Field<Object>) fields.get(i)).getConverter().to(value);
                }
                append(value, fields.get(i));
            }
            buffer.append('\n');
        }

        private void append(Object value, Field<?> field) {
            switch (value) {
                case null -> buffer.append("\\N");
                case Boolean b -> buffer.append(b ? 't' : 'f');
                case Integer n -> buffer.append(n.intValue());
                case Long n -> buffer.append(n.longValue());
                case Short n -> buffer.append(n.shortValue());
                case BigDecimal d -> buffer.append(d.toPlainString());
                case JSONB j -> escape(j.data());
                case JSON j -> escape(j.data());
                case String s -> escape(s);
                case byte[] ignored -> throw new UnsupportedOperationException(
                        "bulk insert of binary column " + field.getName() + " on PostgreSQL");
                case Object[] ignored -> throw new UnsupportedOperationException(
                        "bulk insert of array column " + field.getName() + " on PostgreSQL");
                default -> escape(value.toString()); // numbers, dates, times, UUIDs: their ISO text is what COPY reads
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

        @Override
        public void close() {
            // nothing to release
        }
    }
}
