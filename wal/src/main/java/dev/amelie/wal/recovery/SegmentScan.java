package dev.amelie.wal.recovery;

import dev.amelie.wal.record.FrameStatus;

/**
 * What reading one segment found.
 *
 * @param validEnd offset just past the last valid record (where a damaged frame starts, if any)
 * @param nextLsn the LSN the next record must have
 * @param damage {@link FrameStatus#VALID} if the segment was whole, else what was wrong at {@code validEnd}
 * @param survivorOffset offset of a valid record found after the damage, or -1: one proves the
 *     damage is not a torn tail
 */
record SegmentScan(long validEnd, long nextLsn, FrameStatus damage, long survivorOffset) {

    static SegmentScan whole(long end, long nextLsn) {
        return new SegmentScan(end, nextLsn, FrameStatus.VALID, -1);
    }

    boolean damaged() {
        return damage != FrameStatus.VALID;
    }

    boolean hasSurvivor() {
        return survivorOffset >= 0;
    }
}
