package dev.amelie.wal.recovery;

import dev.amelie.wal.RecordConsumer;
import dev.amelie.wal.WalCorruptedException;
import dev.amelie.wal.segment.SegmentDirectory;
import dev.amelie.wal.segment.SegmentFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Replays the log at open and decides what damage means.
 *
 * <p>Only one kind of damage is expected after a crash: a torn tail, the last group's write cut
 * short at the end of the last segment. Nothing in it was acknowledged (acknowledgement follows
 * the fsync), so it is cut off. The writer fsyncs a segment before it starts the next one, so
 * damage in an earlier segment, damage followed by a valid record, or a gap in the LSNs is not
 * a crash's doing; dropping the rest of the log would lose committed transactions, so recovery
 * refuses with {@link WalCorruptedException} instead.
 *
 * <p>A snapshot may hold the start of the log: every record up to its LSN ({@code
 * startAfterLsn}). Those records are still read and checksummed, since damage there is damage
 * all the same, but not replayed, and segments holding only them may be gone
 * ({@link SegmentDirectory#removeThrough}). So the log may start anywhere from LSN 1 to
 * {@code startAfterLsn + 1}, and a gap between segments is fine as long as the snapshot covers
 * it; only a record missing after the snapshot is lost data.
 *
 * <p>Records before the damage have been replayed by the time the exception is thrown; the
 * caller discards what it built from them.
 */
public final class LogRecovery {

    private static final System.Logger LOG = System.getLogger(LogRecovery.class.getName());

    private LogRecovery() {
    }

    /**
     * Replays the records after {@code startAfterLsn} to {@code consumer} and cuts a torn tail.
     *
     * @param startAfterLsn the LSN up to which a snapshot holds the log, 0 without one
     */
    public static RecoveredLog replay(SegmentDirectory directory, long startAfterLsn, RecordConsumer consumer)
            throws IOException {
        if (startAfterLsn < 0) {
            throw new IllegalArgumentException("startAfterLsn must not be negative, was " + startAfterLsn);
        }
        List<SegmentFile> segments = directory.list();
        if (segments.isEmpty()) {
            return RecoveredLog.withoutTail(startAfterLsn);
        }
        SegmentFile first = segments.getFirst();
        if (first.firstLsn() < 1) {
            throw new WalCorruptedException(first.path(), 0, "LSNs start at 1, the segment name says " + first.firstLsn());
        }
        if (first.firstLsn() - 1 > startAfterLsn) {
            throw new WalCorruptedException(first.path(), 0, "the log starts at LSN " + first.firstLsn()
                    + ", so records " + (startAfterLsn + 1) + " to " + (first.firstLsn() - 1) + " are missing: "
                    + (startAfterLsn == 0 ? "there is no snapshot" : "the snapshot ends at LSN " + startAfterLsn));
        }
        RecordConsumer afterSnapshot = (lsn, payload) -> {
            if (lsn > startAfterLsn) {
                consumer.accept(lsn, payload);
            }
        };
        long nextLsn = first.firstLsn();
        long tailEnd = 0;
        for (int i = 0; i < segments.size(); i++) {
            SegmentFile segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.firstLsn() != nextLsn && !snapshotCoversGap(nextLsn, segment.firstLsn(), startAfterLsn)) {
                throw new WalCorruptedException(segment.path(), 0, "the file name says the segment starts at LSN "
                        + segment.firstLsn() + " but the log before it ends at LSN " + (nextLsn - 1)
                        + ": records are missing");
            }
            SegmentScan scan = SegmentScanner.scan(segment, segment.firstLsn(), afterSnapshot);
            if (scan.damaged()) {
                rejectUnlessTornTail(segment, scan, last);
                cutTornTail(segment, scan.validEnd());
            }
            nextLsn = scan.nextLsn();
            tailEnd = scan.validEnd();
        }
        if (nextLsn - 1 < startAfterLsn) {
            // Appending to the last segment would put a gap inside it, which recovery rightly
            // treats as lost records; a new segment named after the next LSN keeps segments whole.
            LOG.log(System.Logger.Level.INFO, "WAL ends at LSN " + (nextLsn - 1) + ", before the snapshot at LSN "
                    + startAfterLsn + ": new records start a new segment at LSN " + (startAfterLsn + 1));
            return RecoveredLog.withoutTail(startAfterLsn);
        }
        return new RecoveredLog(nextLsn - 1, segments.getLast(), tailEnd);
    }

    /**
     * A segment may start after the previous one ended only where the snapshot holds the missing
     * records: after a log that ended before the snapshot, the writer starts a new segment at the
     * snapshot's LSN + 1. A segment starting before the previous one ended overlaps it: corruption.
     */
    private static boolean snapshotCoversGap(long expectedLsn, long segmentFirstLsn, long startAfterLsn) {
        return segmentFirstLsn > expectedLsn && segmentFirstLsn - 1 <= startAfterLsn;
    }

    private static void rejectUnlessTornTail(SegmentFile segment, SegmentScan scan, boolean last)
            throws WalCorruptedException {
        String found = scan.damage().describe() + " (LSN " + scan.nextLsn() + " expected)";
        if (!last) {
            throw new WalCorruptedException(segment.path(), scan.validEnd(),
                    found + " in a segment that is not the last one");
        }
        if (scan.hasSurvivor()) {
            throw new WalCorruptedException(segment.path(), scan.validEnd(),
                    found + " followed by a valid record at byte offset " + scan.survivorOffset()
                            + ", so this is not a torn tail");
        }
    }

    private static void cutTornTail(SegmentFile segment, long validEnd) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long dropped = channel.size() - validEnd;
            boolean zeros = onlyZeros(channel, validEnd);
            channel.truncate(validEnd);
            channel.force(true);
            // Concatenated, not a MessageFormat pattern, which would print offsets as "1,234".
            if (zeros) {
                // A segment made from a spare (SpareSegment): the space after the last record.
                LOG.log(System.Logger.Level.INFO, "WAL: cut " + segment.path() + " at byte offset " + validEnd
                        + ", its last record (" + dropped + " bytes of preallocated zeros after it)");
            } else {
                LOG.log(System.Logger.Level.WARNING, "WAL torn tail: truncated " + segment.path()
                        + " at byte offset " + validEnd + " (" + dropped + " bytes of an unacknowledged write dropped)");
            }
        }
    }

    private static boolean onlyZeros(FileChannel channel, long from) throws IOException {
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(1 << 20);
        long position = from;
        while (true) {
            chunk.clear();
            int read = channel.read(chunk, position);
            if (read < 0) {
                return true;
            }
            for (int i = 0; i < read; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            position += read;
        }
    }
}
