package lu.entreprinder.persistence.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.ReplicaStats;
import lu.entreprinder.persistence.testing.TestReplicaCluster;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Write-then-read pairs under replay lag (replay on the replica paused and resumed every few milliseconds by a
 * background thread): with LSN routing no read misses its caller's write; the negative control, the same pairs with
 * every read sent to the replica (no LSN check), misses some. Size: {@code -Dreplica.pairs} (default 10,000);
 * prints the figures. PostgreSQL only (replicas).
 */
class ReadYourWritesUnderLagIT {

    static final Table<?> RW = table("rw");
    static final Field<Integer> CALLER = field("caller", Integer.class);
    static final Field<Integer> SEQ = field("seq", Integer.class);
    static final int CALLERS = 50;
    /** A caller reads this many pairs after its write (a later page view), so a caught-up replica can serve it. */
    static final int READ_DELAY = 25;

    static TestReplicaCluster cluster;
    static Database routed;
    static Database replicaOnly;

    @BeforeAll
    static void start() {
        cluster = ReplicaClusters.startOrExplain();
        if (cluster == null) {
            return;
        }
        cluster.createDatabase("lag");
        TestReplicaCluster.execute(cluster.primaryUrl("lag"),
                "create table rw (caller int not null, seq int not null, primary key (caller, seq))");
        cluster.waitForReplay();
        routed = Database.open(DatabaseConfig.builder(cluster.primaryUrl("lag")).replica(cluster.replicaUrl("lag"))
                .poolName("lag-routed").build());
        replicaOnly = Database.open(DatabaseConfig.builder(cluster.replicaUrl("lag")).poolName("lag-naive").build());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {routed, replicaOnly, cluster}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("close failed: " + e);
            }
        }
    }

    @BeforeEach
    void requireBinaries() {
        ReplicaClusters.requireCluster();
    }

    @Test
    void noReadMissesItsCallersWriteWithLsnRoutingAndSomeDoWithout() throws Exception {
        int pairs = Integer.getInteger("replica.pairs", 10_000);
        ReplicaStats before = routed.replicaStats();
        long started = System.nanoTime();
        int violations = run(pairs, true, 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        ReplicaStats stats = routed.replicaStats();
        long replicaReads = stats.replicaReads() - before.replicaReads();
        long reads = replicaReads + (stats.waitedForReplay() - before.waitedForReplay())
                + (stats.replicaLagging() - before.replicaLagging()) + (stats.replicaDown() - before.replicaDown());
        System.out.printf("read-your-writes with LSN routing: %d pairs, %d violations, %d of %d reads served by the"
                + " replica (%.1f %%), %d position queries, %.1f s; %s%n", pairs, violations, replicaReads, reads,
                100.0 * replicaReads / Math.max(1, reads), stats.positionQueries() - before.positionQueries(), seconds, stats);

        int controlPairs = Math.max(1, pairs / 2);
        int controlViolations = run(controlPairs, false, 100_000_000);
        System.out.printf("negative control, every read on the replica without the LSN check: %d pairs, %d violations%n",
                controlPairs, controlViolations);

        assertThat(violations).isZero();
        assertThat(controlViolations).as("the lag is real: without LSN routing reads miss writes").isPositive();
        assertThat(replicaReads).as("the replica serves reads once it has replayed").isPositive();
    }

    /** Runs the pairs; returns how many reads did not see their caller's last write. */
    private static int run(int pairs, boolean lsnRouting, int seqBase) throws Exception {
        AtomicBoolean lagging = new AtomicBoolean(true);
        Thread lag = new Thread(() -> makeLag(lagging), "replay-lag");
        lag.start();
        int[] last = new int[CALLERS];
        Arrays.fill(last, -1);
        int violations = 0;
        int done = 0;
        try {
            for (int step = 0; done < pairs && step < pairs * 2 + READ_DELAY; step++) {
                int writer = step % CALLERS;
                int seq = seqBase + step;
                routed.readYourWrites(writer, () -> routed.dsl().insertInto(RW).set(CALLER, writer).set(SEQ, seq).execute());
                last[writer] = seq;
                int reader = Math.floorMod(step - READ_DELAY, CALLERS);
                if (last[reader] < 0) {
                    continue;
                }
                Integer seen = lsnRouting
                        ? routed.readYourWrites(reader, () -> latest(routed, reader))
                        : latest(replicaOnly, reader);
                if (seen == null || seen < last[reader]) {
                    violations++;
                }
                done++;
            }
        } finally {
            lagging.set(false);
            lag.join(10_000);
            cluster.resumeReplay();
        }
        return violations;
    }

    private static Integer latest(Database db, int caller) {
        return db.dsl().select(max(SEQ)).from(RW).where(CALLER.eq(caller)).fetchOne(0, Integer.class);
    }

    /** Pauses replay for 12 ms, resumes it for 8 ms, until told to stop. */
    private static void makeLag(AtomicBoolean running) {
        try (Connection c = DriverManager.getConnection(cluster.replicaUrl("postgres"));
             Statement s = c.createStatement()) {
            while (running.get()) {
                s.execute("select pg_wal_replay_pause()");
                Thread.sleep(12);
                s.execute("select pg_wal_replay_resume()");
                Thread.sleep(8);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the lag thread failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
