package lu.entreprinder.persistence.vinsdelux;

import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_RESERVATION;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.Records;
import org.jooq.SelectForUpdateStep;
import org.jooq.Result;

/**
 * Race-safe plot reservations: reserve, confirm, cancel and the expiry sweep. Every method runs its own
 * transaction (a savepoint inside the caller's). Thread-safe; several instances may share one database.
 *
 * <p>Lock order, everywhere: the plot row first ({@code FOR UPDATE}; SQLite: the write lock of the immediate
 * transaction), then its reservation rows. The sweep locks plots with {@code SKIP LOCKED} and never waits for a
 * row, so sweeps, reservations and confirmations cannot deadlock. Invariant kept by every method: a plot is
 * {@code reserved} exactly while it has one unconfirmed reservation, {@code adopted} with a confirmed one, and
 * {@code available} without any.
 */
public final class PlotReservationService {

    /** The longest hold {@link #reserve} accepts. */
    public static final Duration MAX_HOLD = Duration.ofDays(30);

    /** How long each reservation of {@link #reserveAll} holds its plot. */
    public static final Duration RESERVE_ALL_HOLD = Duration.ofHours(24);

    /** The most plots {@link #reserveAll} reserves in one call. */
    public static final int MAX_PLOTS_PER_CALL = 10;

    private final Database db;
    private final ReservationListener listener;

    /**
     * @param listener told after each commit (use {@link ReservationListener#NONE} for nobody)
     */
    public PlotReservationService(Database db, ReservationListener listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Reserves an available plot for the user until {@code db.now() + holdFor}, in one transaction with the plot row
     * locked. A reserved plot whose only reservation has expired (not yet swept) is released (reported to
     * {@link ReservationListener#released} after the commit) and reserved anew.
     *
     * @return {@link ReserveResult.Reserved}, {@link ReserveResult.NotAvailable} (reserved by someone else, adopted,
     *         unavailable) or {@link ReserveResult.AlreadyReserved} (the user holds a live reservation of it)
     * @throws ValidationException (userId, plotId, holdFor) for bad input
     * @throws NotFoundException if the plot does not exist
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the user does not exist
     */
    public ReserveResult reserve(long userId, long plotId, Duration holdFor) {
        long user = Check.userId(userId, "userId");
        Check.id(plotId, "plotId");
        Check.required(holdFor, "holdFor");
        if (holdFor.isNegative() || holdFor.isZero() || holdFor.compareTo(MAX_HOLD) > 0) {
            throw new ValidationException("holdFor", "must be positive and at most " + MAX_HOLD + ", was " + holdFor);
        }
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            PlotStatus status = lockPlot(tx, plotId).orElseThrow(() -> new NotFoundException("plot", plotId));
            OffsetDateTime now = tx.now();
            List<ReservationEvent> expired = new ArrayList<>();
            if (status == PlotStatus.RESERVED) {
                Result<Record4<Long, Long, OffsetDateTime, Boolean>> holds = dsl
                        .select(VDL_PLOT_RESERVATION.ID, VDL_PLOT_RESERVATION.USER_ID, VDL_PLOT_RESERVATION.EXPIRES_AT,
                                VDL_PLOT_RESERVATION.IS_CONFIRMED)
                        .from(VDL_PLOT_RESERVATION).where(VDL_PLOT_RESERVATION.PLOT_ID.eq(plotId)).fetch();
                for (var hold : holds) {
                    boolean live = hold.value4() || hold.value3().isAfter(now);
                    if (live && hold.value2() == user) {
                        return new ReserveResult.AlreadyReserved(hold.value1(), plotId, hold.value3());
                    }
                    if (live) {
                        return new ReserveResult.NotAvailable(plotId, status);
                    }
                    expired.add(new ReservationEvent(hold.value1(), hold.value2(), plotId, now));
                }
            } else if (status != PlotStatus.AVAILABLE) {
                return new ReserveResult.NotAvailable(plotId, status);
            }
            RaceSeam.of(db).pause("plot.reserve");
            if (!expired.isEmpty()) {
                dsl.deleteFrom(VDL_PLOT_RESERVATION)
                        .where(VDL_PLOT_RESERVATION.ID.in(expired.stream().map(ReservationEvent::reservationId).toList()))
                        .execute();
                tx.afterCommit(() -> expired.forEach(listener::released));
            }
            dsl.update(VDL_PLOT).set(VDL_PLOT.STATUS, PlotStatus.RESERVED.dbValue())
                    .where(VDL_PLOT.ID.eq(plotId)).execute();
            OffsetDateTime expiresAt = now.plus(holdFor);
            long id = dsl.insertInto(VDL_PLOT_RESERVATION)
                    .set(VDL_PLOT_RESERVATION.USER_ID, user)
                    .set(VDL_PLOT_RESERVATION.PLOT_ID, plotId)
                    .set(VDL_PLOT_RESERVATION.CREATED_AT, now)
                    .set(VDL_PLOT_RESERVATION.EXPIRES_AT, expiresAt)
                    .set(VDL_PLOT_RESERVATION.IS_CONFIRMED, false)
                    .set(VDL_PLOT_RESERVATION.NOTES, "")
                    .returning(VDL_PLOT_RESERVATION.ID).fetchOne(VDL_PLOT_RESERVATION.ID);
            return new ReserveResult.Reserved(id, plotId, expiresAt);
        });
    }

    /**
     * Reserves several available plots for the user in one transaction, all or nothing, each until
     * {@code db.now() +} {@link #RESERVE_ALL_HOLD} (24 hours). The plot rows are locked in ascending id order whatever
     * the order of {@code plotIds} ({@code SELECT … WHERE id IN (…) ORDER BY id FOR UPDATE}; SQLite: the immediate
     * transaction's write lock), so two callers with overlapping sets wait on each other instead of deadlocking. As
     * with {@link #reserve}, a plot whose only reservations have expired (not yet swept) is released (reported to
     * {@link ReservationListener#released} after the commit) and reserved anew. Statements: the lock; the holds of
     * the plots that are marked reserved (only when there are any); the delete of expired holds (only when there are
     * any); then one update of the plots and one multi-row insert of the reservations.
     *
     * @param plotIds 1 to {@link #MAX_PLOTS_PER_CALL} distinct plot ids, in any order
     * @return {@link ReserveAllResult.Reserved} (one reservation per plot, ascending plot id) or
     *         {@link ReserveAllResult.NothingReserved} naming the plots that are not available and those the user
     *         already holds
     * @throws ValidationException (userId) not a positive id; (plotIds) null or empty, more than
     *         {@link #MAX_PLOTS_PER_CALL}, an id null or not positive, or an id named twice. Nothing is written.
     * @throws NotFoundException if a plot does not exist (the lowest missing id). Nothing is written.
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the user does not exist
     */
    public ReserveAllResult reserveAll(long userId, List<Long> plotIds) {
        long user = Check.userId(userId, "userId");
        Check.required(plotIds, "plotIds");
        if (plotIds.isEmpty() || plotIds.size() > MAX_PLOTS_PER_CALL) {
            throw new ValidationException("plotIds",
                    "must name 1 to " + MAX_PLOTS_PER_CALL + " plots, named " + plotIds.size());
        }
        TreeSet<Long> sorted = new TreeSet<>();
        for (Long plotId : plotIds) {
            if (plotId == null || plotId <= 0) {
                throw new ValidationException("plotIds", "every plot id must be positive, was " + plotId);
            }
            if (!sorted.add(plotId)) {
                throw new ValidationException("plotIds", "plot " + plotId + " is named twice");
            }
        }
        List<Long> ids = List.copyOf(sorted);
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            SelectForUpdateStep<org.jooq.Record2<Long, String>> plots = dsl.select(VDL_PLOT.ID, VDL_PLOT.STATUS)
                    .from(VDL_PLOT).where(VDL_PLOT.ID.in(ids)).orderBy(VDL_PLOT.ID);
            Map<Long, String> stored = tx.forUpdate(plots).fetchMap(VDL_PLOT.ID, VDL_PLOT.STATUS);
            for (long plotId : ids) {
                if (!stored.containsKey(plotId)) {
                    throw new NotFoundException("plot", plotId);
                }
            }
            OffsetDateTime now = tx.now();
            List<Long> marked = ids.stream()
                    .filter(id -> PlotStatus.fromDb(stored.get(id)) == PlotStatus.RESERVED).toList();
            List<Long> unavailable = new ArrayList<>();
            List<Long> held = new ArrayList<>();
            List<ReservationEvent> expired = new ArrayList<>();
            if (!marked.isEmpty()) {
                Map<Long, List<Record4<Long, Long, OffsetDateTime, Boolean>>> holdsByPlot = new TreeMap<>();
                dsl.select(VDL_PLOT_RESERVATION.ID, VDL_PLOT_RESERVATION.USER_ID, VDL_PLOT_RESERVATION.EXPIRES_AT,
                                VDL_PLOT_RESERVATION.IS_CONFIRMED, VDL_PLOT_RESERVATION.PLOT_ID)
                        .from(VDL_PLOT_RESERVATION).where(VDL_PLOT_RESERVATION.PLOT_ID.in(marked))
                        .orderBy(VDL_PLOT_RESERVATION.PLOT_ID, VDL_PLOT_RESERVATION.ID)
                        .forEach(r -> holdsByPlot.computeIfAbsent(r.value5(), k -> new ArrayList<>())
                                .add(r.into(VDL_PLOT_RESERVATION.ID, VDL_PLOT_RESERVATION.USER_ID,
                                        VDL_PLOT_RESERVATION.EXPIRES_AT, VDL_PLOT_RESERVATION.IS_CONFIRMED)));
                for (var entry : holdsByPlot.entrySet()) {
                    List<ReservationEvent> expiredHere = new ArrayList<>();
                    boolean live = false;
                    for (var hold : entry.getValue()) {
                        if (hold.value4() || hold.value3().isAfter(now)) {
                            live = true;
                            (hold.value2() == user ? held : unavailable).add(entry.getKey());
                            break;
                        }
                        expiredHere.add(new ReservationEvent(hold.value1(), hold.value2(), entry.getKey(), now));
                    }
                    if (!live) {
                        expired.addAll(expiredHere);
                    }
                }
            }
            for (long plotId : ids) {
                PlotStatus status = PlotStatus.fromDb(stored.get(plotId));
                if (status != PlotStatus.AVAILABLE && status != PlotStatus.RESERVED) {
                    unavailable.add(plotId);
                }
            }
            if (!unavailable.isEmpty() || !held.isEmpty()) {
                return new ReserveAllResult.NothingReserved(unavailable.stream().sorted().toList(), held);
            }
            RaceSeam.of(db).pause("plot.reserve-all");
            if (!expired.isEmpty()) {
                dsl.deleteFrom(VDL_PLOT_RESERVATION)
                        .where(VDL_PLOT_RESERVATION.ID.in(expired.stream().map(ReservationEvent::reservationId).toList()))
                        .execute();
                tx.afterCommit(() -> expired.forEach(listener::released));
            }
            dsl.update(VDL_PLOT).set(VDL_PLOT.STATUS, PlotStatus.RESERVED.dbValue())
                    .where(VDL_PLOT.ID.in(ids)).execute();
            OffsetDateTime expiresAt = now.plus(RESERVE_ALL_HOLD);
            var insert = dsl.insertInto(VDL_PLOT_RESERVATION, VDL_PLOT_RESERVATION.USER_ID,
                    VDL_PLOT_RESERVATION.PLOT_ID, VDL_PLOT_RESERVATION.CREATED_AT, VDL_PLOT_RESERVATION.EXPIRES_AT,
                    VDL_PLOT_RESERVATION.IS_CONFIRMED, VDL_PLOT_RESERVATION.NOTES);
            for (long plotId : ids) {
                insert = insert.values(user, plotId, now, expiresAt, false, "");
            }
            // The database's own RETURNING (jOOQ's SQLite emulation reads last_insert_rowid(), one row only).
            Map<Long, Long> reservationByPlot = new TreeMap<>();
            dsl.resultQuery("{0} returning plot_id, id", insert)
                    .forEach(r -> reservationByPlot.put(r.get(0, Long.class), r.get(1, Long.class)));
            return new ReserveAllResult.Reserved(ids.stream()
                    .map(plotId -> new ReserveResult.Reserved(reservationByPlot.get(plotId), plotId, expiresAt))
                    .toList());
        });
    }

    /**
     * Confirms the user's live reservation: the reservation is confirmed and the plot adopted, then (after the
     * commit) {@link ReservationListener#confirmed} is told. Locks the plot, then re-reads the reservation.
     *
     * @return {@link ConfirmResult.Confirmed}, {@link ConfirmResult.AlreadyConfirmed}, {@link ConfirmResult.Expired}
     *         ({@code expiresAt <= db.now()}) or {@link ConfirmResult.NotFound} (also for another user's reservation)
     * @throws ValidationException (userId, reservationId) for ids that are not positive
     */
    public ConfirmResult confirm(long userId, long reservationId) {
        long user = Check.userId(userId, "userId");
        Check.id(reservationId, "reservationId");
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            Held held = lockAndRead(tx, user, reservationId);
            if (held == null) {
                return new ConfirmResult.NotFound(reservationId);
            }
            long plotId = held.plotId();
            if (held.confirmed()) {
                return new ConfirmResult.AlreadyConfirmed(reservationId, plotId);
            }
            OffsetDateTime now = tx.now();
            if (!held.expiresAt().isAfter(now)) {
                return new ConfirmResult.Expired(reservationId, held.expiresAt());
            }
            RaceSeam.of(db).pause("plot.confirm");
            dsl.update(VDL_PLOT_RESERVATION).set(VDL_PLOT_RESERVATION.IS_CONFIRMED, true)
                    .where(VDL_PLOT_RESERVATION.ID.eq(reservationId)).execute();
            dsl.update(VDL_PLOT).set(VDL_PLOT.STATUS, PlotStatus.ADOPTED.dbValue())
                    .where(VDL_PLOT.ID.eq(plotId)).execute();
            ReservationEvent event = new ReservationEvent(reservationId, userId, plotId, now);
            tx.afterCommit(() -> listener.confirmed(event));
            return new ConfirmResult.Confirmed(reservationId, plotId);
        });
    }

    /**
     * Cancels the user's unconfirmed reservation (live or expired): the row is deleted and the plot available
     * again, then (after the commit) {@link ReservationListener#cancelled} is told.
     *
     * @return {@link CancelResult.Cancelled}, {@link CancelResult.AlreadyConfirmed} or {@link CancelResult.NotFound}
     *         (also for another user's reservation)
     * @throws ValidationException (userId, reservationId) for ids that are not positive
     */
    public CancelResult cancel(long userId, long reservationId) {
        long user = Check.userId(userId, "userId");
        Check.id(reservationId, "reservationId");
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            Held held = lockAndRead(tx, user, reservationId);
            if (held == null) {
                return new CancelResult.NotFound(reservationId);
            }
            long plotId = held.plotId();
            if (held.confirmed()) {
                return new CancelResult.AlreadyConfirmed(reservationId, plotId);
            }
            RaceSeam.of(db).pause("plot.cancel");
            dsl.deleteFrom(VDL_PLOT_RESERVATION).where(VDL_PLOT_RESERVATION.ID.eq(reservationId)).execute();
            releasePlots(dsl, List.of(plotId));
            ReservationEvent event = new ReservationEvent(reservationId, userId, plotId, tx.now());
            tx.afterCommit(() -> listener.cancelled(event));
            return new CancelResult.Cancelled(reservationId, plotId);
        });
    }

    /** Locks the plot's row until the transaction ends; its status, empty when there is no such plot. */
    private static Optional<PlotStatus> lockPlot(Transaction tx, long plotId) {
        return tx.forUpdate(tx.dsl().select(VDL_PLOT.STATUS).from(VDL_PLOT).where(VDL_PLOT.ID.eq(plotId)))
                .fetchOptional(VDL_PLOT.STATUS).map(PlotStatus::fromDb);
    }

    /** A reservation as read under its plot's lock. */
    private record Held(long plotId, OffsetDateTime expiresAt, boolean confirmed) {
    }

    /**
     * Finds the reservation's plot, locks it, and re-reads the reservation under that lock (lock order: plot, then
     * reservation). Null when the user has no such reservation (before or after the lock).
     */
    private static Held lockAndRead(Transaction tx, long user, long reservationId) {
        DSLContext dsl = tx.dsl();
        Long plotId = dsl.select(VDL_PLOT_RESERVATION.PLOT_ID).from(VDL_PLOT_RESERVATION)
                .where(VDL_PLOT_RESERVATION.ID.eq(reservationId), VDL_PLOT_RESERVATION.USER_ID.eq(user))
                .fetchOne(VDL_PLOT_RESERVATION.PLOT_ID);
        if (plotId == null) {
            return null;
        }
        lockPlot(tx, plotId);
        return dsl.select(VDL_PLOT_RESERVATION.PLOT_ID, VDL_PLOT_RESERVATION.EXPIRES_AT, VDL_PLOT_RESERVATION.IS_CONFIRMED)
                .from(VDL_PLOT_RESERVATION)
                .where(VDL_PLOT_RESERVATION.ID.eq(reservationId), VDL_PLOT_RESERVATION.USER_ID.eq(user),
                        VDL_PLOT_RESERVATION.PLOT_ID.eq(plotId))
                .fetchOne(Records.mapping(Held::new));
    }

    /** Sets plots back to available when they are reserved and no reservation is left on them. */
    private static void releasePlots(DSLContext dsl, java.util.Collection<Long> plotIds) {
        dsl.update(VDL_PLOT).set(VDL_PLOT.STATUS, PlotStatus.AVAILABLE.dbValue())
                .where(VDL_PLOT.ID.in(plotIds), VDL_PLOT.STATUS.eq(PlotStatus.RESERVED.dbValue()),
                        notExists(selectOne().from(VDL_PLOT_RESERVATION)
                                .where(VDL_PLOT_RESERVATION.PLOT_ID.eq(VDL_PLOT.ID))))
                .execute();
    }

    /**
     * Releases every unconfirmed reservation whose {@code expires_at <= db.now()}: the row is deleted and the plot
     * available again; {@link ReservationListener#released} is told after each batch commits. Works through the
     * reserved plots by id in batches of {@code batchSize}, one transaction each, locking the batch's plots with
     * {@code FOR UPDATE SKIP LOCKED} (a plot another sweep or a confirmation holds is skipped, left for the next
     * sweep), so several instances may sweep at once. A confirmed reservation is never released.
     *
     * @return how many reservations this call released
     * @throws ValidationException (batchSize) unless {@code 1 <= batchSize <= 1000}
     */
    public int releaseExpired(int batchSize) {
        Check.range(batchSize, 1, 1000, "batchSize");
        int released = 0;
        long after = 0;
        while (true) {
            long from = after;
            SweptBatch batch = db.inTransaction(tx -> {
                DSLContext dsl = tx.dsl();
                OffsetDateTime now = tx.now();
                List<Long> plots = tx.forUpdateSkipLocked(dsl.select(VDL_PLOT.ID).from(VDL_PLOT)
                                .where(VDL_PLOT.STATUS.eq(PlotStatus.RESERVED.dbValue()), VDL_PLOT.ID.gt(from))
                                .andExists(selectOne().from(VDL_PLOT_RESERVATION)
                                        .where(VDL_PLOT_RESERVATION.PLOT_ID.eq(VDL_PLOT.ID),
                                                VDL_PLOT_RESERVATION.IS_CONFIRMED.isFalse(),
                                                VDL_PLOT_RESERVATION.EXPIRES_AT.le(now)))
                                .orderBy(VDL_PLOT.ID).limit(inline(batchSize)))
                        .fetch(VDL_PLOT.ID);
                if (plots.isEmpty()) {
                    return new SweptBatch(0, 0, 0);
                }
                RaceSeam.of(db).pause("plot.sweep");
                // Under the plot locks, with a fresh snapshot: a reservation confirmed meanwhile is not deleted.
                var deleted = dsl.deleteFrom(VDL_PLOT_RESERVATION)
                        .where(VDL_PLOT_RESERVATION.PLOT_ID.in(plots), VDL_PLOT_RESERVATION.IS_CONFIRMED.isFalse(),
                                VDL_PLOT_RESERVATION.EXPIRES_AT.le(now))
                        .returning(VDL_PLOT_RESERVATION.ID, VDL_PLOT_RESERVATION.USER_ID, VDL_PLOT_RESERVATION.PLOT_ID)
                        .fetch();
                Set<Long> freed = new LinkedHashSet<>();
                List<ReservationEvent> events = new ArrayList<>();
                for (var r : deleted) {
                    freed.add(r.getPlotId());
                    events.add(new ReservationEvent(r.getId(), r.getUserId(), r.getPlotId(), now));
                }
                if (!freed.isEmpty()) {
                    releasePlots(dsl, freed);
                    tx.afterCommit(() -> events.forEach(listener::released));
                }
                return new SweptBatch(plots.size(), deleted.size(), plots.get(plots.size() - 1));
            });
            released += batch.released();
            if (batch.plots() < batchSize) {
                return released;
            }
            after = batch.lastPlotId();
        }
    }

    /** One sweep transaction: how many plots it locked, how many reservations it released, its last plot's id. */
    private record SweptBatch(int plots, int released, long lastPlotId) {
    }

    /**
     * The user's reservations, newest first, each with its plot and producer and whether it has expired
     * ({@code expires_at <= db.now()}, unconfirmed). One statement.
     *
     * @throws ValidationException (userId) for an id that is not positive
     */
    public List<UserReservation> listReservations(long userId) {
        long user = Check.userId(userId, "userId");
        OffsetDateTime now = db.now();
        return db.dsl()
                .select(VDL_PLOT_RESERVATION.ID,
                        row(VDL_PLOT.ID, VDL_PLOT.NAME, VDL_PLOT.STATUS.convertFrom(PlotStatus::fromDb),
                                row(VDL_PRODUCER.ID, VDL_PRODUCER.NAME, VDL_PRODUCER.REGION).mapping(ProducerRef::new))
                                .mapping(PlotRef::new),
                        VDL_PLOT_RESERVATION.CREATED_AT, VDL_PLOT_RESERVATION.EXPIRES_AT,
                        VDL_PLOT_RESERVATION.IS_CONFIRMED, VDL_PLOT_RESERVATION.NOTES)
                .from(VDL_PLOT_RESERVATION)
                .join(VDL_PLOT).on(VDL_PLOT.ID.eq(VDL_PLOT_RESERVATION.PLOT_ID))
                .join(VDL_PRODUCER).on(VDL_PRODUCER.ID.eq(VDL_PLOT.PRODUCER_ID))
                .where(VDL_PLOT_RESERVATION.USER_ID.eq(user))
                .orderBy(VDL_PLOT_RESERVATION.CREATED_AT.desc(), VDL_PLOT_RESERVATION.ID.desc())
                .fetch(Records.mapping((id, plot, createdAt, expiresAt, confirmed, notes) ->
                        new UserReservation(id, plot, createdAt, expiresAt, confirmed,
                                !confirmed && !expiresAt.isAfter(now), notes)));
    }
}
