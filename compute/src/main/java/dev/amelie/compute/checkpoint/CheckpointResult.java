package dev.amelie.compute.checkpoint;

/**
 * What one checkpoint did.
 *
 * @param lsn the snapshot holds every WAL record up to this one
 * @param rows rows written
 * @param bytes bytes of snapshot files written (0 when nothing changed since the last one)
 * @param pauseMicros how long the compute nodes were held, freeze and thaw together, each counted
 *     from when the last node arrived (a node that arrives first waits for the others, as for
 *     any transaction on every node)
 * @param millis the whole checkpoint
 * @param segmentsRemoved WAL segment files deleted because the snapshot made them unneeded
 * @param skipped no WAL record since the newest snapshot: nothing was written
 */
public record CheckpointResult(long lsn, long rows, long bytes, long pauseMicros, long millis, int segmentsRemoved,
                               boolean skipped) {

    /** One log line, key=value, as the structured log lines of the server. */
    public String describe() {
        if (skipped) {
            return "checkpoint skipped: nothing written since the snapshot at lsn=" + lsn;
        }
        return "checkpoint complete: lsn=" + lsn + " rows=" + rows + " bytes=" + bytes + " pause_us=" + pauseMicros
                + " ms=" + millis + " wal_segments_removed=" + segmentsRemoved;
    }
}
