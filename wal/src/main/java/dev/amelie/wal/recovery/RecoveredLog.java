package dev.amelie.wal.recovery;

import dev.amelie.wal.segment.SegmentFile;

/**
 * Where the log stands after recovery.
 *
 * @param lastLsn the LSN new records follow: the last record replayed or the snapshot's LSN,
 *     whichever is higher; 0 for an empty log without a snapshot
 * @param tail the segment where appends continue, or null if the next record starts a new one
 *     (there is none yet, or the last one ends before the snapshot and cannot continue without
 *     a gap)
 * @param tailEnd the end of the valid data in {@code tail}
 */
public record RecoveredLog(long lastLsn, SegmentFile tail, long tailEnd) {

    /** Nothing to append to: the next record, {@code lastLsn + 1}, starts a new segment. */
    static RecoveredLog withoutTail(long lastLsn) {
        return new RecoveredLog(lastLsn, null, 0);
    }
}
