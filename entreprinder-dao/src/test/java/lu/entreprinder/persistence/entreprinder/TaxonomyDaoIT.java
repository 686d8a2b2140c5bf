package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Race;
import lu.entreprinder.persistence.testing.Statements;

class TaxonomyDaoIT {

    @DatabaseTest
    void getOrCreate_isCaseAndWhitespaceInsensitive_andKeepsTheFirstSpelling(Database db) {
        TaxonomyDao dao = new TaxonomyDao(db);

        var created = Statements.count(db, () -> dao.getOrCreateIndustry("  FinTech   Services "));
        var again = Statements.count(db, () -> dao.getOrCreateIndustry("fintech services"));
        Industry unicode = dao.getOrCreateIndustry("ＦｉｎＴｅｃｈ\u00a0SERVICES"); // full-width letters, NBSP: NFKC

        assertThat(created.value().name()).isEqualTo("FinTech Services");
        assertThat(created.statements()).as("select miss, then under the key's lock: (PostgreSQL: lock) select, insert")
                .isEqualTo(db.isPostgres() ? 4 : 3);
        assertThat(again.value()).isEqualTo(created.value());
        assertThat(again.statements()).as("existing: one select").isEqualTo(1);
        assertThat(unicode).isEqualTo(created.value());
        assertThat(db.dsl().fetchCount(INDUSTRY)).isEqualTo(1);
        assertThat(db.dsl().fetchValue(INDUSTRY.NAME_KEY)).isEqualTo("fintech services");

        Skill skill = dao.getOrCreateSkill("Java");
        assertThat(dao.getOrCreateSkill("JAVA")).isEqualTo(skill);
        assertThat(db.dsl().fetchCount(SKILL)).isEqualTo(1);
    }

    @DatabaseTest
    void findByName_andList(Database db) {
        TaxonomyDao dao = new TaxonomyDao(db);
        Industry wine = dao.getOrCreateIndustry("Wine");
        Industry agri = dao.getOrCreateIndustry("agriculture");
        Skill sql = dao.getOrCreateSkill("SQL");
        Skill go = dao.getOrCreateSkill("Go");

        var found = Statements.count(db, () -> dao.findIndustryByName("WINE"));
        assertThat(found.value()).contains(wine);
        assertThat(found.statements()).isEqualTo(1);
        assertThat(dao.findIndustryByName("Beer")).isEmpty();
        var skillFound = Statements.count(db, () -> dao.findSkillByName(" sql "));
        assertThat(skillFound.value()).contains(sql);
        assertThat(skillFound.statements()).isEqualTo(1);
        assertThat(dao.findSkillByName("Rust")).isEmpty();

        var industries = Statements.count(db, dao::listIndustries);
        var skills = Statements.count(db, dao::listSkills);
        assertThat(industries.value()).containsExactly(agri, wine);
        assertThat(skills.value()).containsExactly(go, sql);
        assertThat(industries.statements()).isEqualTo(1);
        assertThat(skills.statements()).isEqualTo(1);
    }

    @DatabaseTest
    void badNames_areRefusedNamingTheField_andWriteNothing(Database db) {
        TaxonomyDao dao = new TaxonomyDao(db);
        for (String bad : new String[] {null, "", "   ", "\u3000\u00a0", "x".repeat(101), "a\u0000b"}) {
            assertThatThrownBy(() -> dao.getOrCreateIndustry(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> dao.getOrCreateSkill(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> dao.findIndustryByName(bad)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> dao.findSkillByName(bad)).isInstanceOf(ValidationException.class);
        }
        assertThat(db.dsl().fetchCount(INDUSTRY)).isZero();
        assertThat(db.dsl().fetchCount(SKILL)).isZero();
    }

    /**
     * Deterministic race: caller A misses the select and is held before its insert (holding the key's lock) while
     * caller B asks for the same name in another case. One row per key is no constraint since V17 (the Django app may
     * store names that differ only in case), so the lock is what keeps it: the real path makes B wait and answer A's
     * row, on both databases.
     */
    @DatabaseTest
    void heldBetweenCheckAndInsert_theLockedPathReturnsTheHoldersRow(Database db) throws Exception {
        assertThat(race(db, false, "Biotech")).as("rows with the key").isEqualTo(1);
    }

    /**
     * The negative control of the race above: without the key's lock B misses A's uncommitted row, inserts, and the
     * name is stored twice. PostgreSQL only: on SQLite the second caller cannot start its transaction while the
     * first holds the write lock ({@code BEGIN IMMEDIATE}), so there is no unlocked path to show.
     */
    @DatabaseTest(Backend.POSTGRESQL)
    void heldBetweenCheckAndInsert_theUnlockedPathDuplicates(Database db) throws Exception {
        assertThat(race(db, true, "Cleantech")).as("negative control: rows with the key").isEqualTo(2);
    }

    /** Runs the held race; returns how many rows hold the name's key afterwards. */
    private static int race(Database db, boolean unsafe, String name) throws Exception {
        TaxonomyDao dao = new TaxonomyDao(db);
        RaceSeam.of(db).locks(!unsafe);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Race.Hold hold = new Race.Hold()) {
            RaceSeam.of(db).onPause("taxonomy.before-insert", hold); // holds A, the first to get there
            Future<Industry> a = pool.submit(() -> dao.getOrCreateIndustry(name));
            hold.awaitHeld(Duration.ofSeconds(10));
            Future<Industry> b = pool.submit(() -> dao.getOrCreateIndustry(name.toUpperCase()));
            Thread.sleep(300); // B has missed its first select and waits for the key's lock (or, unlocked, inserted)
            hold.release();
            Industry first = a.get(10, TimeUnit.SECONDS);
            Industry second = b.get(40, TimeUnit.SECONDS);
            if (!unsafe) {
                assertThat(second).isEqualTo(first);
            }
            return db.dsl().fetchCount(INDUSTRY, INDUSTRY.NAME_KEY.eq(name.toLowerCase()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Many threads get-or-create the same new name at once, in each round a new one (16 threads x 20 rounds on
     * both databases): every thread gets the one row, none an error.
     */
    @DatabaseTest
    void racingThreads_getOrCreateTheSameNewName_oneRowNoError(Database db, Backend backend) throws Exception {
        int threads = 16;
        int rounds = 20;
        TaxonomyDao dao = new TaxonomyDao(db);
        java.util.concurrent.atomic.AtomicInteger reachedInsert = new java.util.concurrent.atomic.AtomicInteger();
        RaceSeam.of(db).onPause("taxonomy.before-insert", reachedInsert::incrementAndGet);
        for (int round = 0; round < rounds; round++) {
            String name = "Sector " + round;
            List<Callable<Industry>> racers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String spelling = t % 2 == 0 ? name : name.toUpperCase();
                racers.add(() -> dao.getOrCreateIndustry(spelling));
            }
            Set<Long> ids = new HashSet<>();
            for (Industry industry : Race.run(Duration.ofSeconds(30), racers).valuesOrFail()) {
                ids.add(industry.id());
            }
            assertThat(ids).as("round %d on %s", round, backend).hasSize(1);
        }
        assertThat(db.dsl().fetchCount(INDUSTRY)).isEqualTo(rounds);
        // Under the key's lock the threads that missed the first select find the winner's row when they get the
        // lock: exactly one insert per round (the unlocked race is shown by heldBetweenCheckAndInsert_… above).
        System.out.printf("get-or-create race on %s: %d threads x %d rounds, %d inserts attempted, %d rows%n",
                backend, threads, rounds, reachedInsert.get(), rounds);
        assertThat(reachedInsert.get()).isEqualTo(rounds);
    }
}
