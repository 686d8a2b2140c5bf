package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;

import java.util.Objects;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlCoffretRecord;

/**
 * VinsDelux coffrets ({@code vinsdelux_vdlcoffret}, the box of bottles an adoption plan ships): validated inserts and
 * updates, one SQL statement each. Coffrets are read nested in their plans ({@link AdoptionPlanDao},
 * {@link PlotDao#listPlots}). Thread-safe; runs in the caller's transaction when there is one.
 */
public final class CoffretDao {

    private final Database db;

    public CoffretDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Inserts a coffret.
     *
     * @return the new coffret's id
     * @throws ValidationException naming the field (name, bottles, description) for bad input
     */
    public long insertCoffret(NewCoffret coffret) {
        Check.required(coffret, "coffret");
        return db.dsl().insertInto(VDL_COFFRET).set(values(coffret))
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
        return db.dsl().update(VDL_COFFRET).set(values(coffret))
                .where(VDL_COFFRET.ID.eq(coffretId)).execute() == 1;
    }

    /** The validated columns that insert and update both write (the record's changed fields). */
    private static VdlCoffretRecord values(NewCoffret c) {
        VdlCoffretRecord r = new VdlCoffretRecord();
        r.setName(Check.text(c.name(), 200, "name"));
        r.setBottles(Check.range(c.bottles(), 0, 1000, "bottles"));
        r.setDescription(Check.text(c.description(), 0, "description"));
        return r;
    }
}
