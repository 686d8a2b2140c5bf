package lu.entreprinder.persistence.benchmarks.workloads;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PreparedRead;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Record11;
import org.jooq.Record9;
import org.jooq.Records;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Workload 0: one row by primary key (a user; a plot), three ways. The library: jOOQ through {@link Database#dsl()},
 * mapped to an immutable record. Hand-written JDBC: a {@link PreparedStatement} with exactly the SQL jOOQ renders,
 * on a connection from the same pool, mapped by hand to the same record. Hibernate: {@link HibernateOrm}.
 */
public final class PkReads {

    /** A user as a DAO would return it. */
    public record UserRow(long id, String password, OffsetDateTime lastLogin, boolean isSuperuser, String username,
                          String firstName, String lastName, String email, boolean isStaff, boolean isActive,
                          OffsetDateTime dateJoined) {
    }

    /** A plot as a DAO would return it ({@code coordinates} JSON text or null). */
    public record PlotRow(long id, long producerId, String name, String status, BigDecimal sizeHectares,
                          String grapeVarieties, String soilType, int elevation, String coordinates) {
    }

    private final Database db;
    private final DataSource dataSource;
    /** jOOQ alone on the same pool: no library listener, connection provider or translation (a diagnostic). */
    private final DSLContext jooqOnly;
    private final String userSql;
    private final String plotSql;
    /** Statements run by the JDBC variants (the library counts its own). */
    private long jdbcStatements;

    public PkReads(Database db) {
        this.db = db;
        this.dataSource = db.dataSource();
        this.jooqOnly = DSL.using(dataSource, db.dsl().dialect(), new Settings().withExecuteLogging(false));
        this.userSql = userQuery(1).getSQL(ParamType.INDEXED);
        this.plotSql = plotQuery(1).getSQL(ParamType.INDEXED);
    }

    private org.jooq.Select<?> userQuery(long id) {
        return db.dsl().select(USER.ID, USER.PASSWORD, USER.LAST_LOGIN, USER.IS_SUPERUSER, USER.USERNAME,
                USER.FIRST_NAME, USER.LAST_NAME, USER.EMAIL, USER.IS_STAFF, USER.IS_ACTIVE, USER.DATE_JOINED)
                .from(USER).where(USER.ID.eq(id));
    }

    private org.jooq.Select<?> plotQuery(long id) {
        return db.dsl().select(VDL_PLOT.ID, VDL_PLOT.PRODUCER_ID, VDL_PLOT.NAME, VDL_PLOT.STATUS,
                VDL_PLOT.SIZE_HECTARES, VDL_PLOT.GRAPE_VARIETIES, VDL_PLOT.SOIL_TYPE, VDL_PLOT.ELEVATION,
                VDL_PLOT.COORDINATES).from(VDL_PLOT).where(VDL_PLOT.ID.eq(id));
    }

    /** The SQL both the library and the JDBC variant run for a user. */
    public String userSql() {
        return userSql;
    }

    public String plotSql() {
        return plotSql;
    }

    // ---- library ------------------------------------------------------------------------------------------

    private static final Param<Long> USER_ID = DSL.param("id", USER.ID.getDataType());
    private static final Param<Long> PLOT_ID = DSL.param("id", VDL_PLOT.ID.getDataType());
    private static final PreparedRead<Record11<Long, String, OffsetDateTime, Boolean, String, String, String, String,
            Boolean, Boolean, OffsetDateTime>> USER_BY_ID = PreparedRead.of(
            DSL.select(USER.ID, USER.PASSWORD, USER.LAST_LOGIN, USER.IS_SUPERUSER, USER.USERNAME, USER.FIRST_NAME,
                    USER.LAST_NAME, USER.EMAIL, USER.IS_STAFF, USER.IS_ACTIVE, USER.DATE_JOINED)
                    .from(USER).where(USER.ID.eq(USER_ID)),
            USER_ID);
    private static final PreparedRead<Record9<Long, Long, String, String, BigDecimal, String, String, Integer, JSONB>>
            PLOT_BY_ID = PreparedRead.of(
            DSL.select(VDL_PLOT.ID, VDL_PLOT.PRODUCER_ID, VDL_PLOT.NAME, VDL_PLOT.STATUS, VDL_PLOT.SIZE_HECTARES,
                    VDL_PLOT.GRAPE_VARIETIES, VDL_PLOT.SOIL_TYPE, VDL_PLOT.ELEVATION, VDL_PLOT.COORDINATES)
                    .from(VDL_PLOT).where(VDL_PLOT.ID.eq(PLOT_ID)),
            PLOT_ID);

    /**
     * The library's way to a hot read: a {@link PreparedRead}, rendered once, its text sent straight to the driver
     * with this call's value; jOOQ decodes the row.
     */
    public UserRow userLibrary(long id) {
        return USER_BY_ID.fetchOptional(db.dsl(), Records.mapping(UserRow::new), id).orElse(null);
    }

    /**
     * The same PreparedRead's text through jOOQ's execute path ({@code bind}) on a bare jOOQ {@code DSLContext} over
     * the same pool, no library listener: what jOOQ's own execution costs over JDBC.
     */
    public UserRow userJooqOnly(long id) {
        return USER_BY_ID.bind(jooqOnly, id).fetchOne(Records.mapping(UserRow::new));
    }

    /** The same read as a jOOQ query built and rendered on every call (what a plain jOOQ user writes). */
    public UserRow userLibraryRenderedPerCall(long id) {
        return db.dsl()
                .select(USER.ID, USER.PASSWORD, USER.LAST_LOGIN, USER.IS_SUPERUSER, USER.USERNAME, USER.FIRST_NAME,
                        USER.LAST_NAME, USER.EMAIL, USER.IS_STAFF, USER.IS_ACTIVE, USER.DATE_JOINED)
                .from(USER)
                .where(USER.ID.eq(id))
                .fetchOne(Records.mapping(UserRow::new));
    }

    public PlotRow plotLibrary(long id) {
        return PLOT_BY_ID.fetchOptional(db.dsl(), PkReads::plot, id).orElse(null);
    }

    public PlotRow plotLibraryRenderedPerCall(long id) {
        return db.dsl()
                .select(VDL_PLOT.ID, VDL_PLOT.PRODUCER_ID, VDL_PLOT.NAME, VDL_PLOT.STATUS, VDL_PLOT.SIZE_HECTARES,
                        VDL_PLOT.GRAPE_VARIETIES, VDL_PLOT.SOIL_TYPE, VDL_PLOT.ELEVATION, VDL_PLOT.COORDINATES)
                .from(VDL_PLOT)
                .where(VDL_PLOT.ID.eq(id))
                .fetchOne(PkReads::plot);
    }

    private static PlotRow plot(Record9<Long, Long, String, String, BigDecimal, String, String, Integer, JSONB> r) {
        return new PlotRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                r.value8(), json(r.value9()));
    }

    private static String json(JSONB value) {
        return value == null ? null : value.data();
    }

    // ---- hand-written JDBC ----------------------------------------------------------------------------------

    public UserRow userJdbc(int id) {
        jdbcStatements++;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(userSql)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new UserRow(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getBoolean(9), rs.getBoolean(10), rs.getObject(11, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public PlotRow plotJdbc(long id) {
        jdbcStatements++;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(plotSql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new PlotRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long jdbcStatements() {
        return jdbcStatements;
    }
}
