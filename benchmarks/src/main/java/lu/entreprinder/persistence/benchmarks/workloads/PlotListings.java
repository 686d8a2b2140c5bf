package lu.entreprinder.persistence.benchmarks.workloads;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.vinsdelux.AdoptionPlan;
import lu.entreprinder.persistence.vinsdelux.Coffret;
import lu.entreprinder.persistence.vinsdelux.GeoJson;
import lu.entreprinder.persistence.vinsdelux.PlotDao;
import lu.entreprinder.persistence.vinsdelux.PlotFilter;
import lu.entreprinder.persistence.vinsdelux.PlotListing;
import lu.entreprinder.persistence.vinsdelux.PlotStatus;
import lu.entreprinder.persistence.vinsdelux.ProducerRef;
import lu.entreprinder.persistence.vinsdelux.internal.GeoJsonCodec;
import org.jooq.JSONB;

/**
 * Workload 8: one keyset page ({@value #PAGE}) of available plots after a given plot id, each with its producer and
 * its adoption plans (cheapest first, each with its coffret) nested. Three ways, all returning the same
 * {@code List<PlotListing>}:
 * <ul>
 *   <li>{@link #library}: {@link PlotDao#listPlots} (one statement, rendered once per filter shape: the page in a
 *       derived table, the producer joined, plans and coffrets left-joined, one row per plan, grouped in Java);</li>
 *   <li>{@link #nPlusOne}: the Django view without {@code select_related}/{@code prefetch_related}: the plots, then per
 *       plot {@code plot.producer} and {@code plot.adoption_plans.order_by('price', 'id')}, then per plan
 *       {@code plan.coffret};</li>
 *   <li>{@link #jdbc}: one hand-written statement (page with LIMIT first, producer joined, plans and coffrets
 *       left-joined: one row per plan), grouped in Java.</li>
 * </ul>
 * Every variant reads one row more than the page (for the next cursor), as the DAO does, and decodes the stored
 * GeoJSON with the module's own codec (so the JSON parsing costs the same everywhere).
 */
public final class PlotListings {

    public static final int PAGE = 20;

    private static final String PLOT_COLUMNS =
            "p.id, p.name, p.status, p.size_hectares, p.grape_varieties, p.soil_type, p.elevation, p.coordinates";

    public static final String BEST_SQL = "SELECT " + PLOT_COLUMNS + """
            , pr.id, pr.name, pr.region,
              ap.id, ap.name, ap.price, ap.duration_months, ap.is_available, c.id, c.name, c.bottles, c.description
            FROM (SELECT * FROM vinsdelux_vdlplot
                  WHERE status = 'available' AND id > ?
                  ORDER BY id LIMIT ?) p
            JOIN vinsdelux_vdlproducer pr ON pr.id = p.producer_id
            LEFT JOIN (vinsdelux_vdlplot_adoption_plans l
                       JOIN vinsdelux_vdladoptionplan ap ON ap.id = l.vdladoptionplan_id
                       JOIN vinsdelux_vdlcoffret c ON c.id = ap.coffret_id)
              ON l.vdlplot_id = p.id
            ORDER BY p.id, ap.price, ap.id""";

    static final String N1_PLOTS_SQL = "SELECT " + PLOT_COLUMNS + ", p.producer_id" + """
             FROM vinsdelux_vdlplot p
            WHERE p.status = 'available' AND p.id > ?
            ORDER BY p.id LIMIT ?""";

    private final PlotDao plotDao;
    private final DataSource dataSource;
    private long jdbcStatements;

    public PlotListings(Database db) {
        this.plotDao = new PlotDao(db);
        this.dataSource = db.dataSource();
    }

    public long jdbcStatements() {
        return jdbcStatements;
    }

    public List<PlotListing> library(long afterPlotId) {
        return plotDao.listPlots(PlotFilter.all().withStatuses(PlotStatus.AVAILABLE),
                PageRequest.first(PAGE).next(PageRequest.encode(afterPlotId))).items();
    }

    public List<PlotListing> jdbc(long afterPlotId) {
        jdbcStatements++;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BEST_SQL)) {
            ps.setLong(1, afterPlotId);
            ps.setInt(2, PAGE + 1);
            List<PlotListing> out = new ArrayList<>(PAGE + 1);
            try (ResultSet rs = ps.executeQuery()) {
                Object[] plot = null;
                ProducerRef producer = null;
                List<AdoptionPlan> plans = new ArrayList<>();
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (plot == null || (Long) plot[0] != id) {
                        if (plot != null) {
                            out.add(listing(plot, producer, plans));
                        }
                        plot = plotColumns(rs);
                        producer = new ProducerRef(rs.getLong(9), rs.getString(10), rs.getString(11));
                        plans = new ArrayList<>(3);
                    }
                    long plan = rs.getLong(12);
                    if (!rs.wasNull()) {
                        plans.add(new AdoptionPlan(plan, rs.getString(13), rs.getBigDecimal(14), rs.getInt(15),
                                rs.getBoolean(16), new Coffret(rs.getLong(17), rs.getString(18), rs.getInt(19),
                                rs.getString(20))));
                    }
                }
                if (plot != null) {
                    out.add(listing(plot, producer, plans));
                }
            }
            return out.size() > PAGE ? out.subList(0, PAGE) : out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PlotListing> nPlusOne(long afterPlotId) {
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> plots = new ArrayList<>(PAGE + 1);
            jdbcStatements++;
            try (PreparedStatement ps = c.prepareStatement(N1_PLOTS_SQL)) {
                ps.setLong(1, afterPlotId);
                ps.setInt(2, PAGE + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = plotColumns(rs);
                        Object[] withProducer = java.util.Arrays.copyOf(row, row.length + 1);
                        withProducer[row.length] = rs.getLong(9);
                        plots.add(withProducer);
                    }
                }
            }
            List<PlotListing> out = new ArrayList<>(plots.size());
            try (PreparedStatement producer = c.prepareStatement(
                    "SELECT id, name, region FROM vinsdelux_vdlproducer WHERE id = ?");
                 PreparedStatement plans = c.prepareStatement("""
                         SELECT ap.id, ap.name, ap.price, ap.duration_months, ap.is_available, ap.coffret_id
                         FROM vinsdelux_vdladoptionplan ap
                         JOIN vinsdelux_vdlplot_adoption_plans l ON l.vdladoptionplan_id = ap.id
                         WHERE l.vdlplot_id = ?
                         ORDER BY ap.price, ap.id""");
                 PreparedStatement coffret = c.prepareStatement(
                         "SELECT id, name, bottles, description FROM vinsdelux_vdlcoffret WHERE id = ?")) {
                for (Object[] plot : plots) {
                    jdbcStatements++;
                    producer.setLong(1, (Long) plot[plot.length - 1]);
                    ProducerRef ref;
                    try (ResultSet rs = producer.executeQuery()) {
                        rs.next();
                        ref = new ProducerRef(rs.getLong(1), rs.getString(2), rs.getString(3));
                    }
                    jdbcStatements++;
                    plans.setLong(1, (Long) plot[0]);
                    List<Object[]> planRows = new ArrayList<>(3);
                    try (ResultSet rs = plans.executeQuery()) {
                        while (rs.next()) {
                            planRows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                                    rs.getInt(4), rs.getBoolean(5), rs.getLong(6)});
                        }
                    }
                    List<AdoptionPlan> list = new ArrayList<>(planRows.size());
                    for (Object[] p : planRows) {
                        jdbcStatements++;
                        coffret.setLong(1, (Long) p[5]);
                        Coffret box;
                        try (ResultSet rs = coffret.executeQuery()) {
                            rs.next();
                            box = new Coffret(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4));
                        }
                        list.add(new AdoptionPlan((Long) p[0], (String) p[1], (BigDecimal) p[2], (Integer) p[3],
                                (Boolean) p[4], box));
                    }
                    out.add(listing(plot, ref, list));
                }
            }
            return out.size() > PAGE ? out.subList(0, PAGE) : out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] plotColumns(ResultSet rs) throws SQLException {
        String json = rs.getString(8);
        GeoJson coordinates = json == null ? null : GeoJsonCodec.fromStored(JSONB.valueOf(json));
        return new Object[] {rs.getLong(1), rs.getString(2), PlotStatus.fromDb(rs.getString(3)), rs.getBigDecimal(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), coordinates};
    }

    private static PlotListing listing(Object[] p, ProducerRef producer, List<AdoptionPlan> plans) {
        return new PlotListing((Long) p[0], (String) p[1], (PlotStatus) p[2], (BigDecimal) p[3], (String) p[4],
                (String) p[5], (Integer) p[6], (GeoJson) p[7], producer, plans);
    }
}
