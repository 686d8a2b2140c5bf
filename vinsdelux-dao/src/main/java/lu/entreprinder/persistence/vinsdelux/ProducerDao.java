package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectCount;

import java.util.List;
import java.util.Objects;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.generated.tables.records.VdlProducerRecord;
import lu.entreprinder.persistence.vinsdelux.internal.GeoJsonCodec;
import org.jooq.Field;
import org.jooq.Records;

/**
 * VinsDelux producers ({@code vinsdelux_vdlproducer}): validated inserts and updates, and the producer listing with
 * plot counts, one SQL statement per method. Thread-safe; runs in the caller's transaction when there is one.
 */
public final class ProducerDao {

    private final Database db;

    public ProducerDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Inserts a producer.
     *
     * @return the new producer's id
     * @throws ValidationException naming the field (name, region, description, logo, coordinates) for bad input
     */
    public long insertProducer(NewProducer producer) {
        Check.required(producer, "producer");
        VdlProducerRecord values = values(producer);
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
        VdlProducerRecord values = values(producer);
        return db.dsl().update(VDL_PRODUCER).set(values)
                .where(VDL_PRODUCER.ID.eq(producerId)).execute() == 1;
    }

    /**
     * The validated columns that insert and update both write (the record's changed fields), so the two cannot
     * drift apart.
     */
    private static VdlProducerRecord values(NewProducer p) {
        VdlProducerRecord r = new VdlProducerRecord();
        r.setName(Check.text(p.name(), 200, "name"));
        r.setRegion(Check.text(p.region(), 100, "region"));
        r.setDescription(Check.text(p.description(), 0, "description"));
        r.setLogo(Check.text(p.logo(), 100, "logo"));
        r.setCoordinates(GeoJsonCodec.optionalColumn(p.coordinates(), "coordinates"));
        return r;
    }

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
}
