package lu.entreprinder.persistence.benchmarks.workloads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import lu.entreprinder.persistence.benchmarks.Fixture;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.RegistrationResult;
import lu.entreprinder.persistence.crushlu.RegistrationService;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;

/**
 * Workload 3: {@value #THREADS} threads race to register up to 1,000 (user, event) pairs for {@value #EVENTS}
 * dedicated events of {@value #CAPACITY} spots, each registration in its own transaction. Variants:
 * <ul>
 *   <li>{@code library}: {@link RegistrationService#register} (lock the event row in a statement that also reads
 *       the user, profile and existing registration, count, insert guarded against a double submission:
 *       3 statements);</li>
 *   <li>{@code jdbc}: the same strategy and checks, hand-written, on the same pool;</li>
 *   <li>{@code jdbcLockFirst}: the library's earlier strategy, hand-written: lock the event row alone, then read
 *       user/profile/existing registration, count, insert (4 statements);</li>
 *   <li>{@code counter}: BENCHMARK-ONLY EXPERIMENT. A {@code confirmed_count} column, added to
 *       {@code crush_lu_meetupevent} in the benchmark database only (dropped again on {@link #close}), taken by one
 *       conditional {@code UPDATE … RETURNING} (3 statements, no count). Adopting it would be a later migration;
 *       here it only covers registration (no cancellation, no reactivation of a cancelled row);</li>
 *   <li>{@code unlocked}: the negative control: {@code jdbcLockFirst} without {@code FOR UPDATE}. It must overbook, or the
 *       race proves nothing.</li>
 * </ul>
 * The events are created on open and deleted on {@link #close}; {@link #reset} deletes their registrations before
 * every run. Users: approved, active Crush.lu profiles, distinct per event; the pairs are shuffled once (fixed
 * seed), so every run of every variant takes them in the same order.
 */
public final class RacingRegistrations implements AutoCloseable {

    public static final int THREADS = 16;
    public static final int EVENTS = 20;
    public static final int CAPACITY = 30;
    public static final int MAX_REGISTRATIONS = 1_000;
    public static final List<String> VARIANTS = List.of("library", "jdbc", "jdbcLockFirst", "counter", "unlocked");
    private static final String TITLE = "workload 3 race event #";
    /** The whole JVM's CPU time: what the client side costs per registration (the database's is not in it). */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /** The racing threads' own CPU time and allocations: the client's work without the JVM's GC and JIT threads. */
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** How a registration ended. */
    public enum Outcome { CONFIRMED, WAITLISTED, REJECTED }

    @FunctionalInterface
    private interface Op {
        Outcome register(int userId, long eventId) throws SQLException;
    }

    private static final String LOCK_SQL = """
            SELECT id, max_participants, min_age, max_age, registration_deadline, is_published,
                   is_private_invitation, invitation_code
            FROM crush_lu_meetupevent WHERE id = ?""";

    private static final String WHO_SQL = """
            SELECT u.id, cp.id, cp.is_approved, cp.is_active, cp.date_of_birth,
                   EXISTS (SELECT 1 FROM crush_lu_meetupevent_special_users su
                           WHERE su.meetupevent_id = ? AND su.user_id = u.id) AS special,
                   r.id, r.status
            FROM auth_user u
            LEFT JOIN crush_lu_crushprofile cp ON cp.user_id = u.id
            LEFT JOIN crush_lu_eventregistration r ON r.user_id = u.id AND r.event_id = ?
            WHERE u.id = ?""";

    /**
     * The library's strategy: the event's row locked by a statement that reads the user, profile, invitation and
     * existing registration first (PostgreSQL locks at the top of the plan), so those reads happen outside the lock.
     */
    private static final String LOCK_WHO_SQL = """
            SELECT e.id, e.max_participants, e.min_age, e.max_age, e.registration_deadline, e.is_published,
                   e.is_private_invitation, e.invitation_code,
                   u.id, cp.id, cp.is_approved, cp.is_active, cp.date_of_birth,
                   EXISTS (SELECT 1 FROM crush_lu_meetupevent_special_users su
                           WHERE su.meetupevent_id = e.id AND su.user_id = u.id) AS special,
                   r.id, r.status
            FROM crush_lu_meetupevent e
            LEFT JOIN auth_user u ON u.id = ?
            LEFT JOIN crush_lu_crushprofile cp ON cp.user_id = u.id
            LEFT JOIN crush_lu_eventregistration r ON r.user_id = u.id AND r.event_id = e.id
            WHERE e.id = ?
            FOR UPDATE OF e""";

    private static final String COUNT_SQL = """
            SELECT count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'waitlist')
            FROM crush_lu_eventregistration WHERE event_id = ?""";

    private static final String RETURNING = " RETURNING id, event_id, user_id, status, payment_confirmed, payment_date,"
            + " created_at";

    private static final String INSERT_SQL = """
            INSERT INTO crush_lu_eventregistration (event_id, user_id, status, payment_confirmed, dietary_restrictions,
                                                    special_requests, created_at)
            VALUES (?, ?, ?, false, '', '', ?)""" + RETURNING;

    private static final String REACTIVATE_SQL = """
            UPDATE crush_lu_eventregistration SET status = ?, created_at = ?, dietary_restrictions = '',
                                                  special_requests = ''
            WHERE id = ?""" + RETURNING;

    /** {@link #INSERT_SQL} writing nothing when the user registered meanwhile (read before the lock, re-checked). */
    private static final String INSERT_GUARDED_SQL = """
            INSERT INTO crush_lu_eventregistration (event_id, user_id, status, payment_confirmed, dietary_restrictions,
                                                    special_requests, created_at)
            VALUES (?, ?, ?, false, '', '', ?)
            ON CONFLICT (event_id, user_id) DO NOTHING""" + RETURNING;

    /** {@link #REACTIVATE_SQL} writing nothing when the row is no longer cancelled. */
    private static final String REACTIVATE_GUARDED_SQL = """
            UPDATE crush_lu_eventregistration SET status = ?, created_at = ?, dietary_restrictions = '',
                                                  special_requests = ''
            WHERE id = ? AND status = 'cancelled'""" + RETURNING;

    private static final String REREAD_SQL = """
            SELECT id, status FROM crush_lu_eventregistration WHERE event_id = ? AND user_id = ?""";

    /** The counter variant's checks: event, user, profile, invitation and existing registration in one read. */
    private static final String COUNTER_CHECK_SQL = """
            SELECT e.min_age, e.max_age, e.registration_deadline, e.is_published, e.is_private_invitation,
                   e.invitation_code, u.id, cp.id, cp.is_approved, cp.is_active, cp.date_of_birth,
                   EXISTS (SELECT 1 FROM crush_lu_meetupevent_special_users su
                           WHERE su.meetupevent_id = e.id AND su.user_id = u.id) AS special,
                   r.id, r.status
            FROM crush_lu_meetupevent e
            CROSS JOIN auth_user u
            LEFT JOIN crush_lu_crushprofile cp ON cp.user_id = u.id
            LEFT JOIN crush_lu_eventregistration r ON r.user_id = u.id AND r.event_id = e.id
            WHERE e.id = ? AND u.id = ?""";

    /** Takes a spot or matches nothing; under READ COMMITTED a waiter re-checks the condition on the new row. */
    private static final String COUNTER_TAKE_SQL = """
            UPDATE crush_lu_meetupevent SET confirmed_count = confirmed_count + 1
            WHERE id = ? AND confirmed_count < max_participants
            RETURNING confirmed_count""";

    private final Database db;
    private final DataSource dataSource;
    private final RegistrationService service;
    private final long[] events;
    private final int eligibleUsers;
    private final int perEvent;
    private final int[] pairUsers;
    private final long[] pairEvents;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    private final LongAdder jdbcStatements = new LongAdder();
    /** Sleep between count and insert in the unlocked control (0: none), as crushlu-dao's race test does. */
    private volatile long unlockedPauseMillis;

    /** Opens its own pool of {@value #THREADS} (the fixture's has 4), creates the events and the counter column. */
    public RacingRegistrations(Fixture fx) {
        DatabaseConfig c = fx.db.config();
        this.db = Database.open(DatabaseConfig.builder(c.jdbcUrl()).username(c.username()).password(c.password())
                .schema(DefaultSchema.DEFAULT_SCHEMA).maximumPoolSize(THREADS).poolName("race").build());
        this.dataSource = db.dataSource();
        this.service = new RegistrationService(db);
        List<Integer> users = new ArrayList<>();
        try (Connection con = dataSource.getConnection(); Statement s = con.createStatement()) {
            dropEvents(s);
            s.execute("ALTER TABLE crush_lu_meetupevent ADD COLUMN IF NOT EXISTS confirmed_count int NOT NULL DEFAULT 0");
            events = new long[EVENTS];
            try (PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO crush_lu_meetupevent (title, description, event_type, event_date, location,
                        max_participants, min_age, max_age, registration_fee, registration_deadline, is_published,
                        is_private_invitation, invitation_code)
                    VALUES (?, 'benchmark', 'mixer', ?, 'Luxembourg', ?, 18, 99, 0, ?, true, false, '')
                    RETURNING id""")) {
                OffsetDateTime date = OffsetDateTime.of(2099, 6, 1, 19, 0, 0, 0, ZoneOffset.UTC);
                for (int k = 0; k < EVENTS; k++) {
                    ps.setString(1, TITLE + k);
                    ps.setObject(2, date);
                    ps.setInt(3, CAPACITY);
                    ps.setObject(4, date.minusDays(2));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        events[k] = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = con.prepareStatement("""
                    SELECT u.id FROM auth_user u JOIN crush_lu_crushprofile cp ON cp.user_id = u.id
                    WHERE cp.is_approved AND cp.is_active AND cp.date_of_birth BETWEEN ? AND ?
                    ORDER BY u.id LIMIT ?""")) {
                LocalDate today = db.today();
                ps.setObject(1, today.minusYears(100).plusDays(1));
                ps.setObject(2, today.minusYears(18));
                ps.setInt(3, MAX_REGISTRATIONS / EVENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(rs.getInt(1));
                    }
                }
            }
            eligibleUsers = users.size();
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException(e);
        }
        // distinct users per event: a user may register for several events, so the data allows 1,000 with 50
        perEvent = Math.min(MAX_REGISTRATIONS / EVENTS, eligibleUsers);
        List<long[]> pairs = new ArrayList<>();
        for (int k = 0; k < EVENTS; k++) {
            for (int j = 0; j < perEvent; j++) {
                pairs.add(new long[] {users.get(j), events[k]});
            }
        }
        Collections.shuffle(pairs, new Random(3));
        pairUsers = pairs.stream().mapToInt(p -> (int) p[0]).toArray();
        pairEvents = pairs.stream().mapToLong(p -> p[1]).toArray();
    }

    public int registrations() {
        return pairUsers.length;
    }

    public int perEvent() {
        return perEvent;
    }

    public int eligibleUsers() {
        return eligibleUsers;
    }

    public void unlockedPauseMillis(long millis) {
        this.unlockedPauseMillis = millis;
    }

    /** Deletes the events' registrations, zeroes the counter, and vacuums, so every run starts alike. */
    public void reset() {
        try (Connection con = dataSource.getConnection(); Statement s = con.createStatement()) {
            String ids = ids();
            s.execute("DELETE FROM crush_lu_eventregistration WHERE event_id IN (" + ids + ")"); // sql-constant: ids
            s.execute("""
                    UPDATE crush_lu_meetupevent e SET confirmed_count = (SELECT count(*) FROM crush_lu_eventregistration r
                                                                         WHERE r.event_id = e.id AND r.status = 'confirmed')
                    WHERE e.id IN (""" + ids + ")"); // sql-constant: ids
            // dead rows of earlier runs would otherwise slow the counts of later ones
            s.execute("VACUUM crush_lu_eventregistration, crush_lu_meetupevent");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One run's measurements (before the invariant check). */
    public record Run(String variant, int registrations, long wallNanos, long[] latencyNanos, int confirmed,
                      int waitlisted, int rejected, List<String> errors, long statements, long jvmCpuNanos,
                      long workerCpuNanos, long workerAllocatedBytes) {

        public double perSecond() {
            return registrations / (wallNanos / 1e9);
        }

        public double percentileMillis(double p) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int k = Math.max(0, (int) Math.ceil(p * sorted.length) - 1);
            return sorted[k] / 1e6;
        }
    }

    /** The per-event invariant after a run. */
    public record Check(int overbookedEvents, int maxOverbooking, int excessConfirmed, boolean totalsMatch,
                        boolean counterMatches) {

        public boolean held() {
            return overbookedEvents == 0 && totalsMatch && counterMatches;
        }
    }

    /** Registers every pair from {@value #THREADS} threads through {@code variant}; call {@link #reset} before. */
    public Run run(String variant) {
        Op op = switch (variant) {
            case "library" -> this::library;
            case "jdbc" -> this::jdbcJoined;
            case "jdbcLockFirst" -> (u, e) -> jdbc(u, e, true);
            case "counter" -> this::counter;
            case "unlocked" -> (u, e) -> jdbc(u, e, false);
            default -> throw new IllegalArgumentException(variant);
        };
        int n = pairUsers.length;
        long[] latency = new long[n];
        Outcome[] outcomes = new Outcome[n];
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        LongAdder statements = new LongAdder();
        LongAdder workerCpu = new LongAdder();
        LongAdder workerBytes = new LongAdder();
        long jdbcBefore = jdbcStatements.sum();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(threads.submit(() -> {
                try (StatementCount count = db.countStatements()) { // per thread
                    ready.countDown();
                    go.await();
                    long threadId = Thread.currentThread().threadId();
                    long cpu0 = THREAD.getCurrentThreadCpuTime();
                    long bytes0 = THREAD.getThreadAllocatedBytes(threadId);
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        long t0 = System.nanoTime();
                        try {
                            outcomes[i] = op.register(pairUsers[i], pairEvents[i]);
                        } catch (Exception e) {
                            errors.add(e.toString());
                        }
                        latency[i] = System.nanoTime() - t0;
                    }
                    workerCpu.add(THREAD.getCurrentThreadCpuTime() - cpu0);
                    workerBytes.add(THREAD.getThreadAllocatedBytes(threadId) - bytes0);
                    statements.add(count.value());
                }
                return null;
            }));
        }
        long t0;
        long cpu;
        try {
            ready.await();
            cpu = CPU.getProcessCpuTime();
            t0 = System.nanoTime();
            go.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long wall = System.nanoTime() - t0;
        cpu = CPU.getProcessCpuTime() - cpu;
        int[] byOutcome = new int[3];
        for (Outcome o : outcomes) {
            if (o != null) {
                byOutcome[o.ordinal()]++;
            }
        }
        return new Run(variant, n, wall, latency, byOutcome[0], byOutcome[1], byOutcome[2], List.copyOf(errors),
                statements.sum() + jdbcStatements.sum() - jdbcBefore, cpu, workerCpu.sum(), workerBytes.sum());
    }

    /** Per event: confirmed ≤ capacity, confirmed + waitlisted = registrations made, and the counter if kept. */
    public Check check(Run run) {
        int overbooked = 0;
        int maxOver = 0;
        int excess = 0;
        boolean totals = true;
        boolean counter = true;
        try (Connection con = dataSource.getConnection(); Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT e.max_participants, e.confirmed_count,
                            count(r.id) FILTER (WHERE r.status = 'confirmed'),
                            count(r.id) FILTER (WHERE r.status = 'waitlist'), count(r.id)
                     FROM crush_lu_meetupevent e LEFT JOIN crush_lu_eventregistration r ON r.event_id = e.id
                     WHERE e.id IN (""" + ids() + ") GROUP BY e.id")) { // sql-constant: ids
            while (rs.next()) {
                int max = rs.getInt(1);
                int confirmed = rs.getInt(3);
                if (confirmed > max) {
                    overbooked++;
                    excess += confirmed - max;
                    maxOver = Math.max(maxOver, confirmed - max);
                }
                totals &= confirmed + rs.getInt(4) == perEvent && rs.getInt(5) == perEvent;
                if (run.variant().equals("counter")) {
                    counter &= rs.getInt(2) == confirmed;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Check(overbooked, maxOver, excess, totals, counter);
    }

    // ---- the variants -----------------------------------------------------------------------------------------

    private Outcome library(int userId, long eventId) {
        return switch (service.register(userId, eventId, RegistrationDetails.none())) {
            case RegistrationResult.Confirmed c -> Outcome.CONFIRMED;
            case RegistrationResult.Waitlisted w -> Outcome.WAITLISTED;
            default -> Outcome.REJECTED;
        };
    }

    /** The library's strategy by hand: lock joined with who, count, guarded insert; the same checks. */
    private Outcome jdbcJoined(int userId, long eventId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = jdbcJoinedInTransaction(c, userId, eventId);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Outcome jdbcJoinedInTransaction(Connection c, int userId, long eventId) throws SQLException {
        int max;
        Long existingId;
        try (PreparedStatement ps = c.prepareStatement(LOCK_WHO_SQL)) {
            ps.setInt(1, userId);
            ps.setLong(2, eventId);
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no event " + eventId);
                }
                if (rs.getObject(9) == null) {
                    throw new IllegalArgumentException("no user " + userId);
                }
                max = rs.getInt(2);
                rs.getString(8); // the invitation code: read like the library, unused without one given
                existingId = rs.getObject(15, Long.class);
                if (existingId != null && !"cancelled".equals(rs.getString(16))) {
                    return Outcome.REJECTED; // already registered
                }
                Outcome refused = refused(rs, 10, rs.getBoolean(7), rs.getBoolean(6),
                        rs.getObject(5, OffsetDateTime.class), rs.getInt(3), rs.getInt(4));
                if (refused != null) {
                    return refused;
                }
            }
        }
        int confirmed;
        try (PreparedStatement ps = c.prepareStatement(COUNT_SQL)) {
            ps.setLong(1, eventId);
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                confirmed = rs.getInt(1);
            }
        }
        boolean spot = confirmed < max;
        if (!writeGuarded(c, userId, eventId, existingId, spot)) {
            // registered meanwhile (a double submission): read again under the lock, as the library does
            try (PreparedStatement ps = c.prepareStatement(REREAD_SQL)) {
                ps.setLong(1, eventId);
                ps.setInt(2, userId);
                jdbcStatements.increment();
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !"cancelled".equals(rs.getString(2))) {
                        return Outcome.REJECTED;
                    }
                    existingId = rs.getRow() == 0 ? null : rs.getLong(1);
                }
            }
            if (!writeGuarded(c, userId, eventId, existingId, spot)) {
                throw new IllegalStateException("registration of " + userId + " for " + eventId + " changed");
            }
        }
        return spot ? Outcome.CONFIRMED : Outcome.WAITLISTED;
    }

    /** The library's strategy by hand (earlier): lock (or not), who, count, insert; the same checks. */
    private Outcome jdbc(int userId, long eventId, boolean lock) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = jdbcInTransaction(c, userId, eventId, lock);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Outcome jdbcInTransaction(Connection c, int userId, long eventId, boolean lock) throws SQLException {
        int max;
        int minAge;
        int maxAge;
        OffsetDateTime deadline;
        boolean published;
        boolean isPrivate;
        try (PreparedStatement ps = c.prepareStatement(lock ? LOCK_SQL + " FOR UPDATE" : LOCK_SQL)) {
            ps.setLong(1, eventId);
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no event " + eventId);
                }
                max = rs.getInt(2);
                minAge = rs.getInt(3);
                maxAge = rs.getInt(4);
                deadline = rs.getObject(5, OffsetDateTime.class);
                published = rs.getBoolean(6);
                isPrivate = rs.getBoolean(7);
                rs.getString(8); // the invitation code: read like the library, unused without one given
            }
        }
        Long existingId;
        try (PreparedStatement ps = c.prepareStatement(WHO_SQL)) {
            ps.setLong(1, eventId);
            ps.setLong(2, eventId);
            ps.setInt(3, userId);
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no user " + userId);
                }
                existingId = rs.getObject(7, Long.class);
                if (existingId != null && !"cancelled".equals(rs.getString(8))) {
                    return Outcome.REJECTED; // already registered
                }
                Outcome refused = refused(rs, 2, isPrivate, published, deadline, minAge, maxAge);
                if (refused != null) {
                    return refused;
                }
            }
        }
        int confirmed;
        try (PreparedStatement ps = c.prepareStatement(COUNT_SQL)) {
            ps.setLong(1, eventId);
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                confirmed = rs.getInt(1);
            }
        }
        if (!lock && unlockedPauseMillis > 0) {
            sleep(unlockedPauseMillis);
        }
        boolean spot = confirmed < max;
        write(c, userId, eventId, existingId, spot);
        return spot ? Outcome.CONFIRMED : Outcome.WAITLISTED;
    }

    /** Counter variant: the checks in one read (no lock), then the conditional UPDATE takes a spot, then insert. */
    private Outcome counter(int userId, long eventId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Long existingId;
                try (PreparedStatement ps = c.prepareStatement(COUNTER_CHECK_SQL)) {
                    ps.setLong(1, eventId);
                    ps.setInt(2, userId);
                    jdbcStatements.increment();
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalArgumentException("no event " + eventId + " or user " + userId);
                        }
                        existingId = rs.getObject(13, Long.class);
                        if (existingId != null) {
                            // a cancelled row would need the counter kept on cancellation too: not in this experiment
                            c.rollback();
                            return Outcome.REJECTED;
                        }
                        Outcome refused = refused(rs, 8, rs.getBoolean(5), rs.getBoolean(4),
                                rs.getObject(3, OffsetDateTime.class), rs.getInt(1), rs.getInt(2));
                        if (refused != null) {
                            c.rollback();
                            return refused;
                        }
                    }
                }
                boolean spot;
                try (PreparedStatement ps = c.prepareStatement(COUNTER_TAKE_SQL)) {
                    ps.setLong(1, eventId);
                    jdbcStatements.increment();
                    try (ResultSet rs = ps.executeQuery()) {
                        spot = rs.next();
                    }
                }
                write(c, userId, eventId, null, spot);
                c.commit();
                return spot ? Outcome.CONFIRMED : Outcome.WAITLISTED;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The library's refusals in its order, from the who-row whose profile columns start at {@code cp} (profile id,
     * approved, active, date of birth, special): REJECTED, or null when the user may register.
     */
    private Outcome refused(ResultSet rs, int cp, boolean isPrivate, boolean published, OffsetDateTime deadline,
                            int minAge, int maxAge) throws SQLException {
        if (isPrivate && !rs.getBoolean(cp + 4)) {
            return Outcome.REJECTED; // no invitation code is passed
        }
        if (!published || !db.now().isBefore(deadline)) {
            return Outcome.REJECTED;
        }
        if (rs.getObject(cp) == null || !rs.getBoolean(cp + 1) || !rs.getBoolean(cp + 2)) {
            return Outcome.REJECTED;
        }
        int age = Period.between(rs.getObject(cp + 3, LocalDate.class), db.today()).getYears();
        return age < minAge || age > maxAge ? Outcome.REJECTED : null;
    }

    /** {@link #write} guarded: false, nothing written, when the user's registration is not what was read. */
    private boolean writeGuarded(Connection c, int userId, long eventId, Long existingId, boolean confirmed)
            throws SQLException {
        String status = confirmed ? "confirmed" : "waitlist";
        OffsetDateTime now = db.now();
        try (PreparedStatement ps = c.prepareStatement(existingId == null ? INSERT_GUARDED_SQL : REACTIVATE_GUARDED_SQL)) {
            if (existingId == null) {
                ps.setLong(1, eventId);
                ps.setInt(2, userId);
                ps.setString(3, status);
                ps.setObject(4, now);
            } else {
                ps.setString(1, status);
                ps.setObject(2, now);
                ps.setLong(3, existingId);
            }
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                // read what the library maps into its Registration
                rs.getLong(1);
                rs.getLong(2);
                rs.getInt(3);
                rs.getString(4);
                rs.getBoolean(5);
                rs.getObject(6, OffsetDateTime.class);
                rs.getObject(7, OffsetDateTime.class);
                return true;
            }
        }
    }

    private void write(Connection c, int userId, long eventId, Long existingId, boolean confirmed) throws SQLException {
        String status = confirmed ? "confirmed" : "waitlist";
        OffsetDateTime now = db.now();
        try (PreparedStatement ps = c.prepareStatement(existingId == null ? INSERT_SQL : REACTIVATE_SQL)) {
            if (existingId == null) {
                ps.setLong(1, eventId);
                ps.setInt(2, userId);
                ps.setString(3, status);
                ps.setObject(4, now);
            } else {
                ps.setString(1, status);
                ps.setObject(2, now);
                ps.setLong(3, existingId);
            }
            jdbcStatements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // read what the library maps into its Registration
                rs.getLong(1);
                rs.getLong(2);
                rs.getInt(3);
                rs.getString(4);
                rs.getBoolean(5);
                rs.getObject(6, OffsetDateTime.class);
                rs.getObject(7, OffsetDateTime.class);
            }
        }
    }

    // ---- the launcher's measurement ---------------------------------------------------------------------------

    /**
     * Up to 3 warm-up runs of every variant, then {@code rounds} rounds of every variant in rotated order, each run on
     * reset events; the invariant checked after each. Fails when a locked variant breaks it.
     */
    /**
     * Warms every variant up for at least {@code warmupMillis} of its own runs (and 3 runs), interleaved, as the other
     * workloads warm up for {@code --interleave-warmup-millis} per variant, then measures {@code rounds} rotated rounds.
     */
    public static Map<String, Object> measure(Fixture fx, int rounds, long warmupMillis) {
        try (RacingRegistrations race = new RacingRegistrations(fx)) {
            return race.measure(rounds, warmupMillis);
        }
    }

    private Map<String, Object> measure(int rounds, long warmupMillis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", THREADS);
        out.put("events", EVENTS);
        out.put("capacity", CAPACITY);
        out.put("registrationsPerEvent", perEvent);
        out.put("registrations", registrations());
        out.put("eligibleUsers", eligibleUsers);
        out.put("rounds", rounds);
        out.put("note", registrations() < MAX_REGISTRATIONS
                ? "only " + eligibleUsers + " eligible users: " + registrations() + " registrations, not 1,000"
                : "1,000 registrations: 50 distinct users per event, 20 waitlisted per event");
        // Warm-up (JIT, pool, caches). A run is only ~0.4 s of 1,000 registrations, so code called once per
        // registration needs several runs to reach its final compilation: one run per variant left the library's JVM
        // CPU per registration falling for 5 more runs; the other workloads warm up for a time, and so does this one.
        Map<String, Long> warmedNanos = new LinkedHashMap<>();
        VARIANTS.forEach(v -> warmedNanos.put(v, 0L));
        int warmups = 0;
        while (warmups < 3 || warmedNanos.values().stream().anyMatch(n -> n < warmupMillis * 1_000_000)) {
            for (String v : VARIANTS) {
                reset();
                Run run = run(v);
                check(run);
                warmedNanos.merge(v, run.wallNanos(), Long::sum);
            }
            warmups++;
        }
        out.put("warmupRunsPerVariant", warmups);
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        VARIANTS.forEach(v -> {
            runs.put(v, new ArrayList<>());
            checks.put(v, new ArrayList<>());
        });
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < VARIANTS.size(); k++) {
                String v = VARIANTS.get((k + r) % VARIANTS.size());
                reset();
                Run run = run(v);
                Check check = check(run);
                runs.get(v).add(run);
                checks.get(v).add(check);
                log(String.format(Locale.ROOT, "race round %d %-8s %6.0f reg/s p99 %6.1f ms confirmed %d waitlisted %d"
                                + " rejected %d errors %d overbooked events %d (max +%d) invariant %s", r, v,
                        run.perSecond(), run.percentileMillis(0.99), run.confirmed(), run.waitlisted(), run.rejected(),
                        run.errors().size(), check.overbookedEvents(), check.maxOverbooking(), check.held()));
            }
        }
        reset();
        Map<String, Object> variants = new LinkedHashMap<>();
        for (String v : VARIANTS) {
            List<Run> rs = runs.get(v);
            List<Check> cs = checks.get(v);
            Map<String, Object> m = new LinkedHashMap<>();
            List<Double> perSecond = rs.stream().map(Run::perSecond).toList();
            List<Double> p50 = rs.stream().map(x -> x.percentileMillis(0.50)).toList();
            List<Double> p99 = rs.stream().map(x -> x.percentileMillis(0.99)).toList();
            m.put("registrationsPerSecond", perSecond);
            m.put("medianRegistrationsPerSecond", median(perSecond));
            m.put("p50Millis", p50);
            m.put("medianP50Millis", median(p50));
            m.put("p99Millis", p99);
            m.put("medianP99Millis", median(p99));
            m.put("statementsPerRegistration", rs.isEmpty() ? null
                    : (double) rs.stream().mapToLong(Run::statements).sum()
                            / rs.stream().mapToInt(Run::registrations).sum());
            m.put("jvmCpuMillisPerRegistration", rs.stream().map(x -> x.jvmCpuNanos() / 1e6 / x.registrations())
                    .toList());
            m.put("workerCpuMillisPerRegistration", rs.stream()
                    .map(x -> x.workerCpuNanos() / 1e6 / x.registrations()).toList());
            m.put("workerKilobytesPerRegistration", rs.stream()
                    .map(x -> x.workerAllocatedBytes() / 1024.0 / x.registrations()).toList());
            m.put("confirmed", rs.stream().map(Run::confirmed).toList());
            m.put("waitlisted", rs.stream().map(Run::waitlisted).toList());
            m.put("rejected", rs.stream().map(Run::rejected).toList());
            m.put("errors", rs.stream().map(x -> x.errors().size()).toList());
            m.put("firstErrors", rs.stream().flatMap(x -> x.errors().stream()).distinct().limit(3).toList());
            m.put("overbookedEvents", cs.stream().map(Check::overbookedEvents).toList());
            m.put("overbookedRegistrations", cs.stream().map(Check::excessConfirmed).toList());
            m.put("maxOverbooking", cs.stream().mapToInt(Check::maxOverbooking).max().orElse(0));
            m.put("invariantHeld", cs.stream().map(Check::held).toList());
            variants.put(v, m);
        }
        out.put("variants", variants);
        for (String other : List.of("jdbc", "jdbcLockFirst", "counter")) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ratios.add(runs.get("library").get(r).perSecond() / runs.get(other).get(r).perSecond());
            }
            out.put("ratio_library_vs_" + other, ratios);
            out.put("median_library_vs_" + other, rounds == 0 ? null : median(ratios));
        }
        List<Check> control = checks.get("unlocked");
        boolean controlOverbooked = control.stream().allMatch(c -> c.overbookedEvents() > 0);
        out.put("controlOverbookedEveryRound", controlOverbooked);
        out.put("controlOverbookedEvents", control.stream().map(Check::overbookedEvents).toList());
        if (!controlOverbooked) {
            // does the window exist at all? the same control with crushlu-dao's race-test pause, once
            unlockedPauseMillis(20);
            reset();
            Check paused = check(run("unlocked"));
            unlockedPauseMillis(0);
            reset();
            out.put("controlWithPause20ms", Map.of("overbookedEvents", paused.overbookedEvents(),
                    "overbookedRegistrations", paused.excessConfirmed(), "maxOverbooking", paused.maxOverbooking()));
            log("race: the unlocked control did not overbook in every round; with a 20 ms pause before the insert it"
                    + " overbooked " + paused.overbookedEvents() + " events");
        }
        List<String> broken = new ArrayList<>();
        for (String v : List.of("library", "jdbc", "jdbcLockFirst", "counter")) {
            if (!checks.get(v).stream().allMatch(Check::held)) {
                broken.add(v + " " + checks.get(v) + " " + variants.get(v));
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("race invariant broken by a locked variant: " + broken);
        }
        log("race measured");
        return out;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try (Connection con = dataSource.getConnection(); Statement s = con.createStatement()) {
            dropEvents(s);
            s.execute("ALTER TABLE crush_lu_meetupevent DROP COLUMN IF EXISTS confirmed_count");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            db.close();
        }
    }

    private static void dropEvents(Statement s) throws SQLException {
        String race = "(SELECT id FROM crush_lu_meetupevent WHERE title LIKE '" + TITLE + "%')";
        s.execute("DELETE FROM crush_lu_eventregistration WHERE event_id IN " + race); // sql-constant: fixed text
        s.execute("DELETE FROM crush_lu_meetupevent WHERE id IN " + race); // sql-constant: fixed text
    }

    private String ids() {
        return Arrays.stream(events).mapToObj(Long::toString).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
