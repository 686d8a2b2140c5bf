package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.crushlu.EventFixtures.count;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
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

/**
 * A capacity increase racing registrations, with real threads. The rules: confirmed never exceed the capacity,
 * nobody waits while a place is free, promotions are first come first served, nobody is lost (one row per user).
 * The deterministic pair holds the capacity change between choosing whom to promote and writing; through the
 * unlocked path (the race seam with its locks off) a registration slips in and is left waiting beside a free place, which
 * proves the locked test can fail.
 */
class CapacityRaceIT {

    private static final RegistrationDetails NONE = RegistrationDetails.none();

    /**
     * The negative control: without the event lock, a registration made while the capacity change is held sees the
     * old capacity and waits, and the capacity change promotes only whom it chose before: a place stays free while
     * the newcomer waits. PostgreSQL only: SQLite's immediate transactions serialize writers whatever the switch says.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedCapacityChangeLeavesANewcomerWaitingBesideAFreePlace(Database db) throws Exception {
        Setup s = setup(db);
        EventService events = new EventService(db);
        RaceSeam.of(db).locks(false);
        Race.Hold hold = new Race.Hold();
        RaceSeam.of(db).onPause("event.capacity-before-write", hold);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CapacityChangeResult> raise = pool.submit(() -> events.changeCapacity(s.event, 4));
            hold.awaitHeld(Duration.ofSeconds(10));
            RegistrationResult newcomer = pool.submit(
                    () -> new RegistrationService(db).register(s.newcomer, s.event, NONE)).get(10, TimeUnit.SECONDS);
            hold.release();
            assertThat(newcomer).isInstanceOf(RegistrationResult.Waitlisted.class);
            assertThat(raise.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(CapacityChangeResult.Changed.class,
                    c -> assertThat(c.promoted()).extracting(Registration::userId).containsExactly(s.waiting));
        } finally {
            hold.release();
            pool.shutdownNow();
        }
        assertThat(count(db, s.event, RegistrationStatus.CONFIRMED)).isEqualTo(3);
        assertThat(count(db, s.event, RegistrationStatus.WAITLIST)).as("the broken rule").isEqualTo(1);
    }

    /** The same interleaving with the lock: the registration waits for the capacity change, then takes a place. */
    @DatabaseTest
    void lockedCapacityChangeMakesTheRegistrationWaitThenConfirmsIt(Database db) throws Exception {
        Setup s = setup(db);
        EventService events = new EventService(db);
        Race.Hold hold = new Race.Hold();
        RaceSeam.of(db).onPause("event.capacity-before-write", hold);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CapacityChangeResult> raise = pool.submit(() -> events.changeCapacity(s.event, 4));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<RegistrationResult> newcomer = pool.submit(
                    () -> new RegistrationService(db).register(s.newcomer, s.event, NONE));
            Thread.sleep(300);
            assertThat(newcomer.isDone()).as("the registration waits for the event lock").isFalse();
            hold.release();
            assertThat(raise.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(CapacityChangeResult.Changed.class,
                    c -> assertThat(c.promoted()).extracting(Registration::userId).containsExactly(s.waiting));
            assertThat(newcomer.get(30, TimeUnit.SECONDS)).isInstanceOf(RegistrationResult.Confirmed.class);
        } finally {
            hold.release();
            pool.shutdownNow();
        }
        assertThat(count(db, s.event, RegistrationStatus.CONFIRMED)).isEqualTo(4);
        assertThat(count(db, s.event, RegistrationStatus.WAITLIST)).isZero();
    }

    /**
     * Rounds of many registering threads racing two capacity increases (5 → 10 → 15): the rules hold after every
     * round, and every promoted registration is older (created_at, id) than every registration still waiting.
     */
    @DatabaseTest
    void registrationsRacingCapacityIncreasesKeepEveryRule(Database db, Backend backend) throws Exception {
        int threads = backend == Backend.POSTGRESQL ? 40 : 16;
        List<Long> users = EventFixtures.members(db, "u", threads);
        for (int round = 1; round <= 3; round++) {
            long event = EventFixtures.event(db, "round " + round, 5);
            EventService events = new EventService(db);
            RegistrationService registrations = new RegistrationService(db);
            List<Callable<Object>> calls = new ArrayList<>();
            for (long user : users) {
                calls.add(() -> registrations.register(user, event, NONE));
            }
            calls.add(() -> List.of(events.changeCapacity(event, 10), events.changeCapacity(event, 15)));
            Race.Outcomes<Object> out = Race.run(calls);
            assertThat(out.errors()).isEmpty();

            int capacity = db.dsl().fetchValue(MEETUP_EVENT.MAX_PARTICIPANTS, MEETUP_EVENT.ID.eq(event));
            int confirmed = count(db, event, RegistrationStatus.CONFIRMED);
            int waiting = count(db, event, RegistrationStatus.WAITLIST);
            assertThat(capacity).isEqualTo(15);
            assertThat(confirmed).isEqualTo(Math.min(15, threads));
            assertThat(confirmed + waiting).as("nobody lost").isEqualTo(threads);
            assertThat(db.dsl().select(DSL.countDistinct(EVENT_REGISTRATION.USER_ID)).from(EVENT_REGISTRATION)
                    .where(EVENT_REGISTRATION.EVENT_ID.eq(event)).fetchOne(0, int.class)).isEqualTo(threads);

            List<Registration> promoted = out.values().stream().filter(List.class::isInstance)
                    .flatMap(v -> ((List<?>) v).stream())
                    .map(CapacityChangeResult.Changed.class::cast)
                    .flatMap(c -> c.promoted().stream()).toList();
            List<Registration> stillWaiting = db.dsl().selectFrom(EVENT_REGISTRATION)
                    .where(EVENT_REGISTRATION.EVENT_ID.eq(event),
                            EVENT_REGISTRATION.STATUS.eq(RegistrationStatus.WAITLIST.dbValue()))
                    .fetch(RegistrationService::toRegistration);
            Comparator<Registration> fcfs = Comparator.comparing(Registration::createdAt)
                    .thenComparingLong(Registration::id);
            for (Registration p : promoted) {
                for (Registration w : stillWaiting) {
                    assertThat(fcfs.compare(p, w)).as("promoted %s before waiting %s", p.id(), w.id())
                            .isNegative();
                }
            }
        }
    }

    private record Setup(long event, long waiting, long newcomer) {
    }

    /** A full event of 2 with one registration waiting (an hour old) and a newcomer ready to register. */
    private static Setup setup(Database db) {
        long event = EventFixtures.event(db, "e", 2);
        List<Long> users = EventFixtures.members(db, "u", 4);
        EventFixtures.registration(db, event, users.get(0), RegistrationStatus.CONFIRMED, Duration.ofHours(3));
        EventFixtures.registration(db, event, users.get(1), RegistrationStatus.CONFIRMED, Duration.ofHours(2));
        EventFixtures.registration(db, event, users.get(2), RegistrationStatus.WAITLIST, Duration.ofHours(1));
        return new Setup(event, users.get(2), users.get(3));
    }
}
