package lu.entreprinder.persistence.core;

/**
 * Where reads outside transactions went since the database opened (all zero without replicas). Every read that
 * could have used a replica and did not is counted under its reason; none of them is an error for the caller.
 *
 * @param replicaReads              reads a replica served
 * @param primaryReads              reads that were never replica candidates (no replica configured, inside
 *                                  {@link Database#onPrimary}, or a locking read)
 * @param waitedForReplay           reads sent to the primary because no replica had replayed the caller's last commit
 * @param replicaDown               reads sent to the primary because a replica could not be reached (or broke mid-read)
 * @param replicaLagging            reads sent to the primary because every reachable replica trailed the newest
 *                                  commit by more than {@link DatabaseConfig#maxReplicaLagBytes()}
 * @param recoveryConflicts         reads a replica cancelled for a recovery conflict, then run again on the primary
 * @param positionQueries           times a replica was asked for its replay position
 * @param commitPositionsCaptured   commits whose WAL position was captured for read-your-writes
 */
public record ReplicaStats(long replicaReads, long primaryReads, long waitedForReplay, long replicaDown,
                           long replicaLagging, long recoveryConflicts, long positionQueries,
                           long commitPositionsCaptured) {

    /** The share of candidate reads (all but {@link #primaryReads}) that a replica served, 0 when there were none. */
    public double replicaShare() {
        long candidates = replicaReads + waitedForReplay + replicaDown + replicaLagging;
        return candidates == 0 ? 0 : (double) replicaReads / candidates;
    }
}
