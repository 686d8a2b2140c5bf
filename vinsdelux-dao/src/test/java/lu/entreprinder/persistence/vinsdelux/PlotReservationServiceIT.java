package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.testing.Refusals.assertField;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;

class PlotReservationServiceIT {

    private static final OffsetDateTime START = TestClock.START.atOffset(ZoneOffset.UTC);
    private static final Duration HOLD = Duration.ofMinutes(30);

    private record World(Database db, PlotReservationService service, RecordingListener listener, long producer) {
    }

    private static World world(Database db) {
        var listener = new RecordingListener();
        return new World(db, new PlotReservationService(db, listener), listener, VdlFixtures.producer(db, "Alpha"));
    }

    @DatabaseTest
    void reservesAnAvailablePlotUntilNowPlusTheHold(Database db) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");

        ReserveResult result = w.service.reserve(anna, plot, HOLD);

        assertThat(result).isInstanceOfSatisfying(ReserveResult.Reserved.class, r -> {
            assertThat(r.plotId()).isEqualTo(plot);
            assertThat(r.expiresAt()).isEqualTo(START.plus(HOLD));
        });
        assertThat(VdlFixtures.status(db, plot)).isEqualTo(PlotStatus.RESERVED);
        var row = db.dsl().selectFrom(VDL_PLOT_RESERVATION).fetchOne();
        assertThat(row.getUserId()).isEqualTo(anna);
        assertThat(row.getCreatedAt()).isEqualTo(START);
        assertThat(row.getExpiresAt()).isEqualTo(START.plus(HOLD));
        assertThat(row.getIsConfirmed()).isFalse();
    }

    @DatabaseTest
    void aReservedAdoptedOrUnavailablePlotIsNotAvailable(Database db) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        var first = (ReserveResult.Reserved) w.service.reserve(anna, plot, HOLD);

        assertThat(w.service.reserve(ben, plot, HOLD)).isEqualTo(new ReserveResult.NotAvailable(plot,
                PlotStatus.RESERVED));
        assertThat(w.service.reserve(anna, plot, HOLD)).isEqualTo(new ReserveResult.AlreadyReserved(
                first.reservationId(), plot, first.expiresAt()));

        w.service.confirm(anna, first.reservationId());
        assertThat(w.service.reserve(ben, plot, HOLD)).isEqualTo(new ReserveResult.NotAvailable(plot,
                PlotStatus.ADOPTED));
        assertThat(w.service.reserve(anna, plot, HOLD)).isEqualTo(new ReserveResult.NotAvailable(plot,
                PlotStatus.ADOPTED));

        long closed = new PlotDao(w.db).insertPlot(new PlotDetails(w.producer, "C", BigDecimal.ONE, "g", "s", 1, null),
                PlotStatus.UNAVAILABLE);
        assertThat(w.service.reserve(ben, closed, HOLD)).isEqualTo(new ReserveResult.NotAvailable(closed,
                PlotStatus.UNAVAILABLE));
        assertThat(VdlFixtures.reservations(db)).isEqualTo(1);
    }

    @DatabaseTest
    void aPlotWhoseHoldExpiredCanBeReservedAgainBeforeTheSweep(Database db, TestClock clock) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        var old = (ReserveResult.Reserved) w.service.reserve(anna, plot, HOLD);
        clock.advance(HOLD);

        var taken = w.service.reserve(ben, plot, HOLD);

        assertThat(taken).isInstanceOf(ReserveResult.Reserved.class);
        assertThat(db.dsl().selectFrom(VDL_PLOT_RESERVATION).fetch(VDL_PLOT_RESERVATION.ID))
                .containsExactly(((ReserveResult.Reserved) taken).reservationId());
        assertThat(w.service.confirm(anna, old.reservationId())).isEqualTo(new ConfirmResult.NotFound(
                old.reservationId()));
        assertThat(w.listener.released).containsExactly(new ReservationEvent(old.reservationId(), anna, plot,
                START.plus(HOLD)));
        // the same user may also renew their own expired hold
        clock.advance(HOLD);
        assertThat(w.service.reserve(ben, plot, HOLD)).isInstanceOf(ReserveResult.Reserved.class);
        assertThat(VdlFixtures.reservations(db)).isEqualTo(1);
    }

    @DatabaseTest
    void refusesBadReserveInputAndUnknownRowsWritingNothing(Database db) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        String before = VdlFixtures.snapshot(db);

        assertField(() -> w.service.reserve(0, plot, HOLD), "userId");
        assertField(() -> w.service.reserve(1L + Integer.MAX_VALUE, plot, HOLD), "userId");
        assertField(() -> w.service.reserve(anna, -1, HOLD), "plotId");
        assertField(() -> w.service.reserve(anna, plot, null), "holdFor");
        assertField(() -> w.service.reserve(anna, plot, Duration.ZERO), "holdFor");
        assertField(() -> w.service.reserve(anna, plot, Duration.ofDays(31)), "holdFor");
        assertField(() -> w.service.confirm(anna, 0), "reservationId");
        assertField(() -> w.service.confirm(-5, 1), "userId");
        assertField(() -> w.service.cancel(anna, 0), "reservationId");
        assertField(() -> w.service.cancel(0, 1), "userId");
        assertField(() -> w.service.releaseExpired(0), "batchSize");
        assertField(() -> w.service.releaseExpired(1001), "batchSize");
        assertField(() -> w.service.listReservations(0), "userId");
        assertThatThrownBy(() -> w.service.reserve(anna, plot + 100, HOLD)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.service.reserve(anna + 100, plot, HOLD))
                .isInstanceOf(ForeignKeyViolationException.class);
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);
    }

    @DatabaseTest
    void confirmAdoptsThePlotAndReportsAfterCommit(Database db) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        var r = (ReserveResult.Reserved) w.service.reserve(anna, plot, HOLD);

        assertThat(w.service.confirm(anna, r.reservationId())).isEqualTo(new ConfirmResult.Confirmed(
                r.reservationId(), plot));

        assertThat(VdlFixtures.status(db, plot)).isEqualTo(PlotStatus.ADOPTED);
        assertThat(db.dsl().selectFrom(VDL_PLOT_RESERVATION).fetchOne().getIsConfirmed()).isTrue();
        assertThat(w.listener.confirmed).containsExactly(new ReservationEvent(r.reservationId(), anna, plot, START));
        assertThat(w.service.confirm(anna, r.reservationId())).isEqualTo(new ConfirmResult.AlreadyConfirmed(
                r.reservationId(), plot));
        assertThat(w.listener.confirmed).hasSize(1);
    }

    @DatabaseTest
    void confirmInsideARolledBackTransactionReportsNothing(Database db) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        var r = (ReserveResult.Reserved) w.service.reserve(anna, plot, HOLD);

        assertThatThrownBy(() -> db.useTransaction(tx -> {
            assertThat(w.service.confirm(anna, r.reservationId())).isInstanceOf(ConfirmResult.Confirmed.class);
            assertThat(w.listener.confirmed).isEmpty();
            throw new IllegalStateException("caller fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(w.listener.confirmed).isEmpty();
        assertThat(VdlFixtures.status(db, plot)).isEqualTo(PlotStatus.RESERVED);
    }

    @DatabaseTest
    void confirmingAnExpiredOrForeignReservationIsRefusedWritingNothing(Database db, TestClock clock) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        var r = (ReserveResult.Reserved) w.service.reserve(anna, plot, HOLD);
        String before = VdlFixtures.snapshot(db);

        assertThat(w.service.confirm(ben, r.reservationId())).isEqualTo(new ConfirmResult.NotFound(r.reservationId()));
        assertThat(w.service.confirm(anna, r.reservationId() + 7)).isEqualTo(new ConfirmResult.NotFound(
                r.reservationId() + 7));
        clock.advance(HOLD);
        assertThat(w.service.confirm(anna, r.reservationId())).isEqualTo(new ConfirmResult.Expired(
                r.reservationId(), START.plus(HOLD)));

        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);
        assertThat(w.listener.confirmed).isEmpty();
    }

    @DatabaseTest
    void cancelDeletesTheReservationFreesThePlotAndReportsAfterCommit(Database db, TestClock clock) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long plot = VdlFixtures.plot(w.db, w.producer, "P1");
        var r = (ReserveResult.Reserved) w.service.reserve(anna, plot, HOLD);
        String before = VdlFixtures.snapshot(db);

        assertThat(w.service.cancel(ben, r.reservationId())).isEqualTo(new CancelResult.NotFound(r.reservationId()));
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(before);

        clock.advance(Duration.ofMinutes(5));
        assertThat(w.service.cancel(anna, r.reservationId())).isEqualTo(new CancelResult.Cancelled(
                r.reservationId(), plot));
        assertThat(VdlFixtures.status(db, plot)).isEqualTo(PlotStatus.AVAILABLE);
        assertThat(VdlFixtures.reservations(db)).isZero();
        assertThat(w.listener.cancelled).containsExactly(new ReservationEvent(r.reservationId(), anna, plot,
                START.plusMinutes(5)));
        assertThat(w.service.cancel(anna, r.reservationId())).isEqualTo(new CancelResult.NotFound(r.reservationId()));

        var again = (ReserveResult.Reserved) w.service.reserve(ben, plot, HOLD);
        w.service.confirm(ben, again.reservationId());
        String adopted = VdlFixtures.snapshot(db);
        assertThat(w.service.cancel(ben, again.reservationId())).isEqualTo(new CancelResult.AlreadyConfirmed(
                again.reservationId(), plot));
        assertThat(VdlFixtures.snapshot(db)).isEqualTo(adopted);
    }

    @DatabaseTest
    void theSweepReleasesExpiredHoldsInBatchesButNeverAConfirmedOne(Database db, TestClock clock) {
        World w = world(db);
        long anna = Fixtures.user(db, "anna");
        List<Long> expiring = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long plot = VdlFixtures.plot(w.db, w.producer, "E" + i);
            w.service.reserve(anna, plot, Duration.ofMinutes(10));
            expiring.add(plot);
        }
        long confirmedPlot = VdlFixtures.plot(w.db, w.producer, "C");
        var c = (ReserveResult.Reserved) w.service.reserve(anna, confirmedPlot, Duration.ofMinutes(10));
        w.service.confirm(anna, c.reservationId());
        long livePlot = VdlFixtures.plot(w.db, w.producer, "L");
        w.service.reserve(anna, livePlot, Duration.ofHours(2));

        assertThat(w.service.releaseExpired(2)).isZero();
        clock.advance(Duration.ofMinutes(10));

        assertThat(w.service.releaseExpired(2)).isEqualTo(5);

        for (long plot : expiring) {
            assertThat(VdlFixtures.status(db, plot)).isEqualTo(PlotStatus.AVAILABLE);
        }
        assertThat(VdlFixtures.status(db, confirmedPlot)).isEqualTo(PlotStatus.ADOPTED);
        assertThat(VdlFixtures.status(db, livePlot)).isEqualTo(PlotStatus.RESERVED);
        assertThat(VdlFixtures.reservations(db)).isEqualTo(2);
        assertThat(w.listener.released).extracting(ReservationEvent::plotId)
                .containsExactlyInAnyOrderElementsOf(expiring);
        assertThat(w.service.releaseExpired(100)).isZero();
        clock.advance(Duration.ofDays(400));
        assertThat(w.service.releaseExpired(100)).isEqualTo(1);
        assertThat(VdlFixtures.status(db, confirmedPlot)).isEqualTo(PlotStatus.ADOPTED);
    }

    /** 3 reservations (one confirmed, one expired, one live) on plots of 2 producers. */
    @DatabaseTest
    void listsAUsersReservationsWithPlotProducerAndExpiryInOneStatement(Database db, TestClock clock) {
        World w = world(db);
        long beta = VdlFixtures.producer(w.db, "Beta");
        long anna = Fixtures.user(db, "anna");
        long ben = Fixtures.user(db, "ben");
        long p1 = VdlFixtures.plot(w.db, w.producer, "P1");
        long p2 = VdlFixtures.plot(w.db, beta, "P2");
        long p3 = VdlFixtures.plot(w.db, beta, "P3");
        long p4 = VdlFixtures.plot(w.db, beta, "P4");
        var r1 = (ReserveResult.Reserved) w.service.reserve(anna, p1, Duration.ofHours(1));
        w.service.confirm(anna, r1.reservationId());
        clock.advance(Duration.ofMinutes(1));
        var r2 = (ReserveResult.Reserved) w.service.reserve(anna, p2, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(1));
        var r3 = (ReserveResult.Reserved) w.service.reserve(anna, p3, Duration.ofHours(1));
        w.service.reserve(ben, p4, HOLD);
        clock.advance(Duration.ofMinutes(20));

        var counted = Statements.count(db, () -> w.service.listReservations(anna));

        assertThat(counted.statements()).isEqualTo(1);
        List<UserReservation> list = counted.value();
        assertThat(list).extracting(UserReservation::id).containsExactly(r3.reservationId(), r2.reservationId(),
                r1.reservationId());
        assertThat(list).extracting(UserReservation::expired).containsExactly(false, true, false);
        assertThat(list).extracting(UserReservation::confirmed).containsExactly(false, false, true);
        assertThat(list.get(1).plot()).isEqualTo(new PlotRef(p2, "P2", PlotStatus.RESERVED,
                new ProducerRef(beta, "Beta", "Moselle")));
        assertThat(list.get(2).plot().status()).isEqualTo(PlotStatus.ADOPTED);
        assertThat(list.get(1).createdAt()).isEqualTo(START.plusMinutes(1));
        assertThat(list.get(1).expiresAt()).isEqualTo(START.plusMinutes(11));
        assertThat(list.get(0).notes()).isEmpty();
        assertThat(w.service.listReservations(ben + 10)).isEmpty();
    }
}
