package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import lu.entreprinder.persistence.core.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlAdoptionPlanRecord;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlCoffretRecord;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlPlotRecord;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlProducerRecord;
import lu.entreprinder.persistence.vinsdelux.internal.GeoJsonCodec;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record10;
import org.jooq.Records;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * VinsDelux catalogue: producers, coffrets, adoption plans and plots (validated inserts and updates) and the
 * listings of the shop, one SQL statement each. Plot status changes belong to {@link PlotReservationService}.
 * Thread-safe; runs in the caller's transaction when there is one. A write that can fail on a foreign key (a plan's
 * coffret, a plot's producer, a plot-plan link) runs in its own savepoint of it, so a caller that catches the
 * {@code ForeignKeyViolationException} keeps a usable transaction.
 */
public final class VinsDeluxCatalog {

    private final Database db;

    public VinsDeluxCatalog(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writes
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Inserts a producer.
     *
     * @return the new producer's id
     * @throws ValidationException naming the field (name, region, description, logo, coordinates) for bad input
     */
    public long insertProducer(NewProducer producer) {
        Check.required(producer, "producer");
        VdlProducerRecord values = producerValues(producer);
        return db.dsl().insertInto(VDL_PRODUCER).set(values)
                .returning(VDL_PRODUCER.ID).fetchOne(VDL_PRODUCER.ID);
    }

    /**
     * Replaces a producer's values.
     *
     * @return false when there is no such producer
     * @throws ValidationException naming the field for bad input (nothing is written)
     */
    public boolean updateProducer(long producerId, NewProducer producer) {
        Check.id(producerId, "producerId");
        Check.required(producer, "producer");
        VdlProducerRecord values = producerValues(producer);
        return db.dsl().update(VDL_PRODUCER).set(values)
                .where(VDL_PRODUCER.ID.eq(producerId)).execute() == 1;
    }

    /**
     * The validated columns that insert and update both write (the record's changed fields), so the two cannot drift
     * apart.
     */
    private static VdlProducerRecord producerValues(NewProducer p) {
        VdlProducerRecord r = new VdlProducerRecord();
        r.setName(Check.text(p.name(), 200, "name"));
        r.setRegion(Check.text(p.region(), 100, "region"));
        r.setDescription(Check.text(p.description(), 0, "description"));
        r.setLogo(Check.text(p.logo(), 100, "logo"));
        r.setCoordinates(GeoJsonCodec.optionalColumn(p.coordinates(), "coordinates"));
        return r;
    }

    /**
     * Inserts a coffret.
     *
     * @return the new coffret's id
     * @throws ValidationException naming the field (name, bottles, description) for bad input
     */
    public long insertCoffret(NewCoffret coffret) {
        Check.required(coffret, "coffret");
        return db.dsl().insertInto(VDL_COFFRET).set(coffretValues(coffret))
                .returning(VDL_COFFRET.ID).fetchOne(VDL_COFFRET.ID);
    }

    /**
     * Replaces a coffret's values.
     *
     * @return false when there is no such coffret
     * @throws ValidationException naming the field for bad input (nothing is written)
     */
    public boolean updateCoffret(long coffretId, NewCoffret coffret) {
        Check.id(coffretId, "coffretId");
        Check.required(coffret, "coffret");
        return db.dsl().update(VDL_COFFRET).set(coffretValues(coffret))
                .where(VDL_COFFRET.ID.eq(coffretId)).execute() == 1;
    }

    /** The validated columns that insert and update both write (the record's changed fields). */
    private static VdlCoffretRecord coffretValues(NewCoffret c) {
        VdlCoffretRecord r = new VdlCoffretRecord();
        r.setName(Check.text(c.name(), 200, "name"));
        r.setBottles(Check.range(c.bottles(), 0, 1000, "bottles"));
        r.setDescription(Check.text(c.description(), 0, "description"));
        return r;
    }

    /**
     * Inserts an adoption plan.
     *
     * @return the new plan's id
     * @throws ValidationException naming the field (name, price, durationMonths, coffretId, available)
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the coffret does not exist
     */
    public long insertAdoptionPlan(NewAdoptionPlan plan) {
        Check.required(plan, "plan");
        VdlAdoptionPlanRecord values = planValues(plan);
        return db.inTransaction(tx -> tx.dsl().insertInto(VDL_ADOPTION_PLAN).set(values)
                .returning(VDL_ADOPTION_PLAN.ID).fetchOne(VDL_ADOPTION_PLAN.ID));
    }

    /**
     * Replaces an adoption plan's values.
     *
     * @return false when there is no such plan
     * @throws ValidationException naming the field for bad input (nothing is written)
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the coffret does not exist
     */
    public boolean updateAdoptionPlan(long planId, NewAdoptionPlan plan) {
        Check.id(planId, "planId");
        Check.required(plan, "plan");
        VdlAdoptionPlanRecord values = planValues(plan);
        return db.inTransaction(tx -> tx.dsl().update(VDL_ADOPTION_PLAN).set(values)
                .where(VDL_ADOPTION_PLAN.ID.eq(planId)).execute() == 1);
    }

    /** The validated columns that insert and update both write (the record's changed fields). */
    private static VdlAdoptionPlanRecord planValues(NewAdoptionPlan p) {
        VdlAdoptionPlanRecord r = new VdlAdoptionPlanRecord();
        r.setName(Check.text(p.name(), 200, "name"));
        r.setPrice(Check.decimal(p.price(), 8, 2, "price"));
        r.setDurationMonths(Check.range(p.durationMonths(), 1, 600, "durationMonths"));
        r.setCoffretId(Check.id(p.coffretId(), "coffretId"));
        r.setIsAvailable(Check.required(p.available(), "available"));
        return r;
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
        VdlPlotRecord values = plotValues(plot);
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
        VdlPlotRecord values = plotValues(plot);
        return db.inTransaction(tx -> tx.dsl().update(VDL_PLOT).set(values)
                .where(VDL_PLOT.ID.eq(plotId)).execute() == 1);
    }

    /**
     * The validated descriptive columns that insert and update both write (the record's changed fields), so the two
     * cannot drift apart.
     */
    private static VdlPlotRecord plotValues(PlotDetails p) {
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

    // ---------------------------------------------------------------------------------------------------------
    // Reads (one statement each)
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Every producer by name with its number of plots per status (correlated counts over the
     * {@code (producer_id, status)} index). One statement.
     *
     * @throws lu.entreprinder.persistence.core.PersistenceException on database failure
     */
    public List<ProducerSummary> listProducers() {
        return db.dsl().select(VDL_PRODUCER.ID, VDL_PRODUCER.NAME, VDL_PRODUCER.REGION, VDL_PRODUCER.DESCRIPTION,
                        VDL_PRODUCER.LOGO, VDL_PRODUCER.COORDINATES.convertFrom(GeoJsonCodec::fromStored),
                        row(plotCount(PlotStatus.AVAILABLE), plotCount(PlotStatus.RESERVED),
                                plotCount(PlotStatus.ADOPTED), plotCount(PlotStatus.UNAVAILABLE))
                                .mapping(PlotCounts::new))
                .from(VDL_PRODUCER)
                .orderBy(VDL_PRODUCER.NAME, VDL_PRODUCER.ID)
                .fetch(Records.mapping(ProducerSummary::new));
    }

    private static Field<Integer> plotCount(PlotStatus status) {
        return field(selectCount().from(VDL_PLOT)
                .where(VDL_PLOT.PRODUCER_ID.eq(VDL_PRODUCER.ID), VDL_PLOT.STATUS.eq(status.dbValue())));
    }

    /**
     * One keyset page of plots (by id) matching the filter, each with its producer and its adoption plans (with
     * coffret, cheapest first) nested. The page's rows are chosen first (status / producer+status indexes), then
     * the plans are fetched for those rows only. One statement.
     *
     * @throws ValidationException naming the filter field (grapeVariety, soilType, minElevation, maxElevation,
     *         minSize, maxSize, producerId) or {@code cursor} for a cursor not from this listing
     */
    public Page<PlotListing> listPlots(PlotFilter filter, PageRequest page) {
        List<PlotListing> fetched = plotsQuery(filter, page).fetch(Records.mapping(PlotListing::new));
        return page.toPage(fetched, p -> PageRequest.encode(p.id()));
    }

    /** The statement of {@link #listPlots} (validated), for EXPLAIN in tests. */
    ResultQuery<Record10<Long, String, PlotStatus, BigDecimal, String, String, Integer, GeoJson, ProducerRef,
            List<AdoptionPlan>>> plotsQuery(PlotFilter filter, PageRequest page) {
        Check.required(filter, "filter");
        Check.required(page, "page");
        Condition where = condition(filter);
        if (page.after() != null) {
            long afterId = page.key(0, 1, Long::parseLong);
            where = where.and(VDL_PLOT.ID.gt(afterId));
        }
        // The page (CTE "page"), then its plans in one join pass (CTE "page_plans": index lookups per link), nested
        // per plot from that small set. A subquery per plot against the plan table directly hash-joined the whole
        // plan table for every plot (benchmark workload 8: 0.46x a hand-written one-row-per-plan statement).
        var pageRows = name("page").as(select(VDL_PLOT.ID, VDL_PLOT.PRODUCER_ID, VDL_PLOT.NAME, VDL_PLOT.STATUS,
                VDL_PLOT.SIZE_HECTARES, VDL_PLOT.GRAPE_VARIETIES, VDL_PLOT.SOIL_TYPE, VDL_PLOT.ELEVATION,
                VDL_PLOT.COORDINATES)
                .from(VDL_PLOT).where(where).orderBy(VDL_PLOT.ID).limit(page.size() + 1));
        Field<Long> id = pageRows.field(VDL_PLOT.ID);
        var pagePlans = name("page_plans").asMaterialized(select(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID, VDL_ADOPTION_PLAN.ID,
                VDL_ADOPTION_PLAN.NAME, VDL_ADOPTION_PLAN.PRICE, VDL_ADOPTION_PLAN.DURATION_MONTHS,
                VDL_ADOPTION_PLAN.IS_AVAILABLE, VDL_COFFRET.ID.as("coffret_id"), VDL_COFFRET.NAME.as("coffret_name"),
                VDL_COFFRET.BOTTLES, VDL_COFFRET.DESCRIPTION)
                .from(pageRows)
                .join(VDL_PLOT_ADOPTION_PLANS).on(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID.eq(id))
                .join(VDL_ADOPTION_PLAN).on(VDL_ADOPTION_PLAN.ID.eq(VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID))
                .join(VDL_COFFRET).on(VDL_COFFRET.ID.eq(VDL_ADOPTION_PLAN.COFFRET_ID)));
        Field<BigDecimal> price = pagePlans.field(VDL_ADOPTION_PLAN.PRICE);
        Field<Long> planId = pagePlans.field(VDL_ADOPTION_PLAN.ID);
        Field<List<AdoptionPlan>> plans = multiset(
                select(planId, pagePlans.field(VDL_ADOPTION_PLAN.NAME), price,
                        pagePlans.field(VDL_ADOPTION_PLAN.DURATION_MONTHS),
                        pagePlans.field(VDL_ADOPTION_PLAN.IS_AVAILABLE),
                        row(pagePlans.field("coffret_id", Long.class), pagePlans.field("coffret_name", String.class),
                                pagePlans.field(VDL_COFFRET.BOTTLES), pagePlans.field(VDL_COFFRET.DESCRIPTION))
                                .mapping(Coffret::new))
                        .from(pagePlans)
                        .where(pagePlans.field(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID).eq(id))
                        .orderBy(price, planId))
                .convertFrom(r -> r.map(Records.mapping(AdoptionPlan::new)));
        return db.dsl()
                .with(pageRows)
                .with(pagePlans)
                .select(id, pageRows.field(VDL_PLOT.NAME), pageRows.field(VDL_PLOT.STATUS).convertFrom(PlotStatus::fromDb),
                        pageRows.field(VDL_PLOT.SIZE_HECTARES), pageRows.field(VDL_PLOT.GRAPE_VARIETIES),
                        pageRows.field(VDL_PLOT.SOIL_TYPE), pageRows.field(VDL_PLOT.ELEVATION),
                        pageRows.field(VDL_PLOT.COORDINATES).convertFrom(GeoJsonCodec::fromStored),
                        row(VDL_PRODUCER.ID, VDL_PRODUCER.NAME, VDL_PRODUCER.REGION).mapping(ProducerRef::new),
                        plans)
                .from(pageRows)
                .join(VDL_PRODUCER).on(VDL_PRODUCER.ID.eq(pageRows.field(VDL_PLOT.PRODUCER_ID)))
                .orderBy(id);
    }

    private static Condition condition(PlotFilter f) {
        Condition c = noCondition();
        if (!f.statuses().isEmpty()) {
            c = c.and(VDL_PLOT.STATUS.in(f.statuses().stream().sorted().map(PlotStatus::dbValue).toList()));
        }
        if (f.producerId() != null) {
            c = c.and(VDL_PLOT.PRODUCER_ID.eq(Check.id(f.producerId(), "producerId")));
        }
        if (f.grapeVariety() != null) {
            c = c.and(VDL_PLOT.GRAPE_VARIETIES.containsIgnoreCase(Check.text(f.grapeVariety(), 200, "grapeVariety")));
        }
        if (f.soilType() != null) {
            c = c.and(VDL_PLOT.SOIL_TYPE.equalIgnoreCase(Check.text(f.soilType(), 100, "soilType")));
        }
        if (f.minElevation() != null) {
            c = c.and(VDL_PLOT.ELEVATION.ge(Check.range(f.minElevation(), -500, 9000, "minElevation")));
        }
        if (f.maxElevation() != null) {
            c = c.and(VDL_PLOT.ELEVATION.le(Check.range(f.maxElevation(), -500, 9000, "maxElevation")));
        }
        if (f.minSize() != null) {
            c = c.and(VDL_PLOT.SIZE_HECTARES.ge(Check.decimal(f.minSize(), 5, 2, "minSize")));
        }
        if (f.maxSize() != null) {
            c = c.and(VDL_PLOT.SIZE_HECTARES.le(Check.decimal(f.maxSize(), 5, 2, "maxSize")));
        }
        return c;
    }

    /**
     * The available adoption plans, cheapest first, each with its coffret and the plots (any status, by id, with
     * their producer) that offer it. One statement.
     *
     * @throws lu.entreprinder.persistence.core.PersistenceException on database failure
     */
    public List<AvailablePlan> listAvailablePlans() {
        Field<List<PlotRef>> plots = multiset(
                select(VDL_PLOT.ID, VDL_PLOT.NAME, VDL_PLOT.STATUS.convertFrom(PlotStatus::fromDb),
                        row(VDL_PRODUCER.ID, VDL_PRODUCER.NAME, VDL_PRODUCER.REGION).mapping(ProducerRef::new))
                        .from(VDL_PLOT_ADOPTION_PLANS)
                        .join(VDL_PLOT).on(VDL_PLOT.ID.eq(VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID))
                        .join(VDL_PRODUCER).on(VDL_PRODUCER.ID.eq(VDL_PLOT.PRODUCER_ID))
                        .where(VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID.eq(VDL_ADOPTION_PLAN.ID))
                        .orderBy(VDL_PLOT.ID))
                .convertFrom(r -> r.map(Records.mapping(PlotRef::new)));
        return db.dsl()
                .select(row(VDL_ADOPTION_PLAN.ID, VDL_ADOPTION_PLAN.NAME, VDL_ADOPTION_PLAN.PRICE,
                                VDL_ADOPTION_PLAN.DURATION_MONTHS, VDL_ADOPTION_PLAN.IS_AVAILABLE,
                                row(VDL_COFFRET.ID, VDL_COFFRET.NAME, VDL_COFFRET.BOTTLES, VDL_COFFRET.DESCRIPTION)
                                        .mapping(Coffret::new))
                                .mapping(AdoptionPlan::new),
                        plots)
                .from(VDL_ADOPTION_PLAN)
                .join(VDL_COFFRET).on(VDL_COFFRET.ID.eq(VDL_ADOPTION_PLAN.COFFRET_ID))
                .where(VDL_ADOPTION_PLAN.IS_AVAILABLE.isTrue())
                .orderBy(VDL_ADOPTION_PLAN.PRICE, VDL_ADOPTION_PLAN.ID)
                .fetch(Records.mapping(AvailablePlan::new));
    }
}
