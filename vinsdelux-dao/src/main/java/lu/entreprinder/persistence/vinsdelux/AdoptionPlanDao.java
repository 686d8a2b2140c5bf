package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Objects;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlAdoptionPlanRecord;
import org.jooq.Field;
import org.jooq.Records;

/**
 * VinsDelux adoption plans ({@code vinsdelux_vdladoptionplan}): validated inserts and updates, and the shop's list
 * of available plans with their coffret and the plots that offer them, one SQL statement per method (a write that
 * can fail on its coffret's foreign key runs in its own savepoint of the caller's transaction, so a caller that
 * catches the {@code ForeignKeyViolationException} keeps a usable transaction). Which plots offer a plan is written
 * through {@link PlotDao#linkPlotToPlan}. Thread-safe; runs in the caller's transaction when there is one.
 */
public final class AdoptionPlanDao {

    private final Database db;

    public AdoptionPlanDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
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
        VdlAdoptionPlanRecord values = values(plan);
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
        VdlAdoptionPlanRecord values = values(plan);
        return db.inTransaction(tx -> tx.dsl().update(VDL_ADOPTION_PLAN).set(values)
                .where(VDL_ADOPTION_PLAN.ID.eq(planId)).execute() == 1);
    }

    /** The validated columns that insert and update both write (the record's changed fields). */
    private static VdlAdoptionPlanRecord values(NewAdoptionPlan p) {
        VdlAdoptionPlanRecord r = new VdlAdoptionPlanRecord();
        r.setName(Check.text(p.name(), 200, "name"));
        r.setPrice(Check.decimal(p.price(), 8, 2, "price"));
        r.setDurationMonths(Check.range(p.durationMonths(), 1, 600, "durationMonths"));
        r.setCoffretId(Check.id(p.coffretId(), "coffretId"));
        r.setIsAvailable(Check.required(p.available(), "available"));
        return r;
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
