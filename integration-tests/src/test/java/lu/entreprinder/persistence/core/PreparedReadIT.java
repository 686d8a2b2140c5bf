package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import lu.entreprinder.persistence.testing.ContextBoundText;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.Statements;
import lu.entreprinder.persistence.testing.TestClock;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

class PreparedReadIT {

    private static final Param<Long> FIRST = DSL.param("first", USER.ID.getDataType());
    private static final Param<String> PREFIX = DSL.param("prefix", SQLDataType.VARCHAR);
    private static final Param<Integer> LIMIT = DSL.param("limit", SQLDataType.INTEGER);

    /** A user id (a converted column), a parameter used twice, an inlined constant, a LIMIT, all in one shape. */
    private static final PreparedRead<Record3<Long, String, Boolean>> USERS = PreparedRead.of(
            select(USER.ID, USER.USERNAME, USER.ID.eq(FIRST).as("is_first"))
                    .from(USER)
                    .where(USER.ID.ge(FIRST))
                    .and(USER.USERNAME.startsWith(PREFIX))
                    .and(USER.IS_ACTIVE.eq(inline(true)))
                    .orderBy(USER.ID)
                    .limit(LIMIT),
            FIRST, PREFIX, LIMIT);

    private static final Param<Long> COFFRET = DSL.param("coffret", VDL_COFFRET.ID.getDataType());

    private static final PreparedRead<Record1<List<BigDecimal>>> PRICES = PreparedRead.of(
            select(multiset(select(VDL_ADOPTION_PLAN.PRICE).from(VDL_ADOPTION_PLAN)
                    .where(VDL_ADOPTION_PLAN.COFFRET_ID.eq(COFFRET)).orderBy(VDL_ADOPTION_PLAN.PRICE))
                    .convertFrom(r -> r.map(Record1::value1))),
            COFFRET);

    @DatabaseTest
    void bindsEachCallsValuesIntoTheTextRenderedOnce(Database db) {
        long anna = Fixtures.user(db, "anna");
        long anton = Fixtures.user(db, "anton");
        Fixtures.user(db, "bert");
        long later = Fixtures.user(db, "anouk");

        Result<Record3<Long, String, Boolean>> all = USERS.bind(db.dsl(), anna, "an", 10).fetch();
        assertThat(all.map(r -> r.value2())).containsExactly("anna", "anton", "anouk");
        assertThat(all.map(r -> r.value1())).containsExactly(anna, anton, later);
        assertThat(all.map(r -> r.value3())).containsExactly(true, false, false);

        // other values, same text: the LIMIT and the repeated parameter follow the new values
        assertThat(USERS.bind(db.dsl(), anton, "an", 1).fetch(r -> r.value2())).containsExactly("anton");
        assertThat(USERS.bind(db.dsl(), anna, "b", 10).fetch(r -> r.value2())).containsExactly("bert");
        // the same answer as the query rendered per call
        assertThat(USERS.bind(db.dsl(), anna, "an", 10).fetch())
                .isEqualTo(db.dsl().select(USER.ID, USER.USERNAME, USER.ID.eq(anna).as("is_first")).from(USER)
                        .where(USER.ID.ge(anna)).and(USER.USERNAME.startsWith("an")).and(USER.IS_ACTIVE.eq(true))
                        .orderBy(USER.ID).limit(10).fetch());
    }

    private static final Param<OffsetDateTime> JOINED_AFTER = DSL.param("joined_after", USER.DATE_JOINED.getDataType());
    private static final PreparedRead<Record1<String>> JOINED = PreparedRead.of(
            select(USER.USERNAME).from(USER).where(USER.DATE_JOINED.gt(JOINED_AFTER)), JOINED_AFTER);

    @DatabaseTest
    void aValueIsBoundWithTheSqlItsTypeNeedsOnce(Database db, TestClock clock) {
        clock.set(Instant.parse("2026-01-01T10:00:00Z"));
        Fixtures.user(db, "anna");
        OffsetDateTime before = OffsetDateTime.parse("2026-01-01T09:00:00Z");
        var plans = db.explain(() -> assertThat(JOINED.bind(db.dsl(), before).fetch(Record1::value1))
                .containsExactly("anna"));
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).sql()).isEqualTo(db.dsl().select(USER.USERNAME).from(USER)
                .where(USER.DATE_JOINED.gt(before)).getSQL());
    }

    @DatabaseTest
    void nestedCollectionsReadThroughTheShapesFields(Database db) {
        long coffret = db.dsl().insertInto(VDL_COFFRET).set(VDL_COFFRET.NAME, "Rouge").set(VDL_COFFRET.BOTTLES, 6)
                .set(VDL_COFFRET.DESCRIPTION, "").returning(VDL_COFFRET.ID).fetchOne(VDL_COFFRET.ID);
        for (String price : new String[] {"12.50", "0.10"}) {
            db.dsl().insertInto(VDL_ADOPTION_PLAN).set(VDL_ADOPTION_PLAN.NAME, "plan " + price)
                    .set(VDL_ADOPTION_PLAN.PRICE, new BigDecimal(price)).set(VDL_ADOPTION_PLAN.DURATION_MONTHS, 12)
                    .set(VDL_ADOPTION_PLAN.COFFRET_ID, coffret).set(VDL_ADOPTION_PLAN.IS_AVAILABLE, true).execute();
        }
        assertThat(PRICES.bind(db.dsl(), coffret).fetchOne().value1())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("12.50"));
        assertThat(PRICES.bind(db.dsl(), coffret + 1).fetchOne().value1()).isEmpty();
        assertThat(PRICES.fetchOptional(db.dsl(), r -> r.value1(), coffret).orElseThrow())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("12.50"));
    }

    @DatabaseTest
    void aPreparedReadIsOneCountedStatementInTheCallersTransaction(Database db) {
        long anna = Fixtures.user(db, "anna");
        assertThat(Statements.count(db, () -> {
            USERS.bind(db.dsl(), anna, "an", 10).fetch();
        })).isEqualTo(1);
        // inside a transaction it sees the transaction's own uncommitted row, then nothing after the rollback
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            long inside = Fixtures.user(db, "annie");
            assertThat(USERS.bind(tx.dsl(), inside, "an", 10).fetch(r -> r.value2())).containsExactly("annie");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(USERS.bind(db.dsl(), anna, "an", 10).fetch(r -> r.value2())).containsExactly("anna");
    }

    private static final Param<Long> OTHER = DSL.param("other", USER.ID.getDataType());
    private static final lu.entreprinder.persistence.schema.generated.tables.User FRIEND = USER.as("friend");
    /** Two columns named {@code id} (and two {@code username}s) from two aliases of one table. */
    private static final PreparedRead<org.jooq.Record4<Long, Long, String, String>> PAIR = PreparedRead.of(
            select(USER.ID, FRIEND.ID, USER.USERNAME, FRIEND.USERNAME)
                    .from(USER).join(FRIEND).on(FRIEND.ID.eq(OTHER))
                    .where(USER.ID.eq(FIRST)),
            FIRST, OTHER);

    @DatabaseTest
    void recordsCarryTheShapesOwnFieldsSoColumnsOfTheSameNameStayApart(Database db) {
        long anna = Fixtures.user(db, "anna");
        long bert = Fixtures.user(db, "bert");
        var row = PAIR.fetchOptional(db.dsl(), r -> r, anna, bert).orElseThrow();
        assertThat(row.value1()).isEqualTo(anna);
        assertThat(row.value2()).isEqualTo(bert);
        assertThat(row.get(USER.USERNAME)).isEqualTo("anna");
        assertThat(row.get(FRIEND.USERNAME)).isEqualTo("bert");
        assertThat(row.get(FRIEND.ID)).isEqualTo(bert);
        var bound = PAIR.bind(db.dsl(), anna, bert).fetchSingle();
        assertThat(bound.get(FRIEND.USERNAME)).isEqualTo("bert");
        assertThat(bound.get(USER.USERNAME)).isEqualTo("anna");
    }

    @DatabaseTest
    void fetchAnswersWhatTheQueryAnswers(Database db) {
        long anna = Fixtures.user(db, "anna");
        Fixtures.user(db, "anton");
        Fixtures.user(db, "bert");
        assertThat(USERS.fetch(db.dsl(), r -> r, anna, "an", 10))
                .isEqualTo(USERS.bind(db.dsl(), anna, "an", 10).fetch())
                .hasSize(2);
        assertThat(USERS.fetch(db.dsl(), r -> r.value2(), anna, "an", 1)).containsExactly("anna");
        // SQL NULL: nothing is >= null
        assertThat(USERS.fetch(db.dsl(), r -> r.value2(), null, "an", 10)).isEmpty();
        assertThat(USERS.fetchOptional(db.dsl(), r -> r.value2(), anna, "ann", 10)).contains("anna");
        assertThat(USERS.fetchOptional(db.dsl(), r -> r.value2(), anna, "zz", 10)).isEmpty();
        assertThatThrownBy(() -> USERS.fetchOptional(db.dsl(), r -> r.value2(), anna, "an", 10))
                .isInstanceOf(org.jooq.exception.TooManyRowsException.class);
        // a timestamp parameter (bound by the schema's own binding), read the same way
        assertThat(JOINED.fetch(db.dsl(), r -> r.value1(), OffsetDateTime.parse("2000-01-01T00:00:00Z")))
                .containsExactlyInAnyOrder("anna", "anton", "bert");
    }

    @DatabaseTest
    void fetchIsOneCountedRecordedStatementOfTheCallersTransaction(Database db) {
        long anna = Fixtures.user(db, "anna");
        assertThat(Statements.count(db, () -> USERS.fetch(db.dsl(), r -> r, anna, "an", 10)).statements()).isEqualTo(1);
        List<StatementPlan> plans = db.explain(() -> USERS.fetch(db.dsl(), r -> r, anna, "an", 10), false);
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).bindValues()).containsExactly(anna, anna, "an", 10);
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            long inside = Fixtures.user(db, "annie");
            assertThat(USERS.fetch(tx.dsl(), r -> r.value2(), inside, "an", 10)).containsExactly("annie");
            assertThat(USERS.fetch(db.dsl(), r -> r.value2(), inside, "an", 10)).containsExactly("annie");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(USERS.fetch(db.dsl(), r -> r.value2(), anna, "an", 10)).containsExactly("anna");
    }

    /**
     * The schema's UTC timestamps have a binding of their own: the direct path calls it (PostgreSQL binds the value,
     * SQLite its text in Django's form), with the microsecond truncation and NULL it gives jOOQ's path.
     */
    @DatabaseTest
    void aTypesOwnBindingBindsItsValuesOnTheDirectPath(Database db, TestClock clock) {
        assertThat(lu.entreprinder.persistence.core.internal.DirectBinding.binds(USER.DATE_JOINED.getDataType(),
                db.dialect())).isTrue();
        OffsetDateTime joined = OffsetDateTime.parse("2026-01-01T10:00:00.000001Z");
        clock.set(joined.toInstant());
        Fixtures.user(db, "anna");
        for (OffsetDateTime after : List.of(joined, joined.minusNanos(400), joined.minusNanos(1_000),
                joined.plusNanos(600), joined.withOffsetSameInstant(java.time.ZoneOffset.ofHours(2)).minusHours(1))) {
            assertThat(JOINED.fetch(db.dsl(), r -> r.value1(), after)).as(after.toString())
                    .isEqualTo(db.dsl().select(USER.USERNAME).from(USER).where(USER.DATE_JOINED.gt(after))
                            .fetch(Record1::value1));
        }
        // truncated to microseconds, not rounded: 0.6 µs before the value binds as a whole microsecond before it
        assertThat(JOINED.fetch(db.dsl(), r -> r.value1(), joined.minusNanos(400))).containsExactly("anna");
        assertThat(JOINED.fetch(db.dsl(), r -> r.value1(), joined)).isEmpty();
        assertThat(JOINED.fetch(db.dsl(), r -> r.value1(), (Object) null)).isEmpty();
        assertThat(Statements.count(db, () -> JOINED.fetch(db.dsl(), r -> r, joined)).statements()).isEqualTo(1);
    }

    private static final Param<String> NEW_NAME = DSL.param("new_name", USER.USERNAME.getDataType());
    private static final PreparedRead<Record1<String>> RENAME = PreparedRead.of(
            DSL.update(USER).set(USER.USERNAME, NEW_NAME).where(USER.ID.eq(FIRST)).returningResult(USER.USERNAME),
            NEW_NAME, FIRST);

    /**
     * A data-modifying shape with RETURNING (direct on PostgreSQL, jOOQ's path on SQLite): one counted statement of
     * the caller's transaction, its rows mapped, a refusal translated and poisoning the transaction.
     */
    @DatabaseTest
    void aWriteWithReturningIsOneCountedStatementOfTheCallersTransaction(Database db) {
        long anna = Fixtures.user(db, "anna");
        Fixtures.user(db, "bert");
        var counted = Statements.count(db, () -> RENAME.fetchOptional(db.dsl(), r -> r.value1(), "annie", anna));
        assertThat(counted.value()).contains("annie");
        assertThat(counted.statements()).isEqualTo(1);
        assertThat(RENAME.fetch(db.dsl(), r -> r.value1(), "x", 999_999L)).isEmpty();
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            assertThat(RENAME.fetchOptional(tx.dsl(), r -> r.value1(), "anouk", anna)).contains("anouk");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        String name = db.dsl().select(USER.USERNAME).from(USER).where(USER.ID.eq(anna)).fetchOne(USER.USERNAME);
        assertThat(name).isEqualTo("annie");
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            try {
                RENAME.fetchOptional(tx.dsl(), r -> r.value1(), "bert", anna); // refused: the name is taken
            } catch (ConflictException expected) {
                // caught, but the transaction is poisoned
            }
            QUOTIENT.fetch(tx.dsl(), r -> r.value1(), 1);
        })).isInstanceOf(TransactionAbortedException.class);
    }

    private static final PreparedRead<org.jooq.Record> USER_ROW = PreparedRead.of(
            select(USER.fields()).from(USER).where(USER.ID.eq(FIRST)), FIRST);

    /**
     * fetchOptional decodes its one row itself (converted ids, text, booleans, NULLs, the schema's own timestamp
     * binding): the record equals the one jOOQ reads, and nothing in it is marked changed.
     */
    @DatabaseTest
    void aRowDecodedOnTheDirectPathEqualsJooqsRecord(Database db, TestClock clock) {
        assertThat(lu.entreprinder.persistence.core.internal.DirectRows.of(USER.fields(), db.dialect()))
                .as("every column of a user is decoded on the direct path").isNotNull();
        clock.set(Instant.parse("2026-03-01T08:15:30.123456Z"));
        long anna = Fixtures.user(db, "anna");
        db.dsl().update(USER).set(USER.LAST_LOGIN, OffsetDateTime.parse("2026-03-02T09:00:00.000001+01:00"))
                .set(USER.IS_STAFF, true).where(USER.ID.eq(anna)).execute();
        long bert = Fixtures.user(db, "bert"); // last_login NULL
        for (long id : new long[] {anna, bert}) {
            org.jooq.Record direct = USER_ROW.fetchOptional(db.dsl(), r -> r, id).orElseThrow();
            org.jooq.Record jooq = db.dsl().select(USER.fields()).from(USER).where(USER.ID.eq(id)).fetchOne();
            assertThat(direct.intoList()).isEqualTo(jooq.intoList());
            assertThat(direct.get(USER.ID)).isEqualTo(id);
            assertThat(direct.changed()).isFalse();
        }
        assertThat(USER_ROW.fetchOptional(db.dsl(), r -> r.get(USER.LAST_LOGIN), anna).orElseThrow())
                .isEqualTo(OffsetDateTime.parse("2026-03-02T08:00:00.000001Z"));
        assertThat(USER_ROW.fetchOptional(db.dsl(), r -> r.get(USER.LAST_LOGIN), bert)).isEmpty();
    }

    private static final Param<Long> PRODUCER = DSL.param("producer", VDL_PRODUCER.ID.getDataType());
    private static final PreparedRead<org.jooq.Record> PRODUCER_ROW = PreparedRead.of(
            select(VDL_PRODUCER.fields()).from(VDL_PRODUCER).where(VDL_PRODUCER.ID.eq(PRODUCER)), PRODUCER);

    /** A row with a JSONB column (decoded on the direct path on PostgreSQL), and with it NULL: jOOQ's record. */
    @DatabaseTest
    void aRowWithJsonDecodedOnTheDirectPathEqualsJooqsRecord(Database db) {
        for (org.jooq.JSONB coordinates : new org.jooq.JSONB[] {
                org.jooq.JSONB.valueOf("{\"type\": \"Point\", \"coordinates\": [6.36, 49.6], \"name\": \"Été\"}"), null}) {
            long id = db.dsl().insertInto(VDL_PRODUCER).set(VDL_PRODUCER.NAME, "Domaine")
                    .set(VDL_PRODUCER.REGION, "Moselle").set(VDL_PRODUCER.DESCRIPTION, "")
                    .set(VDL_PRODUCER.LOGO, "").set(VDL_PRODUCER.COORDINATES, coordinates)
                    .returning(VDL_PRODUCER.ID).fetchOne(VDL_PRODUCER.ID);
            org.jooq.Record direct = PRODUCER_ROW.fetchOptional(db.dsl(), r -> r, id).orElseThrow();
            org.jooq.Record jooq = db.dsl().select(VDL_PRODUCER.fields()).from(VDL_PRODUCER)
                    .where(VDL_PRODUCER.ID.eq(id)).fetchOne();
            assertThat(direct.intoList()).isEqualTo(jooq.intoList());
        }
        if (db.isPostgres()) {
            assertThat(lu.entreprinder.persistence.core.internal.DirectRows.of(VDL_PRODUCER.fields(), db.dialect()))
                    .isNotNull();
        }
    }

    private static final Param<Long> PROFILE = DSL.param("profile", CRUSH_PROFILE.ID.getDataType());
    private static final PreparedRead<org.jooq.Record2<Long, java.time.LocalDate>> PROFILE_ROW = PreparedRead.of(
            select(CRUSH_PROFILE.ID, CRUSH_PROFILE.DATE_OF_BIRTH).from(CRUSH_PROFILE).where(CRUSH_PROFILE.ID.eq(PROFILE)),
            PROFILE);

    /**
     * Dates (decoded on the direct path on PostgreSQL): jOOQ's record for every day, the days before the Gregorian
     * switch (where java.sql.Date, which jOOQ reads, counts in the Julian calendar) and {@code ±infinity} included.
     */
    @DatabaseTest
    void aDateDecodedOnTheDirectPathEqualsJooqsRecord(Database db) throws java.sql.SQLException {
        long user = Fixtures.user(db, "dora");
        long profile = Fixtures.crushProfile(db, user).insert();
        List<String> days = new java.util.ArrayList<>(List.of("1995-05-05", "2000-02-29", "1582-10-15", "1582-10-04",
                "1500-03-01", "0001-01-01", "9999-12-31"));
        if (db.isPostgres()) {
            days.addAll(List.of("infinity", "-infinity", "0044-03-15 BC"));
            assertThat(lu.entreprinder.persistence.core.internal.DirectRows.of(
                    new org.jooq.Field<?>[] {CRUSH_PROFILE.ID, CRUSH_PROFILE.DATE_OF_BIRTH}, db.dialect())).isNotNull();
        }
        for (String day : days) {
            try (var connection = db.dataSource().getConnection(); var update = connection.prepareStatement(
                    db.isPostgres() ? "UPDATE crush_lu_crushprofile SET date_of_birth = ?::date WHERE id = ?"
                            : "UPDATE crush_lu_crushprofile SET date_of_birth = ? WHERE id = ?")) {
                update.setString(1, day);
                update.setLong(2, profile);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            for (int call = 0; call < 6; call++) { // past pgjdbc's prepare threshold: binary dates too
                org.jooq.Record direct = PROFILE_ROW.fetchOptional(db.dsl(), r -> r, profile).orElseThrow();
                org.jooq.Record jooq = db.dsl().select(CRUSH_PROFILE.ID, CRUSH_PROFILE.DATE_OF_BIRTH)
                        .from(CRUSH_PROFILE).where(CRUSH_PROFILE.ID.eq(profile)).fetchOne();
                assertThat(direct.intoList()).as(day).isEqualTo(jooq.intoList());
            }
        }
        assertThat(PROFILE_ROW.fetchOptional(db.dsl(), r -> r.get(CRUSH_PROFILE.DATE_OF_BIRTH), profile))
                .isNotEmpty();
    }

    /** A binding of the user's own that asks for jOOQ's execute context: the read falls back, counted once. */
    @DatabaseTest
    void aBindingThatNeedsTheExecuteContextTakesJooqsPath(Database db) {
        Fixtures.user(db, "anna");
        ContextBoundText binding = new ContextBoundText();
        Param<String> name = DSL.param("name", SQLDataType.VARCHAR.asConvertedDataType(binding));
        var read = PreparedRead.of(select(USER.USERNAME).from(USER).where(USER.USERNAME.eq(name)), name);
        for (int call = 0; call < 2; call++) {
            var counted = Statements.count(db, () -> read.fetch(db.dsl(), r -> r.value1(), "anna"));
            assertThat(counted.value()).containsExactly("anna");
            assertThat(counted.statements()).isEqualTo(1);
        }
        assertThat(binding.bound.get()).isEqualTo(2);
    }

    /**
     * A column whose binding asks for jOOQ's execute context only on the second row: the statement, already run, is
     * not run again; jOOQ's cursor reads that row and the rest, and every later call.
     */
    @DatabaseTest
    void aBindingThatNeedsTheExecuteContextToReadARowIsReadByJooqFromThatRowOn(Database db) {
        for (String name : List.of("anna", "bert", "carl")) {
            Fixtures.user(db, name);
        }
        ContextBoundText binding = new ContextBoundText();
        org.jooq.Field<String> username = DSL.field(USER.USERNAME.getQualifiedName(),
                SQLDataType.VARCHAR.asConvertedDataType(binding));
        Param<String> from = DSL.param("from", SQLDataType.VARCHAR);
        var read = PreparedRead.of(select(username).from(USER).where(USER.USERNAME.ge(from)).orderBy(USER.USERNAME),
                from);
        for (int call = 1; call <= 2; call++) {
            var counted = Statements.count(db, () -> read.fetch(db.dsl(), r -> r.value1(), "a"));
            assertThat(counted.value()).containsExactly("anna", "bert", "carl");
            assertThat(counted.statements()).isEqualTo(1);
            assertThat(binding.read.get()).isEqualTo(call);
        }
        var one = Statements.count(db, () -> read.fetchOptional(db.dsl(), r -> r.value1(), "c"));
        assertThat(one.value()).contains("carl");
        assertThat(one.statements()).isEqualTo(1);
    }

    private static final Param<Integer> DIVISOR = DSL.param("divisor", SQLDataType.INTEGER);
    private static final PreparedRead<Record1<Integer>> QUOTIENT = PreparedRead.of(
            select(inline(1).div(DIVISOR)), DIVISOR);

    @DatabaseTest
    void aStatementTheDatabaseRefusesIsTranslatedAndPoisonsItsTransaction(Database db) {
        assertThat(QUOTIENT.fetchOptional(db.dsl(), r -> r.value1(), 1)).contains(1);
        if (db.isPostgres()) { // SQLite answers NULL for a division by zero
            assertThatThrownBy(() -> QUOTIENT.fetch(db.dsl(), r -> r.value1(), 0))
                    .isInstanceOf(PersistenceException.class);
        }
        Fixtures.user(db, "anna");
        assertThatThrownBy(() -> db.useTransaction(tx -> {
            try {
                Fixtures.user(db, "anna"); // refused: the name is taken
            } catch (ConflictException expected) {
                // caught, but the transaction is poisoned: the next statement, direct or not, is refused
            }
            QUOTIENT.fetch(tx.dsl(), r -> r.value1(), 1);
        })).isInstanceOf(TransactionAbortedException.class);
    }

    @DatabaseTest
    void aContextWithExecuteListenersOfItsOwnTakesJooqsPathSoTheyStillSeeEveryStatement(Database db) {
        long anna = Fixtures.user(db, "anna");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var configuration = db.dsl().configuration().derive();
        var providers = new java.util.ArrayList<>(List.of(configuration.executeListenerProviders()));
        providers.add(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                seen.add(ctx.sql());
            }
        }));
        var dsl = DSL.using(configuration.set(providers.toArray(org.jooq.ExecuteListenerProvider[]::new)));
        assertThat(Statements.count(db, () -> USERS.fetch(dsl, r -> r.value2(), anna, "an", 10)).statements()).isEqualTo(1);
        assertThat(seen).hasSize(1);
    }

    @DatabaseTest
    void wrongValuesAreRefusedBeforeAnythingIsSent(Database db) {
        assertThatThrownBy(() -> USERS.bind(db.dsl(), 1L, "an")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 values");
        assertThatThrownBy(() -> USERS.bind(db.dsl(), "1", "an", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter first takes java.lang.Long");
    }

    @DatabaseTest
    void aDeclaredParameterTheShapeDoesNotUseIsAProgrammingError(Database db) {
        Param<Long> unused = DSL.param("unused", SQLDataType.BIGINT);
        var read = PreparedRead.of(select(USER.ID).from(USER), unused);
        assertThatThrownBy(() -> read.bind(db.dsl(), 1L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unused");
        assertThatThrownBy(() -> PreparedRead.of(select(USER.ID).from(USER), DSL.param("a b", SQLDataType.BIGINT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
