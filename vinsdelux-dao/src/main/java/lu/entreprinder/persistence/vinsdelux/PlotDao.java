package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlPlotRecord;
import lu.entreprinder.persistence.vinsdelux.internal.GeoJsonCodec;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Record20;
import org.jooq.Table;

/**
 * VinsDelux plots ({@code vinsdelux_vdlplot}) and the adoption plans each offers
 * ({@code vinsdelux_vdlplot_adoption_plans}): validated inserts and updates of a plot's descriptive values, linking
 * plans, and the shop's plot listing, one SQL statement per method. A plot's status changes (reserve, confirm,
 * cancel, expire) belong to {@link PlotReservationService}. A write that can fail on a foreign key (the plot's
 * producer, a plot-plan link) runs in its own savepoint of the caller's transaction, so a caller that catches the
 * {@code ForeignKeyViolationException} keeps a usable transaction. Thread-safe; runs in the caller's transaction when
 * there is one.
 */
public final class PlotDao {

    private final Database db;

    public PlotDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Inserts an available plot.
     *
     * @return the new plot's id
     * @throws ValidationException naming the field (producerId, name, sizeHectares, grapeVarieties, soilType,
     *         elevation, coordinates)
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the producer does not exist
     */
    public long insertPlot(PlotDetails plot) {
        return insertPlot(plot, PlotStatus.AVAILABLE);
    }

    /**
     * Inserts a plot that is {@link PlotStatus#AVAILABLE} or {@link PlotStatus#UNAVAILABLE} (reserved and adopted
     * plots come from {@link PlotReservationService}).
     *
     * @return the new plot's id
     * @throws ValidationException naming the field, {@code status} for another status
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the producer does not exist
     */
    public long insertPlot(PlotDetails plot, PlotStatus status) {
        Check.required(plot, "plot");
        Check.required(status, "status");
        if (status != PlotStatus.AVAILABLE && status != PlotStatus.UNAVAILABLE) {
            throw new ValidationException("status", "a new plot is available or unavailable, was " + status);
        }
        VdlPlotRecord values = values(plot);
        values.setStatus(status.dbValue());
        return db.inTransaction(tx -> tx.dsl().insertInto(VDL_PLOT).set(values)
                .returning(VDL_PLOT.ID).fetchOne(VDL_PLOT.ID));
    }

    /**
     * Replaces a plot's descriptive values (not its status).
     *
     * @return false when there is no such plot
     * @throws ValidationException naming the field for bad input (nothing is written)
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the producer does not exist
     */
    public boolean updatePlot(long plotId, PlotDetails plot) {
        Check.id(plotId, "plotId");
        Check.required(plot, "plot");
        VdlPlotRecord values = values(plot);
        return db.inTransaction(tx -> tx.dsl().update(VDL_PLOT).set(values)
                .where(VDL_PLOT.ID.eq(plotId)).execute() == 1);
    }

    /**
     * The validated descriptive columns that insert and update both write (the record's changed fields), so the two
     * cannot drift apart.
     */
    private static VdlPlotRecord values(PlotDetails p) {
        VdlPlotRecord r = new VdlPlotRecord();
        r.setProducerId(Check.id(p.producerId(), "producerId"));
        r.setName(Check.text(p.name(), 200, "name"));
        r.setSizeHectares(Check.decimal(p.sizeHectares(), 5, 2, "sizeHectares"));
        r.setGrapeVarieties(Check.text(p.grapeVarieties(), 200, "grapeVarieties"));
        r.setSoilType(Check.text(p.soilType(), 100, "soilType"));
        r.setElevation(Check.range(p.elevation(), -500, 9000, "elevation"));
        r.setCoordinates(GeoJsonCodec.optionalColumn(p.coordinates(), "coordinates"));
        return r;
    }

    /**
     * Offers an adoption plan on a plot.
     *
     * @return false when the plot already offered the plan
     * @throws ValidationException (plotId, planId) for ids that are not positive
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the plot or plan does not exist
     */
    public boolean linkPlotToPlan(long plotId, long planId) {
        Check.id(plotId, "plotId");
        Check.id(planId, "planId");
        return db.inTransaction(tx -> tx.dsl().insertInto(VDL_PLOT_ADOPTION_PLANS)
                .set(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID, plotId)
                .set(VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID, planId)
                .onConflict(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID, VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID)
                .doNothing().execute() == 1);
    }

    /**
     * Stops offering an adoption plan on a plot.
     *
     * @return false when the plot did not offer the plan
     * @throws ValidationException (plotId, planId) for ids that are not positive
     */
    public boolean unlinkPlotFromPlan(long plotId, long planId) {
        Check.id(plotId, "plotId");
        Check.id(planId, "planId");
        return db.dsl().deleteFrom(VDL_PLOT_ADOPTION_PLANS)
                .where(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID.eq(plotId),
                        VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID.eq(planId))
                .execute() == 1;
    }

    /**
     * One keyset page of plots (by id) matching the filter, each with its producer and its adoption plans (with
     * coffret, cheapest first) nested. The page's rows are chosen first (status / producer+status indexes), then
     * the plans are joined to those rows only. One statement.
     *
     * @throws ValidationException naming the filter field (grapeVariety, soilType, minElevation, maxElevation,
     *         minSize, maxSize, producerId) or {@code cursor} for a cursor not from this listing
     */
    public Page<PlotListing> listPlots(PlotFilter filter, PageRequest page) {
        Check.required(filter, "filter");
        Check.required(page, "page");
        List<Object> values = new ArrayList<>(8);
        Shape shape = shape(filter, page, values);
        List<PlotListing> fetched = nest(LISTINGS.computeIfAbsent(shape, PlotDao::prepare)
                .fetch(db.dsl(), r -> r, values.toArray()), page.size() + 1);
        return page.toPage(fetched, p -> PageRequest.encode(p.id()));
    }

    // The per-call values of the listing; the statement's text is rendered once per filter shape and dialect.
    private static final Param<Long> PRODUCER = param("producer", VDL_PLOT.PRODUCER_ID.getDataType());
    private static final Param<String> GRAPE = param("grape", VDL_PLOT.GRAPE_VARIETIES.getDataType());
    private static final Param<String> SOIL = param("soil", VDL_PLOT.SOIL_TYPE.getDataType());
    private static final Param<Integer> MIN_ELEVATION = param("min_elevation", VDL_PLOT.ELEVATION.getDataType());
    private static final Param<Integer> MAX_ELEVATION = param("max_elevation", VDL_PLOT.ELEVATION.getDataType());
    private static final Param<BigDecimal> MIN_SIZE = param("min_size", VDL_PLOT.SIZE_HECTARES.getDataType());
    private static final Param<BigDecimal> MAX_SIZE = param("max_size", VDL_PLOT.SIZE_HECTARES.getDataType());
    private static final Param<Long> AFTER = param("after", VDL_PLOT.ID.getDataType());

    /**
     * Which filters a listing uses and how many rows it reads (the statuses and the LIMIT are part of the shape,
     * rendered inline: at most 16 status sets and 100 page sizes; why the LIMIT is not bound: {@link PreparedRead}).
     */
    private record Shape(Set<PlotStatus> statuses, boolean producer, boolean grape, boolean soil,
                         boolean minElevation, boolean maxElevation, boolean minSize, boolean maxSize,
                         boolean after, int limit) {
    }

    private static final Map<Shape, PreparedRead<Record20<Long, String, String, BigDecimal, String, String, Integer,
            JSONB, Long, String, String, Long, String, BigDecimal, Integer, Boolean, Long, String, Integer, String>>>
            LISTINGS = new ConcurrentHashMap<>();

    /**
     * Validates the filter and the cursor, and collects the values of the shape's parameters in their order.
     *
     * @throws ValidationException naming the filter field, or {@code cursor}
     */
    private static Shape shape(PlotFilter f, PageRequest page, List<Object> values) {
        if (f.producerId() != null) {
            values.add(Check.id(f.producerId(), "producerId"));
        }
        if (f.grapeVariety() != null) {
            values.add(Check.text(f.grapeVariety(), 200, "grapeVariety"));
        }
        if (f.soilType() != null) {
            values.add(Check.text(f.soilType(), 100, "soilType"));
        }
        if (f.minElevation() != null) {
            values.add(Check.range(f.minElevation(), -500, 9000, "minElevation"));
        }
        if (f.maxElevation() != null) {
            values.add(Check.range(f.maxElevation(), -500, 9000, "maxElevation"));
        }
        if (f.minSize() != null) {
            values.add(Check.decimal(f.minSize(), 5, 2, "minSize"));
        }
        if (f.maxSize() != null) {
            values.add(Check.decimal(f.maxSize(), 5, 2, "maxSize"));
        }
        if (page.after() != null) {
            values.add(page.key(0, 1, Long::parseLong));
        }
        return new Shape(f.statuses(), f.producerId() != null, f.grapeVariety() != null, f.soilType() != null,
                f.minElevation() != null, f.maxElevation() != null, f.minSize() != null, f.maxSize() != null,
                page.after() != null, page.size() + 1);
    }

    /** The page's producer columns, named apart from the plot's own id and name in the derived table. */
    private static final Field<Long> PRODUCER_ID = VDL_PRODUCER.ID.as("producer_id");
    private static final Field<String> PRODUCER_NAME = VDL_PRODUCER.NAME.as("producer_name");
    private static final Field<String> PRODUCER_REGION = VDL_PRODUCER.REGION.as("producer_region");

    /**
     * The statement of {@link #listPlots} for one filter shape: one row per plot and plan (a plot without plans has
     * one row with null plan columns), ordered by plot, then price and plan id. Its plan:
     * {@code db.explain(() -> plots.listPlots(…))}.
     */
    private static PreparedRead<Record20<Long, String, String, BigDecimal, String, String, Integer, JSONB, Long,
            String, String, Long, String, BigDecimal, Integer, Boolean, Long, String, Integer, String>> prepare(
            Shape shape) {
        List<Param<?>> params = new ArrayList<>(8);
        Condition where = noCondition();
        if (!shape.statuses().isEmpty()) {
            where = where.and(VDL_PLOT.STATUS.in(shape.statuses().stream().sorted().map(PlotStatus::dbValue)
                    .toList()));
        }
        if (shape.producer()) {
            where = where.and(VDL_PLOT.PRODUCER_ID.eq(PRODUCER));
            params.add(PRODUCER);
        }
        if (shape.grape()) {
            where = where.and(VDL_PLOT.GRAPE_VARIETIES.containsIgnoreCase(GRAPE));
            params.add(GRAPE);
        }
        if (shape.soil()) {
            where = where.and(VDL_PLOT.SOIL_TYPE.equalIgnoreCase(SOIL));
            params.add(SOIL);
        }
        if (shape.minElevation()) {
            where = where.and(VDL_PLOT.ELEVATION.ge(MIN_ELEVATION));
            params.add(MIN_ELEVATION);
        }
        if (shape.maxElevation()) {
            where = where.and(VDL_PLOT.ELEVATION.le(MAX_ELEVATION));
            params.add(MAX_ELEVATION);
        }
        if (shape.minSize()) {
            where = where.and(VDL_PLOT.SIZE_HECTARES.ge(MIN_SIZE));
            params.add(MIN_SIZE);
        }
        if (shape.maxSize()) {
            where = where.and(VDL_PLOT.SIZE_HECTARES.le(MAX_SIZE));
            params.add(MAX_SIZE);
        }
        if (shape.after()) {
            where = where.and(VDL_PLOT.ID.gt(AFTER));
            params.add(AFTER);
        }
        // The page first (derived table with LIMIT: status / producer+status indexes) with its producer (every plot
        // has one: the page is the same, and the producer is looked up by key for the page's rows only; joined after
        // the LIMIT, PostgreSQL hashed the whole producer table for every page), then its plans with their coffrets
        // joined to those rows only, one row per plan, grouped into records in Java. The plans used to come back as
        // a multiset (JSON built by the server, parsed by jOOQ, two levels deep): 0.5x a hand-written statement of
        // this shape (benchmark workload 8), most of it client-side decoding.
        Table<?> p = select(VDL_PLOT.ID, VDL_PLOT.NAME, VDL_PLOT.STATUS,
                VDL_PLOT.SIZE_HECTARES, VDL_PLOT.GRAPE_VARIETIES, VDL_PLOT.SOIL_TYPE, VDL_PLOT.ELEVATION,
                VDL_PLOT.COORDINATES, PRODUCER_ID, PRODUCER_NAME, PRODUCER_REGION)
                .from(VDL_PLOT).join(VDL_PRODUCER).on(VDL_PRODUCER.ID.eq(VDL_PLOT.PRODUCER_ID))
                .where(where).orderBy(VDL_PLOT.ID).limit(inline(shape.limit()))
                .asTable("p");
        Field<Long> id = p.field(VDL_PLOT.ID);
        return PreparedRead.of(select(id, p.field(VDL_PLOT.NAME), p.field(VDL_PLOT.STATUS),
                        p.field(VDL_PLOT.SIZE_HECTARES), p.field(VDL_PLOT.GRAPE_VARIETIES),
                        p.field(VDL_PLOT.SOIL_TYPE), p.field(VDL_PLOT.ELEVATION), p.field(VDL_PLOT.COORDINATES),
                        p.field(PRODUCER_ID), p.field(PRODUCER_NAME), p.field(PRODUCER_REGION),
                        VDL_ADOPTION_PLAN.ID, VDL_ADOPTION_PLAN.NAME, VDL_ADOPTION_PLAN.PRICE,
                        VDL_ADOPTION_PLAN.DURATION_MONTHS, VDL_ADOPTION_PLAN.IS_AVAILABLE,
                        VDL_COFFRET.ID, VDL_COFFRET.NAME, VDL_COFFRET.BOTTLES, VDL_COFFRET.DESCRIPTION)
                .from(p)
                .leftJoin(VDL_PLOT_ADOPTION_PLANS
                        .join(VDL_ADOPTION_PLAN).on(VDL_ADOPTION_PLAN.ID.eq(VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID))
                        .join(VDL_COFFRET).on(VDL_COFFRET.ID.eq(VDL_ADOPTION_PLAN.COFFRET_ID)))
                .on(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID.eq(id))
                .orderBy(id, VDL_ADOPTION_PLAN.PRICE, VDL_ADOPTION_PLAN.ID), params.toArray(Param<?>[]::new));
    }

    /**
     * Groups the rows of {@link #prepare} (ordered by plot) into listings: a plot's columns, its coordinates and
     * status decoded once, from its first row; one plan per row that has one.
     */
    private static List<PlotListing> nest(List<Record20<Long, String, String, BigDecimal, String, String, Integer,
            JSONB, Long, String, String, Long, String, BigDecimal, Integer, Boolean, Long, String, Integer, String>>
            rows, int capacity) {
        List<PlotListing> out = new ArrayList<>(Math.min(capacity, rows.size()));
        int i = 0;
        while (i < rows.size()) {
            var first = rows.get(i);
            long plotId = first.value1();
            List<AdoptionPlan> plans = new ArrayList<>(4);
            do {
                var r = rows.get(i);
                if (r.value12() != null) {
                    plans.add(new AdoptionPlan(r.value12(), r.value13(), r.value14(), r.value15(), r.value16(),
                            new Coffret(r.value17(), r.value18(), r.value19(), r.value20())));
                }
                i++;
            } while (i < rows.size() && rows.get(i).value1() == plotId);
            out.add(new PlotListing(plotId, first.value2(), PlotStatus.fromDb(first.value3()), first.value4(),
                    first.value5(), first.value6(), first.value7(), GeoJsonCodec.fromStored(first.value8()),
                    new ProducerRef(first.value9(), first.value10(), first.value11()), plans));
        }
        return out;
    }
}
