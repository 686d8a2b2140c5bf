package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class UserDaoIT {

    private static final String HASH = "pbkdf2_sha256$870000$salt$c2VjcmV0";

    @DatabaseTest
    void createUser_thenFindsItByIdUsernameAndEmailCaseInsensitively_withoutTheHash(Database db) {
        UserDao dao = new UserDao(db);

        UserCreationResult created = dao.createUser(new NewUser("anna", "Anna.Muller@Example.LU", HASH, "Anna", "Müller"));

        assertThat(created).isInstanceOf(UserCreationResult.Created.class);
        long id = ((UserCreationResult.Created) created).userId();
        var byId = Statements.count(db, () -> dao.findUser(id));
        var byName = Statements.count(db, () -> dao.findUserByUsername("anna"));
        var byEmail = Statements.count(db, () -> dao.findUserByEmail("  ANNA.muller@example.lu "));
        assertThat(byId.statements()).isEqualTo(1);
        assertThat(byName.statements()).isEqualTo(1);
        assertThat(byEmail.statements()).isEqualTo(1);
        UserAccount anna = byId.value().orElseThrow();
        assertThat(byName.value()).contains(anna);
        assertThat(byEmail.value()).contains(anna);
        assertThat(anna.username()).isEqualTo("anna");
        assertThat(anna.email()).isEqualTo("anna.muller@example.lu");
        assertThat(anna.firstName()).isEqualTo("Anna");
        assertThat(anna.lastName()).isEqualTo("Müller");
        assertThat(anna.active()).isTrue();
        assertThat(anna.staff()).isFalse();
        assertThat(anna.superuser()).isFalse();
        assertThat(anna.lastLoginTime()).isEmpty();
        assertThat(anna.dateJoined()).isEqualTo(db.now());
        assertThat(anna.toString()).doesNotContain(HASH);
        assertThat(dao.findUserByUsername("Anna")).as("usernames are case-sensitive, as in Django").isEmpty();
        assertThat(dao.findUser(id + 1)).isEmpty();
        assertThat(dao.findUserByEmail("nobody@example.lu")).isEmpty();
    }

    @DatabaseTest
    void findCredentials_isTheOnlyWayToTheHash(Database db) {
        UserDao dao = new UserDao(db);
        long id = ((UserCreationResult.Created) dao.createUser(NewUser.of("ben", "ben@example.lu", HASH))).userId();

        var counted = Statements.count(db, () -> dao.findCredentials("ben"));

        assertThat(counted.statements()).isEqualTo(1);
        UserCredentials credentials = counted.value().orElseThrow();
        assertThat(credentials.userId()).isEqualTo(id);
        assertThat(credentials.passwordHash()).isEqualTo(HASH);
        assertThat(credentials.active()).isTrue();
        assertThat(credentials.toString()).doesNotContain(HASH);
        assertThat(dao.findCredentials("nobody")).isEmpty();
    }

    @DatabaseTest
    void createUser_withAnEmailTakenInAnotherCase_returnsEmailTaken_andWritesNothing(Database db) {
        UserDao dao = new UserDao(db);
        dao.createUser(NewUser.of("anna", "anna@example.lu", HASH));

        UserCreationResult second = dao.createUser(NewUser.of("anna2", "ANNA@Example.lu", HASH));

        assertThat(second).isEqualTo(new UserCreationResult.EmailTaken("anna@example.lu"));
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(1);
    }

    /** Lower-cased in Java, so non-ASCII letters compare the same on SQLite (whose lower() folds ASCII only). */
    @DatabaseTest
    void emailsWithNonAsciiCapitals_compareCaseInsensitivelyOnBothDatabases(Database db) {
        UserDao dao = new UserDao(db);
        dao.createUser(NewUser.of("elodie", "ÉLODIE@Exemple.LU", HASH));

        assertThat(dao.createUser(NewUser.of("elodie2", "élodie@exemple.lu", HASH)))
                .isEqualTo(new UserCreationResult.EmailTaken("élodie@exemple.lu"));
        assertThat(dao.findUserByEmail("Élodie@EXEMPLE.lu")).map(UserAccount::username).contains("elodie");
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(1);
    }

    /**
     * The e-mail rule is not a constraint since V15 (Django's User.email is not unique): the write path must stay
     * race-safe. Many threads create users whose addresses differ only in case, at once, for several rounds: exactly
     * one account per address each round (PostgreSQL: the advisory lock; SQLite: the write lock).
     */
    @DatabaseTest
    void concurrentCreatesOfOneAddressInDifferentCases_createExactlyOneAccount(Database db) throws Exception {
        UserDao users = new UserDao(db);
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            String address = "race" + round + "@example.lu";
            List<java.util.concurrent.Callable<UserCreationResult>> racers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String username = "racer" + round + "_" + t;
                String email = t % 2 == 0 ? address.toUpperCase(java.util.Locale.ROOT) : address;
                racers.add(() -> users.createUser(NewUser.of(username, email, "<hash>")));
            }
            int created = 0;
            for (UserCreationResult result : Race.run(racers).valuesOrFail()) {
                if (result instanceof UserCreationResult.Created) {
                    created++;
                } else {
                    assertThat(result).isInstanceOf(UserCreationResult.EmailTaken.class);
                }
            }
            assertThat(created).as("round " + round).isEqualTo(1);
            assertThat(db.dsl().fetchCount(USER, org.jooq.impl.DSL.lower(USER.EMAIL).eq(address))).isEqualTo(1);
        }
    }

    /**
     * Deterministic: one creator is held between its e-mail check and its insert while a second creates the same
     * address in another case. Locked, the second waits and answers EmailTaken; unlocked (the negative control),
     * both insert. PostgreSQL only: on SQLite the second creator cannot even start its transaction while the first
     * holds the write lock, so there is no unlocked path to show.
     */
    @DatabaseTest(lu.entreprinder.persistence.testing.Backend.POSTGRESQL)
    void theEmailCheckAndInsertAreSerializedByTheAdvisoryLock(Database db) throws Exception {
        assertThat(holdFirstCreator(db, true, "held@example.lu")).isEqualTo(1);
        assertThat(holdFirstCreator(db, false, "loose@example.lu")).as("negative control").isEqualTo(2);
    }

    private static int holdFirstCreator(Database db, boolean locked, String address) throws Exception {
        UserDao first = new UserDao(db);
        RaceSeam.of(db).locks(locked);
        UserDao second = new UserDao(db);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("user.before-insert", hold); // holds the first creator between check and insert
            var a = pool.submit(() -> first.createUser(NewUser.of(address.replace('@', '1'), address, "<hash>")));
            hold.awaitHeld(java.time.Duration.ofSeconds(10));
            var b = pool.submit(() -> second.createUser(NewUser.of(address.replace('@', '2'),
                    address.toUpperCase(java.util.Locale.ROOT), "<hash>")));
            Thread.sleep(300); // locked: b is now waiting for the advisory lock
            hold.release();
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        return db.dsl().fetchCount(USER, org.jooq.impl.DSL.lower(USER.EMAIL).eq(address));
    }

    @DatabaseTest
    void createUser_withATakenUsername_returnsUsernameTaken(Database db) {
        UserDao dao = new UserDao(db);
        dao.createUser(NewUser.of("anna", "anna@example.lu", HASH));

        assertThat(dao.createUser(NewUser.of("anna", "other@example.lu", HASH)))
                .isEqualTo(new UserCreationResult.UsernameTaken("anna"));
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(1);
    }

    @DatabaseTest
    void createUser_refusedInsideACallersTransaction_leavesThatTransactionUsable(Database db) {
        UserDao dao = new UserDao(db);
        dao.createUser(NewUser.of("anna", "anna@example.lu", HASH));

        long created = db.inTransaction(tx -> {
            assertThat(dao.createUser(NewUser.of("anna", "x@example.lu", HASH)))
                    .isInstanceOf(UserCreationResult.UsernameTaken.class);
            return ((UserCreationResult.Created) dao.createUser(NewUser.of("carl", "carl@example.lu", HASH))).userId();
        });

        assertThat(dao.findUser(created)).map(UserAccount::username).contains("carl");
    }

    @DatabaseTest
    void deactivateReactivateAndRecordLogin(Database db, TestClock clock) {
        UserDao dao = new UserDao(db);
        long id = Fixtures.user(db, "dora");

        assertThat(dao.deactivateUser(id)).isTrue();
        assertThat(dao.findUser(id).orElseThrow().active()).isFalse();
        assertThat(dao.findCredentials("dora").orElseThrow().active()).isFalse();
        assertThat(dao.reactivateUser(id)).isTrue();
        assertThat(dao.findUser(id).orElseThrow().active()).isTrue();

        clock.advance(Duration.ofHours(2));
        assertThat(dao.recordLogin(id)).isTrue();
        assertThat(dao.findUser(id).orElseThrow().lastLoginTime()).contains(db.now());

        assertThat(dao.deactivateUser(id + 100)).isFalse();
        assertThat(dao.reactivateUser(id + 100)).isFalse();
        assertThat(dao.recordLogin(id + 100)).isFalse();
    }

    @DatabaseTest
    void badInput_isRefusedNamingTheField_andWritesNothing(Database db) {
        UserDao dao = new UserDao(db);
        refused(db, () -> dao.createUser(null), "user");
        refused(db, () -> dao.createUser(NewUser.of(" ", "a@example.lu", HASH)), "username");
        refused(db, () -> dao.createUser(NewUser.of("with space", "a@example.lu", HASH)), "username");
        refused(db, () -> dao.createUser(NewUser.of("x".repeat(151), "a@example.lu", HASH)), "username");
        refused(db, () -> dao.createUser(NewUser.of("anna", "not-an-email", HASH)), "email");
        refused(db, () -> dao.createUser(NewUser.of("anna", "a@b@c", HASH)), "email");
        refused(db, () -> dao.createUser(NewUser.of("anna", "", HASH)), "email");
        refused(db, () -> dao.createUser(NewUser.of("anna", "a".repeat(250) + "@x.lu", HASH)), "email");
        refused(db, () -> dao.createUser(NewUser.of("anna", "a@example.lu", "")), "passwordHash");
        refused(db, () -> dao.createUser(NewUser.of("anna", "a@example.lu", "h".repeat(129))), "passwordHash");
        refused(db, () -> dao.createUser(new NewUser("anna", "a@example.lu", HASH, "f".repeat(151), "")),
                "firstName");
        refused(db, () -> dao.createUser(new NewUser("anna", "a@example.lu", HASH, "", "l\u0000")), "lastName");
        refused(db, () -> dao.findUser(0), "userId");
        refused(db, () -> dao.findUserByUsername(null), "username");
        refused(db, () -> dao.findUserByEmail(" "), "email");
        refused(db, () -> dao.findCredentials(""), "username");
        refused(db, () -> dao.deactivateUser(-1), "userId");
        refused(db, () -> dao.reactivateUser(0), "userId");
        refused(db, () -> dao.recordLogin(0), "userId");
        assertThat(Optional.of(db.dsl().fetchCount(USER))).contains(0);
    }

    private static void refused(Database db, ThrowingCallable call, String field) {
        int before = db.dsl().fetchCount(USER);
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(before);
    }
}
