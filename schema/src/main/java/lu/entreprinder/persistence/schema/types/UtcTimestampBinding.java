package lu.entreprinder.persistence.schema.types;

import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultBinding;
import org.jooq.impl.SQLDataType;

/**
 * Binds {@code timestamptz} columns. PostgreSQL keeps jOOQ's native binding for writes and reads the driver's UTC
 * value; SQLite stores UTC text in exactly the form Django's SQLite backend writes ({@code 2026-11-21 20:00:00.851784},
 * and {@code 2026-11-21 20:00:00} when the microseconds are zero, as Python's {@code isoformat(' ')}), so that text
 * order is time order for rows of both writers and range predicates agree with Django's. Reads accept that form, the
 * library's older fixed-width form ({@code 2026-11-21T20:00:00.000000Z}) and ISO text with an offset. Values are read
 * in UTC on both databases, whatever the JVM's zone, and truncated to microseconds (PostgreSQL's precision), so a UTC
 * value reads back equal.
 */
public final class UtcTimestampBinding implements Binding<OffsetDateTime, OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    /** The SQLite storage format (Django's): UTC, a space, microseconds; {@link #toSqliteText} drops zero micros. */
    public static final DateTimeFormatter SQLITE_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private static final DateTimeFormatter SQLITE_TEXT_WHOLE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private static final Binding<OffsetDateTime, OffsetDateTime> NATIVE =
            DefaultBinding.binding(SQLDataType.TIMESTAMPWITHTIMEZONE(6));

    private static final Converter<OffsetDateTime, OffsetDateTime> IDENTITY =
            Converter.ofNullable(OffsetDateTime.class, OffsetDateTime.class, v -> v, v -> v);

    /** Formats a value the way SQLite stores it. */
    public static String toSqliteText(OffsetDateTime value) {
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return (utc.getNano() == 0 ? SQLITE_TEXT_WHOLE_SECOND : SQLITE_TEXT).format(utc);
    }

    /**
     * Parses SQLite's stored text: Django's form without an offset (UTC, as Django stores it with
     * {@code USE_TZ = True}), the library's older {@code …T…Z} form, and ISO forms with an offset written by other
     * tools ({@code 2026-11-21 20:00:00+01:00}).
     *
     * @throws java.time.format.DateTimeParseException if the text is none of these
     */
    public static OffsetDateTime fromSqliteText(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        if (!hasOffset(iso)) {
            return java.time.LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static boolean hasOffset(String iso) {
        int time = iso.indexOf('T');
        if (time < 0) {
            return false;
        }
        String rest = iso.substring(time);
        return rest.endsWith("Z") || rest.indexOf('+') > 0 || rest.indexOf('-') > 0;
    }

    private static boolean sqlite(org.jooq.Scope ctx) {
        return ctx.dialect().family() == SQLDialect.SQLITE;
    }

    @Override
    public Converter<OffsetDateTime, OffsetDateTime> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<OffsetDateTime> ctx) throws SQLException {
        if (sqlite(ctx) && ctx.value() != null && ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(toSqliteText(ctx.value())));
        } else {
            NATIVE.sql(ctx);
        }
    }

    @Override
    public void register(BindingRegisterContext<OffsetDateTime> ctx) throws SQLException {
        NATIVE.register(ctx);
    }

    @Override
    public void set(BindingSetStatementContext<OffsetDateTime> ctx) throws SQLException {
        if (!sqlite(ctx)) {
            OffsetDateTime value = ctx.value();
            if (value != null) {
                // PostgreSQL would round nanoseconds; truncate so both databases keep the same instant.
                ctx.statement().setObject(ctx.index(), value.truncatedTo(ChronoUnit.MICROS), Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                NATIVE.set(ctx);
            }
        } else if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), toSqliteText(ctx.value()));
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<OffsetDateTime> ctx) throws SQLException {
        NATIVE.set(ctx);
    }

    @Override
    public void get(BindingGetResultSetContext<OffsetDateTime> ctx) throws SQLException {
        if (sqlite(ctx)) {
            String text = ctx.resultSet().getString(ctx.index());
            ctx.value(text == null ? null : fromSqliteText(text));
        } else {
            // The driver's OffsetDateTime is always UTC, as SQLite's. jOOQ's own binding parses the driver's text,
            // which carries the session's offset (the JVM's zone): the same instant, but not an equal value.
            ctx.value(ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class));
        }
    }

    @Override
    public void get(BindingGetStatementContext<OffsetDateTime> ctx) throws SQLException {
        NATIVE.get(ctx);
    }

    @Override
    public void get(BindingGetSQLInputContext<OffsetDateTime> ctx) throws SQLException {
        NATIVE.get(ctx);
    }
}
