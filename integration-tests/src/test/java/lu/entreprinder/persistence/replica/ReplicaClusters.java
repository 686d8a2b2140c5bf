package lu.entreprinder.persistence.replica;

import lu.entreprinder.persistence.testing.TestReplicaCluster;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the {@link TestReplicaCluster} for the read-replica tests, or explains why it could not: without server
 * binaries the tests are aborted (reported as not run, with the reason), or fail when
 * {@code -Dreplica.tests.requireBinaries=true} (CI).
 */
final class ReplicaClusters {

    private ReplicaClusters() {
    }

    /**
     * Starts the cluster, or returns null when the binaries are missing and not required: {@link #requireCluster}
     * then aborts every test of the calling class with the reason, so each is reported as skipped ("not run: …").
     *
     * @throws TestReplicaCluster.MissingBinariesException without binaries when CI requires them
     */
    static TestReplicaCluster startOrExplain() {
        try {
            return TestReplicaCluster.start();
        } catch (TestReplicaCluster.MissingBinariesException e) {
            if (Boolean.getBoolean(TestReplicaCluster.REQUIRE_PROPERTY)) {
                throw e;
            }
            missing = e.getMessage();
            System.err.println("READ-REPLICA TESTS NOT RUN: " + missing);
            return null;
        }
    }

    private static volatile String missing;

    /** Aborts the calling test, with the reason, when the cluster could not start for want of binaries. */
    static void requireCluster() {
        if (missing != null) {
            Assumptions.abort("not run: " + missing);
        }
    }
}
