package dev.amelie.wal.recovery;

import dev.amelie.wal.segment.SegmentFile;

/**
 * Where the log stands after recovery.
 *
 * @param lastLsn the last record replayed, 0 for an empty log
 * @param tail the last segment, where appends continue, or null if there is none yet
 * @param tailEnd the end of the valid data in {@code tail}
 */
public record RecoveredLog(long lastLsn, SegmentFile tail, long tailEnd) {

    static RecoveredLog empty() {
        return new RecoveredLog(0, null, 0);
    }
}
