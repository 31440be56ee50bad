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
 * <p>Records before the damage have been replayed by the time the exception is thrown; the
 * caller discards what it built from them.
 */
public final class LogRecovery {

    private static final System.Logger LOG = System.getLogger(LogRecovery.class.getName());

    private LogRecovery() {
    }

    public static RecoveredLog replay(SegmentDirectory directory, RecordConsumer consumer) throws IOException {
        List<SegmentFile> segments = directory.list();
        if (segments.isEmpty()) {
            return RecoveredLog.empty();
        }
        SegmentFile first = segments.getFirst();
        if (first.firstLsn() < 1) {
            throw new WalCorruptedException(first.path(), 0, "LSNs start at 1, the segment name says " + first.firstLsn());
        }
        long nextLsn = first.firstLsn();
        long tailEnd = 0;
        for (int i = 0; i < segments.size(); i++) {
            SegmentFile segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.firstLsn() != nextLsn) {
                throw new WalCorruptedException(segment.path(), 0, "the file name says the segment starts at LSN "
                        + segment.firstLsn() + " but the log before it ends at LSN " + (nextLsn - 1)
                        + ": records are missing");
            }
            SegmentScan scan = SegmentScanner.scan(segment, nextLsn, consumer);
            if (scan.damaged()) {
                rejectUnlessTornTail(segment, scan, last);
                cutTornTail(segment, scan.validEnd());
            }
            nextLsn = scan.nextLsn();
            tailEnd = scan.validEnd();
        }
        return new RecoveredLog(nextLsn - 1, segments.getLast(), tailEnd);
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
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.WRITE)) {
            long dropped = channel.size() - validEnd;
            channel.truncate(validEnd);
            channel.force(true);
            // Concatenated, not a MessageFormat pattern, which would print offsets as "1,234".
            LOG.log(System.Logger.Level.WARNING, "WAL torn tail: truncated " + segment.path()
                    + " at byte offset " + validEnd + " (" + dropped + " bytes of an unacknowledged write dropped)");
        }
    }
}
