package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
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
import lu.entreprinder.persistence.testing.Fixtures;
import org.jooq.impl.DSL;

/**
 * One invitation accepted several times at once (a double click, two tabs): exactly one user is created and exactly
 * one call answers {@code Accepted}. The unlocked path (the race seam with its locks off) creates two users on PostgreSQL, so
 * the locked test can fail.
 */
class InvitationRaceIT {

    private static final String HASH = "pbkdf2_sha256$guest";

    private static String invite(Database db, String email) {
        long organizer = Fixtures.user(db, "organizer" + email.hashCode() % 1000 + Math.abs(email.length()));
        long event = new EventDao(db).insertEvent(EventFixtures.draft(db, "p " + email, 10)
                .withPrivateInvitation("CODE"));
        return ((InvitationResult.Invited) new InvitationService(db).invite(event, organizer, email, "", "")).token();
    }

    private static int usersWithEmail(Database db, String email) {
        return db.dsl().fetchCount(USER, DSL.lower(USER.EMAIL).eq(email));
    }

    /** The negative control: with the locks off, a second accept while the first is held creates a second user. */
    @DatabaseTest(Backend.POSTGRESQL)
    void unlockedAcceptCreatesTwoUsersWhenTheFirstIsHeld(Database db) throws Exception {
        String token = invite(db, "g@example.lu");
        InvitationService service = new InvitationService(db);
        RaceSeam.of(db).locks(false);
        Race.Hold hold = new Race.Hold();
        RaceSeam.of(db).onPause("invitation.before-insert", hold);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<InvitationAcceptResult> held = pool.submit(() -> service.accept(token, "first", HASH));
            hold.awaitHeld(Duration.ofSeconds(10));
            InvitationAcceptResult other = pool.submit(() -> service.accept(token, "second", HASH))
                    .get(10, TimeUnit.SECONDS);
            hold.release();
            assertThat(other).isInstanceOf(InvitationAcceptResult.Accepted.class);
            assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(InvitationAcceptResult.Accepted.class);
        } finally {
            hold.release();
            pool.shutdownNow();
        }
        assertThat(usersWithEmail(db, "g@example.lu")).as("the broken rule").isEqualTo(2);
    }

    /** The same interleaving with the lock: the second accept waits, then answers AlreadyAccepted. */
    @DatabaseTest
    void lockedAcceptMakesTheSecondWaitAndRefusesIt(Database db) throws Exception {
        String token = invite(db, "g@example.lu");
        InvitationService service = new InvitationService(db);
        Race.Hold hold = new Race.Hold();
        RaceSeam.of(db).onPause("invitation.before-insert", hold);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<InvitationAcceptResult> held = pool.submit(() -> service.accept(token, "first", HASH));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<InvitationAcceptResult> other = pool.submit(() -> service.accept(token, "second", HASH));
            Thread.sleep(300);
            assertThat(other.isDone()).as("the second accept waits for the invitation's lock").isFalse();
            hold.release();
            assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(InvitationAcceptResult.Accepted.class);
            assertThat(other.get(30, TimeUnit.SECONDS)).isInstanceOf(InvitationAcceptResult.AlreadyAccepted.class);
        } finally {
            hold.release();
            pool.shutdownNow();
        }
        assertThat(usersWithEmail(db, "g@example.lu")).isEqualTo(1);
    }

    /** Rounds of many threads accepting one token at once, each with its own username. */
    @DatabaseTest
    void manyAcceptsAtOnceCreateExactlyOneUser(Database db, Backend backend) throws Exception {
        int threads = backend == Backend.POSTGRESQL ? 24 : 8;
        InvitationService service = new InvitationService(db);
        for (int round = 1; round <= 3; round++) {
            String email = "guest" + round + "@example.lu";
            String token = invite(db, email);
            List<Callable<InvitationAcceptResult>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String username = "r" + round + "t" + t;
                calls.add(() -> service.accept(token, username, HASH));
            }
            Race.Outcomes<InvitationAcceptResult> out = Race.run(calls);
            assertThat(out.errors()).isEmpty();
            assertThat(out.values()).filteredOn(InvitationAcceptResult.Accepted.class::isInstance).hasSize(1);
            assertThat(out.values()).filteredOn(InvitationAcceptResult.AlreadyAccepted.class::isInstance)
                    .hasSize(threads - 1);
            assertThat(usersWithEmail(db, email)).isEqualTo(1);
        }
    }
}
