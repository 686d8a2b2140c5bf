package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;

/**
 * Two consents to share contact details arriving together: both are recorded and exactly one moves the connection
 * to {@code coach_reviewing}. The unlocked path (negative control) loses the transition on PostgreSQL.
 */
class ContactConsentRaceIT {

    private static final int ROUNDS = 4;

    /** Negative control, PostgreSQL only: SQLite's immediate transactions serialise even the unlocked path. */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedPathLosesTheTransition(Database db) throws Exception {
        ConnectionService service = new ConnectionService(db);
        RaceSeam.of(db).locks(false);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        RaceSeam.of(db).onPause("connection.before-consent-write", () -> await(bothRead, 10_000));
        Accepted c = acceptedConnection(db, service, 0);
        long id = c.id();

        List<ContactConsentResult> results = race(service, c);

        var row = db.dsl().selectFrom(EVENT_CONNECTION).where(EVENT_CONNECTION.ID.eq(id)).fetchSingle();
        System.out.printf("consent race negative control: %s, consents %s/%s, sharing %s%n", results,
                row.getRequesterConsent(), row.getRecipientConsent(), row.getSharingStatus());
        assertThat(results).filteredOn(ContactConsentResult.BothConsented.class::isInstance).isEmpty();
        assertThat(row.getRequesterConsent() && row.getRecipientConsent()).isTrue();
        assertThat(row.getSharingStatus()).as("both consented, yet no transition: the rule is broken")
                .isEqualTo(ContactSharingStatus.ACCEPTED.dbValue());
    }

    @DatabaseTest
    void twoConsentsTogetherMakeExactlyOneTransition(Database db) throws Exception {
        ConnectionService service = new ConnectionService(db);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        // With the lock only one thread is past the read at a time: the barrier times out and the holder continues.
        RaceSeam.of(db).onPause("connection.before-consent-write", () -> await(bothRead, 300));
        for (int round = 0; round < ROUNDS; round++) {
            bothRead.reset();
            Accepted c = acceptedConnection(db, service, round);
            long id = c.id();

            List<ContactConsentResult> results = race(service, c);

            assertThat(results).filteredOn(ContactConsentResult.BothConsented.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(ContactConsentResult.Recorded.class::isInstance).hasSize(1);
            var row = db.dsl().selectFrom(EVENT_CONNECTION).where(EVENT_CONNECTION.ID.eq(id)).fetchSingle();
            assertThat(row.getRequesterConsent()).isTrue();
            assertThat(row.getRecipientConsent()).isTrue();
            assertThat(row.getSharingStatus()).isEqualTo(ContactSharingStatus.COACH_REVIEWING.dbValue());
        }
    }

    /** An accepted connection between two attendees of a past event. */
    private record Accepted(long id, long requester, long recipient) {
    }

    private static Accepted acceptedConnection(Database db, ConnectionService service, int round) {
        long event = EventFixtures.pastEvent(db, "past" + round, 10);
        long anna = EventFixtures.attendee(db, event, "anna" + round);
        long ben = EventFixtures.attendee(db, event, "ben" + round);
        return new Accepted(EventFixtures.connect(service, anna, ben, event), anna, ben);
    }

    /** The requester and the recipient consent at the same moment. */
    private static List<ContactConsentResult> race(ConnectionService service, Accepted c) {
        List<Callable<ContactConsentResult>> calls = List.of(() -> service.consentToShare(c.requester(), c.id()),
                () -> service.consentToShare(c.recipient(), c.id()));
        return Race.run(Duration.ofSeconds(60), calls).valuesOrFail();
    }

    private static void await(CyclicBarrier barrier, long millis) {
        try {
            barrier.await(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            // the holder continues alone (locked path)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
