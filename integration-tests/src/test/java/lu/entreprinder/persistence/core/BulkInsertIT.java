package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.internal.BulkLoader;
import lu.entreprinder.persistence.core.internal.ErrorTranslator;
import lu.entreprinder.persistence.core.internal.StatementCounting;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.schema.generated.tables.records.UserRecord;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.ContextBoundText;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;

/** Django's bulk_create: all rows or none, a bad row named, one COPY on PostgreSQL, 500-row INSERTs on SQLite. */
class BulkInsertIT {

    private static List<UserRecord> users(Database db, String prefix, int n) {
        List<UserRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UserRecord r = db.dsl().newRecord(USER);
            r.setUsername(prefix + i);
            r.setEmail(prefix + i + "@import.example.lu");
            r.setPassword("pbkdf2$x\tand\\a tab");
            r.setFirstName(i % 7 == 0 ? "Zoë\nnew line" : "Anna");
            r.setLastName("");
            r.setIsSuperuser(false);
            r.setIsStaff(false);
            r.setIsActive(i % 2 == 0);
            r.setDateJoined(db.now());
            rows.add(r);
        }
        return rows;
    }

    @DatabaseTest
    void allRowsLoadInOneStatementOnPostgresAndInChunksOnSqliteWithTheirValuesIntact(Database db, Backend backend) {
        List<UserRecord> rows = users(db, "u", 1_200);
        try (StatementCount count = db.countStatements()) {
            assertThat(db.bulkInsert(USER, rows)).isEqualTo(1_200);
            assertThat(count.value()).isEqualTo(backend == Backend.POSTGRESQL ? 1 : 3);
        }
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(1_200);
        UserRecord seventh = db.dsl().selectFrom(USER).where(USER.USERNAME.eq("u7")).fetchOne();
        assertThat(seventh.getFirstName()).isEqualTo("Zoë\nnew line");
        assertThat(seventh.getPassword()).isEqualTo("pbkdf2$x\tand\\a tab");
        assertThat(seventh.getIsActive()).isFalse();
        assertThat(seventh.getDateJoined()).isEqualTo(db.now());
        assertThat(seventh.getId()).as("numbered by the database").isPositive();
    }

    @DatabaseTest
    void aRowThatJavaCanTellIsBadIsNamedAndNothingIsSent(Database db) {
        List<UserRecord> rows = users(db, "u", 20);
        rows.get(7).setUsername(null);
        assertThatThrownBy(() -> db.bulkInsert(USER, rows)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rows[7].username"));
        rows.get(7).setUsername("x".repeat(151));
        assertThatThrownBy(() -> db.bulkInsert(USER, rows)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rows[7].username"));
        List<UserRecord> mixed = users(db, "m", 3);
        mixed.get(2).changed(USER.LAST_NAME, false);
        assertThatThrownBy(() -> db.bulkInsert(USER, mixed)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rows[2].last_name"));
        assertThat(db.dsl().fetchCount(USER)).isZero();
    }

    @DatabaseTest
    void aRowTheDatabaseRefusesIsNamedAndNothingIsLoaded(Database db) {
        List<UserRecord> rows = users(db, "u", 700);
        rows.get(600).setUsername("u10");
        assertThatThrownBy(() -> db.bulkInsert(USER, rows)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.constraint()).isEqualTo("auth_user_username_key");
            assertThat(e.getMessage()).startsWith("rows[600] of the bulk insert into auth_user");
        });
        assertThat(db.dsl().fetchCount(USER)).isZero();
        assertThat(db.activeConnections()).isZero();
    }

    @DatabaseTest
    void insideTheCallersTransactionARefusedBulkRollsBackAloneAndTheCallerGoesOn(Database db) {
        List<UserRecord> rows = users(db, "u", 5);
        rows.get(3).setUsername("anna");
        db.useTransaction(tx -> {
            Fixtures.user(db, "anna");
            assertThatThrownBy(() -> db.bulkInsert(USER, rows)).isInstanceOf(ConflictException.class);
            assertThat(db.bulkInsert(USER, users(db, "v", 4))).isEqualTo(4);
        });
        assertThat(db.dsl().fetchCount(USER)).isEqualTo(5);
    }

    @DatabaseTest
    void aRefusedRowFarIntoTheLoadIsNamedByItsIndexAcrossManyChunks(Database db) {
        List<UserRecord> rows = users(db, "u", 5_000);
        rows.get(4_321).setEmail("U10@import.example.lu"); // the e-mail's compared form is case-insensitive
        rows.get(4_321).setUsername("u10");
        assertThatThrownBy(() -> db.bulkInsert(USER, rows)).isInstanceOfSatisfying(ConflictException.class, e ->
                assertThat(e.getMessage()).startsWith("rows[4321] of the bulk insert into auth_user"));
        assertThat(db.dsl().fetchCount(USER)).isZero();
        assertThat(db.activeConnections()).isZero();
    }

    @DatabaseTest
    void aBadRowAfterManyGoodOnesIsNamedWithItsFieldAndNothingIsLoaded(Database db) {
        List<UserRecord> rows = users(db, "u", 3_000);
        rows.get(2_999).setEmail(null);
        assertThatThrownBy(() -> db.bulkInsert(USER, rows)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rows[2999].email"));
        assertThat(db.dsl().fetchCount(USER)).isZero();
        assertThat(db.activeConnections()).isZero();
    }

    @DatabaseTest
    void valuesReadBackAsTheTypedInsertWritesThem(Database db) {
        OffsetDateTime[] times = {
                OffsetDateTime.of(2026, 3, 29, 1, 59, 59, 999_999_999, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_789, ZoneOffset.UTC),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 1_000, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(2026, 12, 4, 8, 0, 0, 0, ZoneOffset.UTC)};
        String[] names = {"Zoë", "Łukasz \\ \t", "名前", "emoji \uD83C\uDF77 wine"};
        List<UserRecord> bulk = users(db, "b", 600); // on SQLite a full, prepared 500-row chunk and an insert
        bulk.forEach(r -> r.setLastLogin(null));
        for (int i = 0; i < times.length; i++) {
            bulk.get(i).setDateJoined(times[i]);
            bulk.get(i).setLastLogin(i % 2 == 0 ? times[i] : null);
            bulk.get(i).setFirstName(names[i]);
        }
        db.bulkInsert(USER, bulk);
        for (int i = 0; i < times.length; i++) {
            UserRecord typed = users(db, "t", times.length).get(i);
            typed.setDateJoined(times[i]);
            typed.setLastLogin(i % 2 == 0 ? times[i] : null);
            typed.setFirstName(names[i]);
            db.dsl().executeInsert(typed);
        }
        for (int i = 0; i < times.length; i++) {
            UserRecord b = db.dsl().selectFrom(USER).where(USER.USERNAME.eq("b" + i)).fetchOne();
            UserRecord t = db.dsl().selectFrom(USER).where(USER.USERNAME.eq("t" + i)).fetchOne();
            assertThat(b.getDateJoined()).as("date_joined of row " + i).isEqualTo(t.getDateJoined())
                    .isEqualTo(times[i].withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            assertThat(b.getLastLogin()).isEqualTo(t.getLastLogin());
            assertThat(b.getFirstName()).isEqualTo(names[i]).isEqualTo(t.getFirstName());
        }
    }

    /**
     * SQLite binds the values of a full chunk itself, through each field's binding; a binding that needs jOOQ's
     * execute context (here: it refuses to bind without one) makes that chunk jOOQ's own insert, with nothing sent
     * twice, and every row loads.
     */
    @DatabaseTest(Backend.SQLITE)
    void aBindingThatNeedsJooqsExecuteContextStillLoadsEveryRowOnce(Database db) {
        db.dsl().execute("CREATE TABLE bulk_note (id INTEGER PRIMARY KEY AUTOINCREMENT, body VARCHAR(100) NOT NULL)");
        List<BulkNoteRecord> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // a full 500-row chunk, then a shorter one
            BulkNoteRecord row = db.dsl().newRecord(BulkNote.BULK_NOTE);
            row.set(BulkNote.BULK_NOTE.BODY, "note " + i);
            rows.add(row);
        }
        int before = BulkNote.BINDING.bound.get();
        try (StatementCount count = db.countStatements()) {
            assertThat(db.bulkInsert(BulkNote.BULK_NOTE, rows)).isEqualTo(600);
            assertThat(count.value()).isEqualTo(2);
        }
        assertThat(BulkNote.BINDING.bound.get() - before).as("values bound with an execute context").isEqualTo(600);
        assertThat(db.dsl().fetchCount(BulkNote.BULK_NOTE)).isEqualTo(600);
        assertThat(db.dsl().fetchValue("select body from bulk_note where id = (select max(id) from bulk_note)"))
                .isEqualTo("note 599");
    }

    /** A table of the test's own, whose text column binds through {@link ContextBoundText}. */
    static final class BulkNote extends org.jooq.impl.TableImpl<BulkNoteRecord> {
        private static final long serialVersionUID = 1L;
        static final ContextBoundText BINDING = new ContextBoundText();
        static final BulkNote BULK_NOTE = new BulkNote();

        final org.jooq.TableField<BulkNoteRecord, Long> ID = createField(org.jooq.impl.DSL.name("id"),
                org.jooq.impl.SQLDataType.BIGINT.nullable(false).identity(true), this, "");
        final org.jooq.TableField<BulkNoteRecord, String> BODY = createField(org.jooq.impl.DSL.name("body"),
                org.jooq.impl.SQLDataType.VARCHAR(100).nullable(false).asConvertedDataType(BINDING),
                this, "");

        private BulkNote() {
            super(org.jooq.impl.DSL.name("bulk_note"));
        }

        @Override
        public Class<BulkNoteRecord> getRecordType() {
            return BulkNoteRecord.class;
        }

        @Override
        public org.jooq.Identity<BulkNoteRecord, Long> getIdentity() {
            return org.jooq.impl.Internal.createIdentity(this, ID);
        }
    }

    /** A row of {@link BulkNote}. */
    public static final class BulkNoteRecord extends org.jooq.impl.TableRecordImpl<BulkNoteRecord> {
        private static final long serialVersionUID = 1L;

        public BulkNoteRecord() {
            super(BulkNote.BULK_NOTE);
        }
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void copysTextFormatWritesWhatItsBinaryFormatWritesAndNamesARefusedRow(Database db) throws Exception {
        List<UserRecord> rows = users(db, "x", 3_000);
        rows.forEach(r -> r.setLastLogin(null));
        rows.get(5).setFirstName("Łukasz \\ \t \r \uD83C\uDF77 名前");
        rows.get(6).setDateJoined(OffsetDateTime.of(1969, 7, 20, 20, 17, 40, 999_999_999, ZoneOffset.ofHoursMinutes(5, 45)));
        rows.get(7).setLastLogin(OffsetDateTime.of(2026, 3, 29, 1, 59, 59, 1_500, ZoneOffset.ofHours(-3)));
        BulkLoader loader = new BulkLoader(new ErrorTranslator(db.dialect(), DefaultSchema.DEFAULT_SCHEMA),
                new StatementCounting());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            loader.copy(c, USER, BulkLoader.columns(USER, rows), rows, false);
            c.commit();
            c.setAutoCommit(true);
        }
        List<UserRecord> binary = users(db, "y", 3_000);
        for (int i = 0; i < rows.size(); i++) {
            binary.get(i).setFirstName(rows.get(i).getFirstName());
            binary.get(i).setDateJoined(rows.get(i).getDateJoined());
            binary.get(i).setLastLogin(rows.get(i).getLastLogin());
        }
        db.bulkInsert(USER, binary);
        var text = db.dsl().select(USER.FIRST_NAME, USER.LAST_NAME, USER.PASSWORD, USER.IS_ACTIVE, USER.LAST_LOGIN,
                USER.DATE_JOINED).from(USER).where(USER.USERNAME.startsWith("x")).orderBy(USER.ID).fetch();
        var bin = db.dsl().select(USER.FIRST_NAME, USER.LAST_NAME, USER.PASSWORD, USER.IS_ACTIVE, USER.LAST_LOGIN,
                USER.DATE_JOINED).from(USER).where(USER.USERNAME.startsWith("y")).orderBy(USER.ID).fetch();
        assertThat(text).hasSize(3_000).isEqualTo(bin);
        assertThat(text.get(6).value6()).isEqualTo(OffsetDateTime.parse("1969-07-20T14:32:40.999999Z"));

        List<UserRecord> refused = users(db, "z", 2_000);
        refused.get(1_234).setUsername("x17");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> loader.copy(c, USER, BulkLoader.columns(USER, refused), refused, false))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage())
                            .startsWith("rows[1234] of the bulk insert into auth_user"));
            c.rollback();
            c.setAutoCommit(true);
        }
        assertThat(db.dsl().fetchCount(USER, USER.USERNAME.startsWith("z"))).isZero();
    }
}
