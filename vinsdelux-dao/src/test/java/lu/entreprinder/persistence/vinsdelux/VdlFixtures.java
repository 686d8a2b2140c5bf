package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Arrays;
import java.util.List;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import org.jooq.Table;

/** VinsDelux test data through the DAOs' own API, a snapshot of every VinsDelux row, and the refusal assertion. */
final class VdlFixtures {

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[6.35,49.55]}";

    private VdlFixtures() {
    }

    static long producer(Database db, String name) {
        return new ProducerDao(db).insertProducer(new NewProducer(name, "Moselle", "Family estate", "producers/" + name + ".png",
                POINT));
    }

    static long coffret(Database db, String name, int bottles) {
        return new CoffretDao(db).insertCoffret(new NewCoffret(name, bottles, "A box of " + bottles));
    }

    static long plan(Database db, String name, String price, long coffretId, boolean available) {
        return new AdoptionPlanDao(db).insertAdoptionPlan(new NewAdoptionPlan(name, new BigDecimal(price), 12, coffretId, available));
    }

    static long plot(Database db, long producerId, String name) {
        return plot(db, producerId, name, "1.50", "Riesling, Pinot Gris", "limestone", 250);
    }

    static long plot(Database db, long producerId, String name, String size, String grapes, String soil,
                     int elevation) {
        return new PlotDao(db).insertPlot(new PlotDetails(producerId, name, new BigDecimal(size), grapes, soil, elevation,
                null));
    }

    static PlotStatus status(Database db, long plotId) {
        return PlotStatus.fromDb(db.dsl().select(VDL_PLOT.STATUS).from(VDL_PLOT).where(VDL_PLOT.ID.eq(plotId))
                .fetchOne(VDL_PLOT.STATUS));
    }

    static int reservations(Database db) {
        return db.dsl().fetchCount(VDL_PLOT_RESERVATION);
    }

    /** Every VinsDelux row, in a stable text form: equal snapshots mean nothing changed. */
    static String snapshot(Database db) {
        StringBuilder s = new StringBuilder();
        for (Table<?> t : new Table<?>[] {VDL_PRODUCER, VDL_COFFRET, VDL_ADOPTION_PLAN, VDL_PLOT,
                VDL_PLOT_ADOPTION_PLANS, VDL_PLOT_RESERVATION}) {
            s.append(t.getName()).append(": ");
            s.append(db.dsl().selectFrom(t).orderBy(t.field("id")).fetch().stream()
                    .map(r -> r.intoList().toString()).collect(Collectors.joining("; ")));
            s.append('\n');
        }
        return s.toString();
    }

    /** A producer, by plain insert (this class does not depend on the catalogue's API). */
    static long producer(Database db) {
        return db.dsl().insertInto(VDL_PRODUCER)
                .set(VDL_PRODUCER.NAME, "Alpha").set(VDL_PRODUCER.REGION, "Moselle")
                .set(VDL_PRODUCER.DESCRIPTION, "Family estate").set(VDL_PRODUCER.LOGO, "alpha.png")
                .returning(VDL_PRODUCER.ID).fetchOne(VDL_PRODUCER.ID);
    }
    /** {@code n} available plots of the producer, ids ascending. */
    static long[] plots(Database db, long producer, int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = db.dsl().insertInto(VDL_PLOT)
                    .set(VDL_PLOT.PRODUCER_ID, producer).set(VDL_PLOT.NAME, "Plot " + i)
                    .set(VDL_PLOT.STATUS, PlotStatus.AVAILABLE.dbValue())
                    .set(VDL_PLOT.SIZE_HECTARES, new BigDecimal("1.50")).set(VDL_PLOT.GRAPE_VARIETIES, "Riesling")
                    .set(VDL_PLOT.SOIL_TYPE, "limestone").set(VDL_PLOT.ELEVATION, 250)
                    .returning(VDL_PLOT.ID).fetchOne(VDL_PLOT.ID);
        }
        return ids;
    }
    static List<Long> list(long... ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
