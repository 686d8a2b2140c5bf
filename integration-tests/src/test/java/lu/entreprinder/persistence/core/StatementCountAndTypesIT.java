package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.testing.TestDatabases;

class StatementCountAndTypesIT {

    @DatabaseTest
    void statementsAreCountedPerThreadEvenWhileOtherThreadsWork(Database db) throws Exception {
        Fixtures.user(db, "anna");
        var background = Executors.newSingleThreadExecutor();
        var noise = background.submit(() -> {
            for (int i = 0; i < 200; i++) {
                db.dsl().fetchCount(USER);
            }
        });
        long counted = Statements.count(db, () -> {
            db.dsl().fetchCount(USER);
            db.useTransaction(tx -> tx.dsl().fetchCount(USER));
        });
        noise.get(30, TimeUnit.SECONDS);
        background.shutdown();
        assertThat(counted).isEqualTo(2);
    }

    @DatabaseTest
    void timestampsRoundTripToTheMicrosecondAndCompareInTimeOrder(Database db, TestClock clock) {
        clock.set(Instant.parse("2026-11-21T20:00:00.123456789Z"));
        long early = Fixtures.user(db, "early");
        clock.set(Instant.parse("2026-11-21T20:00:01Z"));
        long late = Fixtures.user(db, "late");
        // an instant given with an offset is stored as the same instant
        OffsetDateTime betweenInParis = OffsetDateTime.of(2026, 11, 21, 21, 0, 0, 500_000_000, ZoneOffset.ofHours(1));

        assertThat(db.dsl().select(USER.DATE_JOINED).from(USER).where(USER.ID.eq(early)).fetchOne(USER.DATE_JOINED))
                .isEqualTo(OffsetDateTime.parse("2026-11-21T20:00:00.123456Z"));
        assertThat(db.dsl().select(USER.USERNAME).from(USER).where(USER.DATE_JOINED.gt(betweenInParis)).fetch(USER.USERNAME))
                .containsExactly("late");
        assertThat(db.dsl().select(USER.ID).from(USER).orderBy(USER.DATE_JOINED.desc()).fetch(USER.ID))
                .containsExactly(late, early);
    }

    private static final org.jooq.Param<Long> ONE = org.jooq.impl.DSL.param("one", USER.ID.getDataType());

    @DatabaseTest
    void timestampsReadBackInUtcWhateverTheJvmsZone(Backend backend) {
        // PostgreSQL formats a timestamptz as text in the session's zone, which the driver takes from the JVM's
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Luxembourg"));
        try (Database db = Database.open(TestDatabases.config(backend, new TestClock()).build())) {
            String stored = backend == Backend.POSTGRESQL ? "timestamptz '2026-06-01 12:00:00.123456+02'"
                    : "'2026-06-01 10:00:00.123456'";
            var literal = org.jooq.impl.DSL.field(stored, USER.DATE_JOINED.getDataType());
            var read = PreparedRead.of(select(literal).where(org.jooq.impl.DSL.val(1L).eq(ONE)), ONE);
            OffsetDateTime utc = OffsetDateTime.parse("2026-06-01T10:00:00.123456Z");
            // past the driver's prepare threshold (5), where PostgreSQL's rows come in binary
            for (int i = 0; i < 7; i++) {
                assertThat(db.dsl().select(literal).fetchOne().value1()).as("jOOQ's path, call %d", i).isEqualTo(utc);
                assertThat(read.fetchOptional(db.dsl(), r -> r.value1(), 1L)).as("direct, call %d", i).contains(utc);
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @DatabaseTest
    void decimalsKeepTheirDeclaredScaleAlsoInNestedCollections(Database db) {
        long coffret = db.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "Rouge").set(VDL_COFFRET.BOTTLES, 6)
                .set(VDL_COFFRET.DESCRIPTION, "").returning(VDL_COFFRET.ID).fetchOne(VDL_COFFRET.ID);
        for (String price : new String[] {"12.50", "999999.99", "0.10"}) {
            db.dsl().insertInto(VDL_ADOPTION_PLAN).set(VDL_ADOPTION_PLAN.NAME, "plan " + price)
                    .set(VDL_ADOPTION_PLAN.PRICE, new BigDecimal(price)).set(VDL_ADOPTION_PLAN.DURATION_MONTHS, 12)
                    .set(VDL_ADOPTION_PLAN.COFFRET_ID, coffret).set(VDL_ADOPTION_PLAN.IS_AVAILABLE, true).execute();
        }
        assertThat(db.dsl().select(VDL_ADOPTION_PLAN.PRICE).from(VDL_ADOPTION_PLAN).orderBy(VDL_ADOPTION_PLAN.PRICE)
                .fetch(VDL_ADOPTION_PLAN.PRICE))
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("12.50"), new BigDecimal("999999.99"));
        assertThat(db.dsl().select(VDL_ADOPTION_PLAN.PRICE).from(VDL_ADOPTION_PLAN)
                .where(VDL_ADOPTION_PLAN.PRICE.between(new BigDecimal("1.00"), new BigDecimal("20"))).fetch(VDL_ADOPTION_PLAN.PRICE))
                .containsExactly(new BigDecimal("12.50"));
        var nested = db.dsl().select(multiset(select(VDL_ADOPTION_PLAN.PRICE).from(VDL_ADOPTION_PLAN)
                        .orderBy(VDL_ADOPTION_PLAN.PRICE)).convertFrom(r -> r.map(x -> x.value1())))
                .fetchOne().value1();
        // jOOQ skips a BigDecimal->BigDecimal converter for values parsed from MULTISET's JSON, and SQLite's JSON
        // drops trailing zeros: nested decimals are equal in value; DAO records restore the scale (CONVENTIONS.md).
        assertThat(nested).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("12.50"), new BigDecimal("999999.99"));
    }

    @DatabaseTest
    void nestedTimestampsReadBackAsTheSameInstant(Database db, TestClock clock) {
        clock.set(Instant.parse("2026-01-02T03:04:05.678901Z"));
        Fixtures.user(db, "anna");
        var nested = db.dsl().select(multiset(select(USER.DATE_JOINED).from(USER)).convertFrom(r -> r.map(x -> x.value1())))
                .fetchOne().value1();
        assertThat(nested).hasSize(1);
        assertThat(nested.get(0).toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678901Z"));
        assertThat(Duration.between(clock.instant(), db.now().toInstant())).isZero();
    }
}
