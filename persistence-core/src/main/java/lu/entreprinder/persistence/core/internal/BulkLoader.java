package lu.entreprinder.persistence.core.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.jooq.Binding;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * Django's {@code bulk_create}: many rows of one table in one transaction. Every row is checked in Java first
 * (required columns, lengths), so a bad row is refused by name before anything is sent. PostgreSQL loads with
 * {@code COPY ... FROM STDIN} (one statement; the rows are encoded straight into the bytes sent, in chunks, in the
 * binary format when every column's type allows it, else the text format); SQLite with multi-row {@code INSERT}s of up to
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
        boolean[] required = new boolean[all.length];
        int[] maxLength = new int[all.length];
        for (int c = 0; c < all.length; c++) {
            set[c] = first.changed(c);
            if (set[c]) {
                fields.add(all[c]);
                DataType<?> type = all[c].getDataType();
                required[c] = !type.nullable() && !type.identity();
                maxLength[c] = type.hasLength() && type.length() > 0 ? type.length() : Integer.MAX_VALUE;
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
                    Object value = row.get(c);
                    if (value == null ? required[c] : value instanceof String s && s.length() > maxLength[c]) {
                        throw refused(all[c], value, i);
                    }
                }
            }
        }
        return fields;
    }

    private static ValidationException refused(Field<?> field, Object value, int row) {
        String name = "rows[" + row + "]." + field.getName();
        return value == null
                ? new ValidationException(name, "is required (the column is NOT NULL)")
                : new ValidationException(name, "is longer than " + field.getDataType().length() + " characters ("
                        + ((String) value).length() + ")");
    }

    /**
     * PostgreSQL: one COPY on the transaction's connection, the rows rendered straight into COPY's bytes: the binary
     * format when every column's type has a binary encoder here ({@link CopyBinary}), else the text format.
     */
    public <R extends TableRecord<R>> void copy(Connection connection, Table<R> table, List<Field<?>> fields,
                                                List<? extends R> rows) {
        copy(connection, table, fields, rows, true);
    }

    /** {@link #copy}, with the binary format allowed or not (the benchmarks compare the two formats). */
    public <R extends TableRecord<R>> void copy(Connection connection, Table<R> table, List<Field<?>> fields,
                                                List<? extends R> rows, boolean binary) {
        for (Field<?> field : fields) {
            DataType<?> type = field.getDataType();
            if (type.isBinary() || type.isArray()) {
                throw new UnsupportedOperationException("bulk insert of " + (type.isArray() ? "array" : "binary")
                        + " column " + field.getName() + " on PostgreSQL");
            }
        }
        StringBuilder sql = new StringBuilder("COPY ").append(quoted(table.getName())).append(" (");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quoted(fields.get(i).getName()));
        }
        int[] kinds = binary ? CopyBinary.kinds(fields) : null;
        sql.append(kinds != null ? ") FROM STDIN (FORMAT binary)" : ") FROM STDIN");
        counting.statementExecuted();
        CopyIn in = null;
        try {
            in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString()); // sql-constant: generated names
            if (kinds != null) {
                CopyBinary writer = new CopyBinary(in, fields, rows.get(0), kinds);
                for (R row : rows) {
                    writer.row(row);
                }
                writer.finish();
            } else {
                CopyText text = new CopyText(in, fields, rows.get(0));
                for (R row : rows) {
                    text.row(row);
                }
                text.flush();
            }
            in.endCopy();
        } catch (SQLException e) {
            RuntimeException translated = translator.translate(e);
            Matcher line = e instanceof PSQLException p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getWhere() != null
                    ? COPY_LINE.matcher(p.getServerErrorMessage().getWhere()) : null;
            throw line != null && line.find()
                    ? atRow(translated, Integer.parseInt(line.group(1)) - 1, table) : translated;
        } finally {
            cancel(in);
        }
    }

    /** Ends a COPY that did not finish (a failure while rendering), so that the transaction can roll back. */
    private static void cancel(CopyIn in) {
        if (in != null && in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction rolls back anyway; the first failure is the one reported
            }
        }
    }

    /**
     * SQLite: multi-row INSERTs, each chunk in a savepoint; a refused chunk is replayed row by row to name the row.
     * The full chunks share one statement, rendered by jOOQ and prepared once, their values set through each
     * field's own binding (the same conversion as jOOQ's insert); the last, shorter chunk is an ordinary insert.
     *
     * @param inSavepoint runs its argument as a nested transaction on the bulk's own transaction
     */
    public <R extends TableRecord<R>> void insert(DSLContext dsl, Function<Runnable, Void> inSavepoint, Table<R> table,
                                                  List<Field<?>> fields, List<? extends R> rows) {
        Configuration configuration = dsl.configuration();
        Connection connection = rows.size() >= SQLITE_ROWS ? configuration.connectionProvider().acquire() : null;
        PreparedStatement[] prepared = {null};
        try {
            for (int from = 0; from < rows.size(); from += SQLITE_ROWS) {
                List<? extends R> chunk = rows.subList(from, Math.min(rows.size(), from + SQLITE_ROWS));
                try {
                    if (chunk.size() == SQLITE_ROWS) {
                        inSavepoint.apply(() -> insertPrepared(dsl, connection, prepared, table, fields, chunk));
                    } else {
                        inSavepoint.apply(() -> insertRows(dsl, table, fields, chunk));
                    }
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
        } finally {
            if (prepared[0] != null) {
                try {
                    prepared[0].close();
                } catch (SQLException ignored) {
                    // closing a statement of a connection the transaction still owns
                }
            }
            if (connection != null) {
                configuration.connectionProvider().release(connection);
            }
        }
    }

    private <R extends TableRecord<R>> void insertPrepared(DSLContext dsl, Connection connection,
                                                           PreparedStatement[] prepared, Table<R> table,
                                                           List<Field<?>> fields, List<? extends R> chunk) {
        try {
            if (prepared[0] == null) {
                var insert = dsl.insertInto(table, fields);
                for (R row : chunk) {
                    insert = insert.values(values(row, fields));
                }
                prepared[0] = connection.prepareStatement(dsl.render(insert)); // sql-constant: rendered by jOOQ
            }
            PreparedStatement statement = prepared[0];
            Configuration configuration = dsl.configuration();
            int index = 1;
            try {
                for (R row : chunk) {
                    for (Field<?> field : fields) {
                        bind(configuration, statement, index++, field, row.get(field));
                    }
                }
            } catch (RuntimeException e) {
                if (!DirectBinding.isUnsupported(e)) {
                    throw e;
                }
                // a binding that needs jOOQ's execute context: nothing was sent; jOOQ's own insert for this chunk
                statement.clearParameters();
                insertRows(dsl, table, fields, chunk);
                return;
            }
            counting.statementExecuted();
            statement.executeUpdate();
        } catch (SQLException e) {
            throw translator.translate(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void bind(Configuration configuration, PreparedStatement statement, int index, Field<?> field,
                             Object value) throws SQLException {
        ((Binding<Object, Object>) field.getBinding()).set(
                new DirectBindingContext<>(configuration, statement, index, value));
    }

    private static List<Object> values(TableRecord<?> row, List<Field<?>> fields) {
        List<Object> values = new ArrayList<>(fields.size());
        for (Field<?> field : fields) {
            values.add(row.get(field));
        }
        return values;
    }

    private static <R extends TableRecord<R>> void insertRows(DSLContext dsl, Table<R> table, List<Field<?>> fields,
                                                              List<? extends R> rows) {
        var insert = dsl.insertInto(table, fields);
        for (R row : rows) {
            insert = insert.values(values(row, fields));
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

    /**
     * Renders rows in COPY's binary format: every value as PostgreSQL's wire form of its column's type, so the
     * server parses no text (timestamps, booleans, integers). Only for tables whose every written column has a type
     * listed in {@link #kind}; others load in the text format.
     */
    static final class CopyBinary {
        static final int CHUNK = 1 << 16;
        private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
                0, 0, 0, 0, 0, 0, 0, 0};
        /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds since 1970. */
        private static final long PG_EPOCH_SECONDS = 946_684_800L;
        private static final long PG_EPOCH_DAYS = 10_957L;

        private static final int BOOL = 1;
        private static final int INT2 = 2;
        private static final int INT4 = 3;
        private static final int INT8 = 4;
        private static final int TEXT = 5;
        private static final int TIMESTAMPTZ = 6;
        private static final int DATE = 7;
        private static final int JSONB = 8;
        private static final int FLOAT8 = 9;
        private static final int FLOAT4 = 10;
        private static final int UUID_ = 11;

        private final CopyIn in;
        private final List<Field<?>> fields;
        private final int[] positions;
        private final boolean[] converted;
        private final int[] kinds;
        private byte[] buffer = new byte[CHUNK + 1024];
        private int length;

        private CopyBinary(CopyIn in, List<Field<?>> fields, TableRecord<?> first, int[] kinds) {
            this.in = in;
            this.fields = fields;
            this.kinds = kinds;
            this.positions = new int[fields.size()];
            this.converted = new boolean[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                positions[i] = first.indexOf(fields.get(i));
                converted[i] = fields.get(i).getConverter().fromType() != fields.get(i).getConverter().toType();
            }
            System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
            length = HEADER.length;
        }

        /** The binary kinds of the columns, or null when one of them has a type this writer does not encode. */
        static int[] kinds(List<Field<?>> fields) {
            int[] kinds = new int[fields.size()];
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = kind(fields.get(i).getDataType());
                if (kinds[i] == 0) {
                    return null;
                }
            }
            return kinds;
        }

        private static int kind(DataType<?> dataType) {
            DataType<?> sql = dataType.getSQLDataType();
            if (sql == null || dataType.isArray() || dataType.isBinary()) {
                return 0;
            }
            Class<?> type = sql.getType();
            String name = sql.getTypeName().toLowerCase(java.util.Locale.ROOT);
            if (type == Boolean.class) {
                return BOOL;
            } else if (type == Short.class) {
                return INT2;
            } else if (type == Integer.class) {
                return INT4;
            } else if (type == Long.class) {
                return INT8;
            } else if (type == Double.class) {
                return FLOAT8;
            } else if (type == Float.class) {
                return FLOAT4;
            } else if (type == java.util.UUID.class) {
                return UUID_;
            } else if (type == OffsetDateTime.class) {
                return TIMESTAMPTZ;
            } else if (type == java.time.LocalDate.class) {
                return DATE;
            } else if (type == org.jooq.JSONB.class) {
                return JSONB;
            } else if (type == String.class && (name.equals("varchar") || name.equals("text") || name.equals("clob")
                    || name.equals("longvarchar") || name.equals("character varying"))) {
                return TEXT;
            }
            return 0;
        }

        @SuppressWarnings("unchecked")
        void row(TableRecord<?> row) throws SQLException {
            ensure(2);
            short16(positions.length);
            for (int i = 0; i < positions.length; i++) {
                Object value = row.get(positions[i]);
                if (converted[i]) {
                    value = ((Field<Object>) fields.get(i)).getConverter().to(value);
                }
                if (value == null) {
                    ensure(4);
                    int32(-1);
                    continue;
                }
                switch (kinds[i]) {
                    case BOOL -> {
                        ensure(5);
                        int32(1);
                        buffer[length++] = (byte) (((Boolean) value) ? 1 : 0);
                    }
                    case INT2 -> {
                        ensure(6);
                        int32(2);
                        short16(((Number) value).shortValue());
                    }
                    case INT4 -> {
                        ensure(8);
                        int32(4);
                        int32(((Number) value).intValue());
                    }
                    case INT8 -> {
                        ensure(12);
                        int32(8);
                        int64(((Number) value).longValue());
                    }
                    case FLOAT8 -> {
                        ensure(12);
                        int32(8);
                        int64(Double.doubleToLongBits(((Number) value).doubleValue()));
                    }
                    case FLOAT4 -> {
                        ensure(8);
                        int32(4);
                        int32(Float.floatToIntBits(((Number) value).floatValue()));
                    }
                    case UUID_ -> {
                        java.util.UUID u = (java.util.UUID) value;
                        ensure(20);
                        int32(16);
                        int64(u.getMostSignificantBits());
                        int64(u.getLeastSignificantBits());
                    }
                    case TIMESTAMPTZ -> {
                        OffsetDateTime t = (OffsetDateTime) value;
                        long seconds = t.toEpochSecond() - PG_EPOCH_SECONDS;
                        ensure(12);
                        int32(8);
                        int64(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), t.getNano() / 1000));
                    }
                    case DATE -> {
                        ensure(8);
                        int32(4);
                        int32(Math.toIntExact(((java.time.LocalDate) value).toEpochDay() - PG_EPOCH_DAYS));
                    }
                    case JSONB -> {
                        ensure(5);
                        int start = length;
                        length += 4;
                        buffer[length++] = 1; // jsonb's binary format version
                        utf8(((org.jooq.JSONB) value).data());
                        lengthAt(start);
                    }
                    default -> { // TEXT
                        ensure(4);
                        int start = length;
                        length += 4;
                        utf8((String) value);
                        lengthAt(start);
                    }
                }
            }
            if (length >= CHUNK) {
                flush();
            }
        }

        void finish() throws SQLException {
            ensure(2);
            short16(-1);
            flush();
        }

        private void flush() throws SQLException {
            if (length > 0) {
                in.writeToCopy(buffer, 0, length);
                length = 0;
            }
        }

        private void lengthAt(int start) {
            int n = length - start - 4;
            buffer[start] = (byte) (n >>> 24);
            buffer[start + 1] = (byte) (n >>> 16);
            buffer[start + 2] = (byte) (n >>> 8);
            buffer[start + 3] = (byte) n;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        private void short16(int v) {
            buffer[length++] = (byte) (v >>> 8);
            buffer[length++] = (byte) v;
        }

        private void int32(int v) {
            buffer[length++] = (byte) (v >>> 24);
            buffer[length++] = (byte) (v >>> 16);
            buffer[length++] = (byte) (v >>> 8);
            buffer[length++] = (byte) v;
        }

        private void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        /** UTF-8 (a lone surrogate becomes '?', as {@code String.getBytes}). */
        private void utf8(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (length == buffer.length) {
                        ensure(1);
                    }
                    buffer[length++] = (byte) c;
                } else {
                    ensure(4);
                    if (c < 0x800) {
                        buffer[length++] = (byte) (0xC0 | (c >> 6));
                        buffer[length++] = (byte) (0x80 | (c & 0x3F));
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        buffer[length++] = (byte) (0xF0 | (cp >> 18));
                        buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                    } else if (Character.isSurrogate(c)) {
                        buffer[length++] = '?';
                    } else {
                        buffer[length++] = (byte) (0xE0 | (c >> 12));
                        buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        buffer[length++] = (byte) (0x80 | (c & 0x3F));
                    }
                }
            }
        }
    }

    /**
     * Renders rows in COPY's text format straight into UTF-8 bytes and sends them in chunks of about
     * {@value #CHUNK} bytes: no string per row, and none per value for text, booleans, integers and timestamps.
     */
    static final class CopyText {
        static final int CHUNK = 1 << 16;

        private final CopyIn in;
        private final List<Field<?>> fields;
        private final int[] positions;
        private final boolean[] converted;
        private byte[] buffer = new byte[CHUNK + 1024];
        private int length;

        CopyText(CopyIn in, List<Field<?>> fields, TableRecord<?> first) {
            this.in = in;
            this.fields = fields;
            this.positions = new int[fields.size()];
            this.converted = new boolean[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                positions[i] = first.indexOf(fields.get(i));
                converted[i] = fields.get(i).getConverter().fromType() != fields.get(i).getConverter().toType();
            }
        }

        @SuppressWarnings("unchecked")
        void row(TableRecord<?> row) throws SQLException {
            for (int i = 0; i < positions.length; i++) {
                if (i > 0) {
                    put((byte) '\t');
                }
                Object value = row.get(positions[i]);
                if (converted[i]) {
                    value = ((Field<Object>) fields.get(i)).getConverter().to(value);
                }
                append(value, fields.get(i));
            }
            put((byte) '\n');
            if (length >= CHUNK) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (length > 0) {
                in.writeToCopy(buffer, 0, length);
                length = 0;
            }
        }

        private void append(Object value, Field<?> field) {
            switch (value) {
                case null -> pair('N');
                case String s -> escape(s);
                case Boolean b -> put((byte) (b ? 't' : 'f'));
                case Integer n -> number(n);
                case Long n -> number(n);
                case Short n -> number(n);
                case OffsetDateTime t -> timestamp(t);
                case BigDecimal d -> escape(d.toPlainString());
                case JSONB j -> escape(j.data());
                case JSON j -> escape(j.data());
                case byte[] ignored -> throw new UnsupportedOperationException(
                        "bulk insert of binary column " + field.getName() + " on PostgreSQL");
                case Object[] ignored -> throw new UnsupportedOperationException(
                        "bulk insert of array column " + field.getName() + " on PostgreSQL");
                default -> escape(value.toString()); // dates, times, UUIDs: their ISO text is what COPY reads
            }
        }

        private void put(byte b) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[length++] = b;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        private void number(long n) {
            if (n == Long.MIN_VALUE) {
                escape(Long.toString(n));
                return;
            }
            ensure(20);
            if (n < 0) {
                buffer[length++] = '-';
                n = -n;
            }
            int digits = 1;
            for (long p = 10; digits < 19 && p <= n; p *= 10) {
                digits++;
            }
            for (int i = length + digits - 1; i >= length; i--) {
                buffer[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            length += digits;
        }

        private void digits(int value, int width) {
            for (int i = length + width - 1; i >= length; i--) {
                buffer[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
        }

        /** ISO-8601 with the value's offset, truncated to microseconds as the typed path binds it. */
        private void timestamp(OffsetDateTime t) {
            int offset = t.getOffset().getTotalSeconds();
            if (t.getYear() < 1 || t.getYear() > 9999 || offset % 60 != 0) {
                escape(t.truncatedTo(ChronoUnit.MICROS).toString());
                return;
            }
            ensure(32);
            digits(t.getYear(), 4);
            buffer[length++] = '-';
            digits(t.getMonthValue(), 2);
            buffer[length++] = '-';
            digits(t.getDayOfMonth(), 2);
            buffer[length++] = ' ';
            digits(t.getHour(), 2);
            buffer[length++] = ':';
            digits(t.getMinute(), 2);
            buffer[length++] = ':';
            digits(t.getSecond(), 2);
            int micros = t.getNano() / 1000;
            if (micros != 0) {
                buffer[length++] = '.';
                digits(micros, 6);
            }
            buffer[length++] = (byte) (offset < 0 ? '-' : '+');
            offset = Math.abs(offset) / 60;
            digits(offset / 60, 2);
            buffer[length++] = ':';
            digits(offset % 60, 2);
        }

        /** COPY's text escapes, encoded as UTF-8 (a lone surrogate becomes '?', as {@code String.getBytes}). */
        private void escape(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> pair('\\');
                        case '\t' -> pair('t');
                        case '\n' -> pair('n');
                        case '\r' -> pair('r');
                        default -> put((byte) c);
                    }
                } else if (c < 0x800) {
                    put((byte) (0xC0 | (c >> 6)));
                    put((byte) (0x80 | (c & 0x3F)));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    put((byte) (0xF0 | (cp >> 18)));
                    put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                    put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                    put((byte) (0x80 | (cp & 0x3F)));
                } else if (Character.isSurrogate(c)) {
                    put((byte) '?');
                } else {
                    put((byte) (0xE0 | (c >> 12)));
                    put((byte) (0x80 | ((c >> 6) & 0x3F)));
                    put((byte) (0x80 | (c & 0x3F)));
                }
            }
        }

        private void pair(char escaped) {
            put((byte) '\\');
            put((byte) escaped);
        }
    }
}
