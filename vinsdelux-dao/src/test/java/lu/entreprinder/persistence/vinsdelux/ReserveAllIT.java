package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.list;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.plots;
import static lu.entreprinder.persistence.vinsdelux.VdlFixtures.producer;
import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;
import org.jooq.impl.DSL;

/** {@link PlotReservationService#reserveAll}: several plots in one call, all or nothing, 24 h each. */
class ReserveAllIT {

    private static final OffsetDateTime START = TestClock.START.atOffset(ZoneOffset.UTC);

    static void setStatus(Database db, long plot, PlotStatus status) {
        db.dsl().update(VDL_PLOT).set(VDL_PLOT.STATUS, status.dbValue()).where(VDL_PLOT.ID.eq(plot)).execute();
    }

    /** Every plot's status and every reservation, in a stable text form: equal snapshots mean nothing changed. */
    static String snapshot(Database db) {
        return db.dsl().select(VDL_PLOT.ID, VDL_PLOT.STATUS).from(VDL_PLOT).orderBy(VDL_PLOT.ID).fetch().toString()
                + db.dsl().selectFrom(VDL_PLOT_RESERVATION).orderBy(VDL_PLOT_RESERVATION.ID).fetch().stream()
                .map(r -> r.intoList().toString()).collect(Collectors.joining("; "));
    }

    @DatabaseTest
    void reservesThreePlotsInOneCallEachFor24Hours(Database db) {
        var listener = new RecordingListener();
        var service = new PlotReservationService(db, listener);
        long anna = Fixtures.user(db, "anna");
        long[] p = plots(db, producer(db), 4);

        var counted = Statements.count(db, () -> service.reserveAll(anna, list(p[2], p[0], p[1])));

        assertThat(counted.statements()).as("lock, update the plots, insert the reservations").isEqualTo(3);
        var reserved = (ReserveAllResult.Reserved) counted.value();
        assertThat(reserved.reservations()).extracting(ReserveResult.Reserved::plotId).containsExactly(p[0], p[1], p[2]);
        assertThat(reserved.reservations()).extracting(ReserveResult.Reserved::expiresAt)
                .containsOnly(START.plus(Duration.ofHours(24)));
        for (var r : reserved.reservations()) {
            var row = db.dsl().selectFrom(VDL_PLOT_RESERVATION).where(VDL_PLOT_RESERVATION.ID.eq(r.reservationId()))
                    .fetchSingle();
            assertThat(row.getPlotId()).isEqualTo(r.plotId());
            assertThat(row.getUserId()).isEqualTo((int) anna);
            assertThat(row.getCreatedAt()).isEqualTo(START);
            assertThat(row.getExpiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
            assertThat(row.getIsConfirmed()).isFalse();
            assertThat(VdlFixtures.status(db, r.plotId())).isEqualTo(PlotStatus.RESERVED);
        }
        assertThat(VdlFixtures.status(db, p[3])).isEqualTo(PlotStatus.AVAILABLE);
        assertThat(listener.released).isEmpty();
        // each reservation is an ordinary one: it can be confirmed on its own
        assertThat(service.confirm(anna, reserved.reservations().get(1).reservationId()))
                .isInstanceOf(ConfirmResult.Confirmed.class);
    }

    @DatabaseTest
    void oneUnavailablePlotReservesNothingAndNamesTheUnavailableOnes(Database db) {
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long[] p = plots(db, producer(db), 5);
        setStatus(db, p[1], PlotStatus.ADOPTED);
        setStatus(db, p[3], PlotStatus.UNAVAILABLE);
        service.reserve(ben, p[2], Duration.ofHours(1));
        String before = snapshot(db);

        var counted = Statements.count(db, () -> service.reserveAll(anna, list(p[4], p[3], p[2], p[1], p[0])));

        assertThat(counted.value()).isEqualTo(new ReserveAllResult.NothingReserved(list(p[1], p[2], p[3]), List.of()));
        assertThat(counted.statements()).as("lock, read the holds of the reserved plot").isEqualTo(2);
        assertThat(snapshot(db)).isEqualTo(before);

        var adoptedOnly = Statements.count(db, () -> service.reserveAll(anna, list(p[0], p[1])));
        assertThat(adoptedOnly.value()).isEqualTo(new ReserveAllResult.NothingReserved(list(p[1]), List.of()));
        assertThat(adoptedOnly.statements()).as("no reserved plot: the lock only").isEqualTo(1);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void aPlotTheUserAlreadyHoldsReservesNothing(Database db) {
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long anna = Fixtures.user(db, "anna");
        long[] p = plots(db, producer(db), 2);
        service.reserve(anna, p[0], Duration.ofHours(1));
        String before = snapshot(db);

        assertThat(service.reserveAll(anna, list(p[0], p[1])))
                .isEqualTo(new ReserveAllResult.NothingReserved(List.of(), list(p[0])));
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void anExpiredHoldIsReleasedAndReportedAsASingleReserveDoes(Database db, TestClock clock) {
        var listener = new RecordingListener();
        var service = new PlotReservationService(db, listener);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long[] p = plots(db, producer(db), 3);
        long bens = ((ReserveResult.Reserved) service.reserve(ben, p[1], Duration.ofMinutes(10))).reservationId();
        long annasOld = ((ReserveResult.Reserved) service.reserve(anna, p[2], Duration.ofMinutes(10))).reservationId();
        clock.advance(Duration.ofMinutes(11));

        var counted = Statements.count(db, () -> service.reserveAll(anna, list(p[0], p[1], p[2])));

        assertThat(counted.value()).isInstanceOf(ReserveAllResult.Reserved.class);
        assertThat(counted.statements()).as("lock, holds, delete expired, update, insert").isEqualTo(5);
        assertThat(listener.released).extracting(ReservationEvent::reservationId).containsExactlyInAnyOrder(bens, annasOld);
        assertThat(listener.released).allSatisfy(e -> assertThat(e.at()).isEqualTo(db.now()));
        assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION)).isEqualTo(3);
        assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.USER_ID.eq(anna)))
                .isEqualTo(3);
    }

    @DatabaseTest
    void noNoticeWhenTheCallersTransactionRollsBack(Database db, TestClock clock) {
        var listener = new RecordingListener();
        var service = new PlotReservationService(db, listener);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long[] p = plots(db, producer(db), 2);
        service.reserve(ben, p[1], Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(11));
        String before = snapshot(db);

        assertThatThrownBy(() -> db.useTransaction(tx -> {
            service.reserveAll(anna, list(p[0], p[1]));
            throw new IllegalStateException("caller gives up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(listener.released).isEmpty();
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void tenPlotsAreTheMostOneCallReserves(Database db) {
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long anna = Fixtures.user(db, "anna");
        long[] p = plots(db, producer(db), 11);
        String before = snapshot(db);

        assertField(() -> service.reserveAll(anna, list(p)), "plotIds");
        assertThat(snapshot(db)).isEqualTo(before);

        var ten = service.reserveAll(anna, list(Arrays.copyOf(p, 10)));
        assertThat(ten).isInstanceOfSatisfying(ReserveAllResult.Reserved.class,
                r -> assertThat(r.reservations()).hasSize(10));
    }

    @DatabaseTest
    void badInputIsRefusedNamingTheFieldAndWritesNothing(Database db) {
        var service = new PlotReservationService(db, ReservationListener.NONE);
        long anna = Fixtures.user(db, "anna");
        long[] p = plots(db, producer(db), 3);
        String before = snapshot(db);

        assertField(() -> service.reserveAll(anna, null), "plotIds");
        assertField(() -> service.reserveAll(anna, List.of()), "plotIds");
        assertField(() -> service.reserveAll(anna, list(p[0], p[1], p[0])), "plotIds");
        assertField(() -> service.reserveAll(anna, list(p[0], 0)), "plotIds");
        assertField(() -> service.reserveAll(anna, list(p[0], -5)), "plotIds");
        List<Long> withNull = new ArrayList<>(list(p[0]));
        withNull.add(null);
        assertField(() -> service.reserveAll(anna, withNull), "plotIds");
        assertField(() -> service.reserveAll(0, list(p[0])), "userId");
        assertThatThrownBy(() -> service.reserveAll(anna, list(p[0], p[2] + 100, p[2] + 50)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains(
                        String.valueOf(p[2] + 50)));
        assertThatThrownBy(() -> service.reserveAll(999_999, list(p[0], p[1])))
                .isInstanceOf(ForeignKeyViolationException.class);

        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(LongStream.of(p).mapToObj(id -> VdlFixtures.status(db, id)))
                .containsOnly(PlotStatus.AVAILABLE);
        assertThat(db.dsl().fetchCount(VDL_PLOT_RESERVATION, DSL.noCondition())).isZero();
    }

}
