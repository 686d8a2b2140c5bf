package lu.entreprinder.persistence.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.PreparedRead;
import lu.entreprinder.persistence.core.ReplicaStats;
import lu.entreprinder.persistence.testing.TestReplicaCluster;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Read replicas on a real streaming replica ({@link TestReplicaCluster}): read-your-writes by WAL position, locking
 * reads and transactions on the primary, a lagging or stopped replica skipped without an error. PostgreSQL only:
 * SQLite has no replicas. Without server binaries the class is aborted (reported as not run, with the reason), or
 * fails when {@code -Dreplica.tests.requireBinaries=true} (CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaRoutingIT {

    static final Table<?> NOTE = table("note");
    static final Field<Integer> ID = field("id", Integer.class);
    static final Field<String> TEXT = field("text", String.class);

    static TestReplicaCluster cluster;
    static Database db;

    @BeforeAll
    static void startCluster() {
        cluster = ReplicaClusters.startOrExplain();
        if (cluster == null) {
            return;
        }
        cluster.createDatabase("app");
        TestReplicaCluster.execute(cluster.primaryUrl("app"),
                "create table note (id int primary key, text text not null)");
        db = Database.open(DatabaseConfig.builder(cluster.primaryUrl("app")).replica(cluster.replicaUrl("app"))
                .poolName("replica-test").build());
        cluster.waitForReplay();
    }

    @BeforeEach
    void requireBinaries() {
        ReplicaClusters.requireCluster();
    }

    @AfterAll
    static void stopCluster() {
        if (db != null) {
            db.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static String text(int id) {
        return db.dsl().select(TEXT).from(NOTE).where(ID.eq(id)).fetchOptional(TEXT).orElse("<none>");
    }

    @Test
    @Order(1)
    void withReplayPausedTheWriterReadsItsWriteFromThePrimaryAndOthersAreServedByTheStaleReplica() {
        db.useTransaction(tx -> tx.dsl().insertInto(NOTE).set(ID, 1).set(TEXT, "old").execute());
        cluster.waitForReplay();
        cluster.pauseReplay();
        try {
            db.readYourWrites("anna", () -> db.inTransaction(tx ->
                    tx.dsl().update(NOTE).set(TEXT, "new").where(ID.eq(1)).execute()));
            ReplicaStats before = db.replicaStats();
            assertThat(db.readYourWrites("anna", () -> text(1))).isEqualTo("new");
            ReplicaStats afterWriter = db.replicaStats();
            assertThat(afterWriter.waitedForReplay()).isEqualTo(before.waitedForReplay() + 1);
            // Another caller is served by the replica, which proves it by answering with the data of before.
            assertThat(db.readYourWrites("bob", () -> text(1))).isEqualTo("old");
            assertThat(db.replicaStats().replicaReads()).isEqualTo(afterWriter.replicaReads() + 1);
            // A read that must see the latest data of anyone says so.
            assertThat(db.readYourWrites("bob", () -> db.onPrimary(() -> text(1)))).isEqualTo("new");
        } finally {
            cluster.resumeReplay();
        }
        cluster.waitForReplay();
        long replicaReads = db.replicaStats().replicaReads();
        String seen = "";
        for (int i = 0; i < 100 && db.replicaStats().replicaReads() == replicaReads; i++) {
            seen = db.readYourWrites("anna", () -> text(1));
            assertThat(seen).isEqualTo("new");
            sleep(20);
        }
        assertThat(db.replicaStats().replicaReads()).as("the replica serves the writer again once it replayed")
                .isGreaterThan(replicaReads);
    }

    @Test
    @Order(2)
    void withoutAKeyTheThreadIsTheCallerAndAnAutoCommitWriteCounts() {
        cluster.pauseReplay();
        try {
            db.dsl().insertInto(NOTE).set(ID, 2).set(TEXT, "auto").execute();
            assertThat(text(2)).isEqualTo("auto");
            String[] otherThread = new String[1];
            Thread t = new Thread(() -> otherThread[0] = text(2));
            t.start();
            join(t);
            assertThat(otherThread[0]).isEqualTo("<none>");
        } finally {
            cluster.resumeReplay();
        }
    }

    private static final org.jooq.Param<Integer> NOTE_ID = org.jooq.impl.DSL.param("id", Integer.class);
    private static final PreparedRead<org.jooq.Record1<String>> NOTE_TEXT = PreparedRead.of(
            org.jooq.impl.DSL.select(TEXT).from(NOTE).where(ID.eq(NOTE_ID)), NOTE_ID);
    private static final PreparedRead<org.jooq.Record1<String>> NOTE_TEXT_LOCKED = PreparedRead.of(
            org.jooq.impl.DSL.select(TEXT).from(NOTE).where(ID.eq(NOTE_ID)).forUpdate(), NOTE_ID);

    @Test
    @Order(3)
    void aPreparedReadIsRoutedLikeTheQueryItWasBuiltFrom() {
        // This thread wrote in the previous test: its read goes to the replica only once the router has asked the
        // replica again, after its cached, older position has aged out.
        replayedAndAskedAgain();
        ReplicaStats before = db.replicaStats();
        assertThat(NOTE_TEXT.bind(db.dsl(), 1).fetchOne(TEXT)).isEqualTo("new");
        ReplicaStats after = db.replicaStats();
        assertThat(after.replicaReads()).as("served by the replica").isEqualTo(before.replicaReads() + 1);
        assertThat(after.commitPositionsCaptured()).as("a read is not a write: no WAL position query")
                .isEqualTo(before.commitPositionsCaptured());
        // a locking read goes to the primary (a hot standby refuses FOR UPDATE)
        assertThat(NOTE_TEXT_LOCKED.bind(db.dsl(), 1).fetchOne(TEXT)).isEqualTo("new");
        assertThat(db.replicaStats().primaryReads()).isEqualTo(after.primaryReads() + 1);
        assertThat(db.replicaStats().replicaReads()).isEqualTo(after.replicaReads());
        // the same through fetch, which sends the rendered text straight to the driver
        ReplicaStats beforeDirect = db.replicaStats();
        assertThat(NOTE_TEXT.fetchOptional(db.dsl(), r -> r.value1(), 1)).contains("new");
        assertThat(NOTE_TEXT_LOCKED.fetch(db.dsl(), r -> r.value1(), 1)).containsExactly("new");
        ReplicaStats afterDirect = db.replicaStats();
        assertThat(afterDirect.replicaReads()).isEqualTo(beforeDirect.replicaReads() + 1);
        assertThat(afterDirect.primaryReads()).isEqualTo(beforeDirect.primaryReads() + 1);
        assertThat(afterDirect.commitPositionsCaptured()).isEqualTo(beforeDirect.commitPositionsCaptured());
        // a data-modifying shape on the direct path is a write: the primary, its commit position recorded, and the
        // writer's next read sees it although the replica has not replayed it
        db.dsl().insertInto(NOTE).set(ID, 30).set(TEXT, "thirty").execute();
        cluster.waitForReplay();
        cluster.pauseReplay();
        try {
            ReplicaStats beforeWrite = db.replicaStats();
            assertThat(NOTE_RENAME.fetchOptional(db.dsl(), r -> r.value1(), "renamed", 30)).contains("renamed");
            ReplicaStats afterWrite = db.replicaStats();
            assertThat(afterWrite.commitPositionsCaptured()).isEqualTo(beforeWrite.commitPositionsCaptured() + 1);
            assertThat(afterWrite.replicaReads()).isEqualTo(beforeWrite.replicaReads());
            assertThat(text(30)).isEqualTo("renamed");
        } finally {
            cluster.resumeReplay();
        }
    }

    private static final org.jooq.Param<String> NEW_TEXT = org.jooq.impl.DSL.param("new_text", String.class);
    private static final PreparedRead<org.jooq.Record1<String>> NOTE_RENAME = PreparedRead.of(
            org.jooq.impl.DSL.update(NOTE).set(TEXT, NEW_TEXT).where(ID.eq(NOTE_ID)).returningResult(TEXT),
            NEW_TEXT, NOTE_ID);

    @Test
    @Order(4)
    void lockingReadsAndTransactionsUseThePrimary() {
        long primaryReads = db.replicaStats().primaryReads();
        // A hot standby refuses FOR UPDATE; outside a transaction it still must go to the primary, not fail.
        assertThat(db.dsl().select(TEXT).from(NOTE).where(ID.eq(1)).forUpdate().fetchOne(TEXT)).isEqualTo("new");
        assertThat(db.replicaStats().primaryReads()).isEqualTo(primaryReads + 1);
        long replicaReads = db.replicaStats().replicaReads();
        db.useTransaction(tx -> {
            db.dsl().select(TEXT).from(NOTE).fetch();
            tx.dsl().select(TEXT).from(NOTE).fetch();
        });
        assertThat(db.replicaStats().replicaReads()).isEqualTo(replicaReads);
    }

    @Test
    @Order(5)
    void aReplicaTooFarBehindIsSkipped() {
        try (Database strict = Database.open(DatabaseConfig.builder(cluster.primaryUrl("app"))
                .replica(cluster.replicaUrl("app")).maxReplicaLagBytes(0).poolName("strict").build())) {
            cluster.pauseReplay();
            try {
                strict.dsl().insertInto(NOTE).set(ID, 3).set(TEXT, "lag").execute();
                String seen = new ThreadReader(strict, 3).read();
                assertThat(seen).isEqualTo("lag");
                assertThat(strict.replicaStats().replicaLagging()).isEqualTo(1);
            } finally {
                cluster.resumeReplay();
            }
        }
    }

    @Test
    @Order(6)
    void aReadTheReplicaCancelsForARecoveryConflictIsRunAgainOnThePrimary() throws Exception {
        cluster.waitForReplay();
        ReplicaStats before = db.replicaStats();
        String[] result = new String[1];
        RuntimeException[] failure = new RuntimeException[1];
        // A slow read on the replica holds a lock on note; the primary's ALTER TABLE replays an exclusive lock on it,
        // so after max_standby_streaming_delay (200 ms here) the replica cancels the read (40001).
        Thread reader = new Thread(() -> {
            try {
                result[0] = db.readYourWrites("dora", () -> db.dsl().select(TEXT).from(NOTE)
                        .where(ID.eq(1).and(field("pg_sleep(2)::text", String.class).isNotNull())).fetchOne(TEXT));
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        reader.start();
        for (int i = 0; i < 200 && !replicaRunsSleep(); i++) {
            sleep(10);
        }
        assertThat(replicaRunsSleep()).as("the read runs on the replica").isTrue();
        TestReplicaCluster.execute(cluster.primaryUrl("app"), "alter table note add column extra int");
        join(reader);
        assertThat(failure[0]).isNull();
        assertThat(result[0]).isEqualTo("new");
        assertThat(db.replicaStats().recoveryConflicts()).isEqualTo(before.recoveryConflicts() + 1);
    }

    private static boolean replicaRunsSleep() {
        try (var c = java.sql.DriverManager.getConnection(cluster.replicaUrl("postgres"));
             var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from pg_stat_activity where query like '%pg_sleep(2)%'"
                     + " and state = 'active' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(7)
    void aReplicaGivenAsADataSourceServesOtherCallersReads() {
        org.postgresql.ds.PGSimpleDataSource replica = new org.postgresql.ds.PGSimpleDataSource();
        replica.setUrl(cluster.replicaUrl("app"));
        try (Database viaDataSource = Database.open(DatabaseConfig.builder(cluster.primaryUrl("app")).replica(replica)
                .poolName("replica-data-source").build())) {
            cluster.waitForReplay();
            cluster.pauseReplay();
            try {
                viaDataSource.dsl().update(NOTE).set(TEXT, "data source").where(ID.eq(2)).execute();
                assertThat(viaDataSource.dsl().select(TEXT).from(NOTE).where(ID.eq(2)).fetchOne(TEXT))
                        .isEqualTo("data source");
                assertThat(new ThreadReader(viaDataSource, 2).read()).as("stale: the replica served it").isEqualTo("auto");
                assertThat(viaDataSource.replicaStats().replicaReads()).isEqualTo(1);
            } finally {
                cluster.resumeReplay();
            }
        }
    }

    @Test
    @Order(8)
    void aStoppedReplicaIsSkippedAndReadsContinueOnThePrimary() {
        cluster.waitForReplay();
        assertThat(db.readYourWrites("carla", () -> text(1))).isEqualTo("new");
        cluster.stopReplica();
        ReplicaStats before = db.replicaStats();
        for (int i = 0; i < 50; i++) {
            assertThat(db.readYourWrites("carla", () -> text(1))).isEqualTo("new");
        }
        ReplicaStats after = db.replicaStats();
        assertThat(after.replicaDown()).isGreaterThan(before.replicaDown());
        assertThat(after.replicaReads()).isEqualTo(before.replicaReads());
        System.out.println("replica stopped: " + after);
    }

    /**
     * Waits until the replica has replayed everything and the router's cached replica position is old enough to be
     * asked again: a fresh cached position from before the replay would send this thread's read to the primary.
     */
    static void replayedAndAskedAgain() {
        cluster.waitForReplay();
        sleep(2 * DatabaseConfig.DEFAULT_REPLICA_POSITION_MAX_AGE.toMillis());
    }

    /** A read by a caller that wrote nothing (another thread), through the given database. */
    record ThreadReader(Database database, int id) {
        String read() {
            String[] result = new String[1];
            Thread t = new Thread(() -> result[0] = database.dsl().select(TEXT).from(NOTE).where(ID.eq(id))
                    .fetchOptional(TEXT).orElse("<none>"));
            t.start();
            join(t);
            return result[0];
        }
    }

    static void join(Thread t) {
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
