package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.count;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration under contention: real threads, real databases. The deterministic tests hold one transaction at
 * the critical point (between the confirmed count and the insert) with the race seam's pause point
 * {@code registration.before-write}; the rounds then race many threads for 20 spots ({@link Race}). The same race
 * with the seam's locks off must overbook on PostgreSQL, or the locked tests would prove nothing.
 */
class RegistrationRaceIT {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationRaceIT.class);
    private static final int SPOTS = 20;
    private static final int ROUNDS = 5;

    /**
     * The negative control, deterministic: with the lock off, a registration held between its count (19 of 20) and
     * its insert lets another one count 19 too, and both confirm. PostgreSQL only: SQLite's immediate transactions
     * serialize writers whatever the switch says, so it cannot overbook.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedPathOverbooksWhenATransactionIsHeldAtTheCriticalPoint(Database db) throws Exception {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", SPOTS);
        List<Long> users = EventFixtures.members(db, "u", SPOTS + 1);
        for (int i = 0; i < SPOTS - 1; i++) {
            service.register(users.get(i), event, RegistrationDetails.none());
        }
        RaceSeam.of(db).locks(false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("registration.before-write", hold);
            Future<RegistrationResult> held = pool.submit(
                    () -> service.register(users.get(SPOTS - 1), event, RegistrationDetails.none()));
            hold.awaitHeld(Duration.ofSeconds(10));
            RegistrationResult other = pool.submit(
                    () -> service.register(users.get(SPOTS), event, RegistrationDetails.none())).get(10, TimeUnit.SECONDS);
            hold.release();
            assertThat(other).isInstanceOf(RegistrationResult.Confirmed.class);
            assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(RegistrationResult.Confirmed.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(SPOTS + 1);
    }

    /** The same interleaving with the lock: the second registration waits for the first, then is waitlisted. */
    @DatabaseTest
    void lockedPathMakesTheSecondRegistrationWaitAndWaitlistsIt(Database db) throws Exception {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", SPOTS);
        List<Long> users = EventFixtures.members(db, "u", SPOTS + 1);
        for (int i = 0; i < SPOTS - 1; i++) {
            service.register(users.get(i), event, RegistrationDetails.none());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("registration.before-write", hold);
            Future<RegistrationResult> held = pool.submit(
                    () -> service.register(users.get(SPOTS - 1), event, RegistrationDetails.none()));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<RegistrationResult> other = pool.submit(
                    () -> service.register(users.get(SPOTS), event, RegistrationDetails.none()));
            Thread.sleep(300);
            assertThat(other.isDone()).as("the second registration waits for the lock").isFalse();
            hold.release();
            assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(RegistrationResult.Confirmed.class);
            assertThat(other.get(30, TimeUnit.SECONDS)).isInstanceOf(RegistrationResult.Waitlisted.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(SPOTS);
        assertThat(count(db, event, RegistrationStatus.WAITLIST)).isEqualTo(1);
    }

    /**
     * A double submission: the user's second registration reads "not registered" before the lock (PostgreSQL: its
     * lock statement starts while the first holds the lock, so its snapshot predates the first's insert), then waits.
     * Its guarded insert writes nothing, and it answers with the first's registration: one row, no error.
     */
    @DatabaseTest
    void aDoubleSubmissionWaitingForTheLockAnswersWithTheFirstRegistration(Database db) throws Exception {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", SPOTS);
        long anna = EventFixtures.member(db, "anna");
        RegistrationResult[] results = raceTwice(db, service, anna, event);
        assertThat(results[0]).isInstanceOf(RegistrationResult.Confirmed.class);
        assertThat(results[1]).isEqualTo(new RegistrationResult.AlreadyRegistered(
                ((RegistrationResult.Confirmed) results[0]).registration()));
        assertThat(EventFixtures.registrations(db)).isEqualTo(1);
    }

    /** The same for a cancelled registration: the first reactivates it, the second answers with that registration. */
    @DatabaseTest
    void aDoubleReactivationWaitingForTheLockAnswersWithTheFirstRegistration(Database db) throws Exception {
        RegistrationService service = new RegistrationService(db);
        long event = EventFixtures.event(db, "e", SPOTS);
        long anna = EventFixtures.member(db, "anna");
        service.register(anna, event, RegistrationDetails.none());
        service.cancel(anna, event);
        RegistrationResult[] results = raceTwice(db, service, anna, event);
        assertThat(results[0]).isInstanceOf(RegistrationResult.Confirmed.class);
        assertThat(results[1]).isEqualTo(new RegistrationResult.AlreadyRegistered(
                ((RegistrationResult.Confirmed) results[0]).registration()));
        assertThat(EventFixtures.registrations(db)).isEqualTo(1);
        assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(1);
    }

    /** The user registers twice: the first call held between its count and its write, the second waiting meanwhile. */
    private static RegistrationResult[] raceTwice(Database db, RegistrationService service, long user, long event)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("registration.before-write", hold);
            Future<RegistrationResult> first = pool.submit(
                    () -> service.register(user, event, RegistrationDetails.none()));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<RegistrationResult> second = pool.submit(
                    () -> service.register(user, event, RegistrationDetails.none()));
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second registration waits for the lock").isFalse();
            hold.release();
            return new RegistrationResult[] {first.get(10, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)};
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@value #ROUNDS} rounds of many threads (200 on PostgreSQL, 40 on SQLite) racing for {@value #SPOTS} spots:
     * exactly 20 confirmed, the rest waitlisted, one row per user, no error reaching a caller.
     */
    @DatabaseTest
    void manyThreadsRacingForTwentySpotsNeverOverbook(Database db, Backend backend) throws Exception {
        int threads = backend == Backend.POSTGRESQL ? 200 : 40;
        RegistrationService service = new RegistrationService(db);
        List<Long> users = EventFixtures.members(db, "u", threads);
        for (int round = 1; round <= ROUNDS; round++) {
            long event = EventFixtures.event(db, "round " + round, SPOTS);
            List<Callable<RegistrationResult>> calls = new ArrayList<>();
            for (long user : users) {
                calls.add(() -> service.register(user, event, RegistrationDetails.none()));
            }
            Race.Outcomes<RegistrationResult> out = race(calls);
            long confirmed = out.count(RegistrationResult.Confirmed.class);
            long waitlisted = out.count(RegistrationResult.Waitlisted.class);
            LOG.info("{} locked round {}: attempts={} confirmed={} waitlisted={} errors={}", backend, round, threads,
                    confirmed, waitlisted, out.errors().size());
            assertThat(out.errors()).isEmpty();
            assertThat(confirmed).isEqualTo(SPOTS);
            assertThat(waitlisted).isEqualTo(threads - SPOTS);
            assertThat(count(db, event, RegistrationStatus.CONFIRMED)).isEqualTo(SPOTS);
            assertThat(count(db, event, RegistrationStatus.WAITLIST)).isEqualTo(threads - SPOTS);
            assertThat(db.dsl().select(DSL.countDistinct(EVENT_REGISTRATION.USER_ID), DSL.count())
                    .from(EVENT_REGISTRATION).where(EVENT_REGISTRATION.EVENT_ID.eq(event))
                    .fetchOne().intoList()).containsExactly(threads, threads);
        }
    }

    /**
     * The negative control of the rounds: the same 200-thread race through the unlocked path, with a short pause
     * between count and insert, overbooks. PostgreSQL only (SQLite serializes writers; see above).
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void manyThreadsThroughTheUnlockedPathOverbook(Database db) throws Exception {
        int threads = 200;
        RegistrationService service = new RegistrationService(db);
        RaceSeam.of(db).locks(false);
        RaceSeam.of(db).onPause("registration.before-write", () -> sleep(20));
        List<Long> users = EventFixtures.members(db, "u", threads);
        long event = EventFixtures.event(db, "unlocked", SPOTS);
        List<Callable<RegistrationResult>> calls = new ArrayList<>();
        for (long user : users) {
            calls.add(() -> service.register(user, event, RegistrationDetails.none()));
        }
        Race.Outcomes<RegistrationResult> out = race(calls);
        int confirmed = count(db, event, RegistrationStatus.CONFIRMED);
        LOG.info("POSTGRESQL unlocked: attempts={} confirmed={} waitlisted={} errors={}", threads, confirmed,
                count(db, event, RegistrationStatus.WAITLIST), out.errors().size());
        assertThat(confirmed).as("the unlocked path must overbook").isGreaterThan(SPOTS);
    }

    /**
     * Cancellations of confirmed registrations racing with new registrations: after every round the event is
     * exactly full while anyone waits, each cancellation promoted one waitlisted registration, and the listener
     * heard each promotion once.
     */
    @DatabaseTest
    void cancellationsRacingRegistrationsNeverLeaveAFreeSpotWhileSomeoneWaits(Database db, Backend backend)
            throws Exception {
        int cancellers = 10;
        int newcomers = backend == Backend.POSTGRESQL ? 100 : 20;
        List<RegistrationPromotion> heard = new CopyOnWriteArrayList<>();
        RegistrationService service = new RegistrationService(db, heard::add);
        List<Long> early = EventFixtures.members(db, "early", SPOTS + 10);
        List<Long> late = EventFixtures.members(db, "late", newcomers);
        for (int round = 1; round <= ROUNDS; round++) {
            heard.clear();
            long event = EventFixtures.event(db, "round " + round, SPOTS);
            for (long user : early) {
                service.register(user, event, RegistrationDetails.none());
            }
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < cancellers; i++) {
                long user = early.get(i);
                calls.add(() -> service.cancel(user, event));
            }
            for (long user : late) {
                calls.add(() -> service.register(user, event, RegistrationDetails.none()));
            }
            Race.Outcomes<Object> out = race(calls);
            int confirmed = count(db, event, RegistrationStatus.CONFIRMED);
            int waitlisted = count(db, event, RegistrationStatus.WAITLIST);
            LOG.info("{} cancel round {}: attempts={} confirmed={} waitlisted={} promotions={} errors={}", backend,
                    round, calls.size(), confirmed, waitlisted, heard.size(), out.errors().size());
            assertThat(out.errors()).isEmpty();
            assertThat(confirmed).isEqualTo(SPOTS);
            assertThat(waitlisted).as("10 waited, 10 were promoted, every newcomer waits").isEqualTo(newcomers);
            assertThat(count(db, event, RegistrationStatus.CANCELLED)).isEqualTo(cancellers);
            assertThat(heard).hasSize(cancellers);
            assertThat(out.values()).filteredOn(RegistrationResult.Confirmed.class::isInstance).isEmpty();
        }
    }

    /** {@link Race#run}, logging every error a racer met. */
    private static <T> Race.Outcomes<T> race(List<Callable<T>> calls) {
        Race.Outcomes<T> out = Race.run(calls);
        out.errors().forEach(e -> LOG.error("race error", e));
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
