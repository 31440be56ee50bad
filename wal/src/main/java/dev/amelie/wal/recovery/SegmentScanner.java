package dev.amelie.wal.recovery;

import dev.amelie.wal.RecordConsumer;
import dev.amelie.wal.WalCorruptedException;
import dev.amelie.wal.record.FrameReader;
import dev.amelie.wal.record.FrameStatus;
import dev.amelie.wal.record.RecordFrame;
import dev.amelie.wal.segment.SegmentFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads one segment front to back, handing each valid record to the consumer, and stops at the
 * first frame that is not valid. Whether that is a torn tail or corruption is for
 * {@link LogRecovery} to decide; this class gathers the evidence.
 */
final class SegmentScanner {

    private SegmentScanner() {
    }

    static SegmentScan scan(SegmentFile segment, long expectedLsn, RecordConsumer consumer) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ);
             Arena arena = Arena.ofConfined()) {
            long size = channel.size();
            if (size == 0) {
                return SegmentScan.whole(0, expectedLsn);
            }
            // Mapped through an arena so the mapping is gone when we return: recovery may then
            // truncate the file, which some systems refuse while it is mapped.
            MemorySegment bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            FrameReader reader = new FrameReader(bytes);
            long offset = 0;
            long nextLsn = expectedLsn;
            while (offset < size) {
                FrameStatus status = reader.read(offset);
                if (status != FrameStatus.VALID) {
                    return new SegmentScan(offset, nextLsn, status, findSurvivor(reader, offset, nextLsn));
                }
                if (reader.lsn() != nextLsn) {
                    // A checksummed frame with the wrong LSN is not a torn write: records are missing.
                    throw new WalCorruptedException(segment.path(), offset,
                            "record has LSN " + reader.lsn() + " where LSN " + nextLsn + " was expected");
                }
                consumer.accept(nextLsn, reader.payload());
                nextLsn++;
                offset = reader.nextOffset();
            }
            return SegmentScan.whole(offset, nextLsn);
        }
    }

    /**
     * Looks past a damaged frame for a valid one that continues the log. Its LSN is bounded
     * both ways: at least the expected one, and at most one more per header's worth of bytes
     * between the damage and it (each lost record took at least a header). The bound makes
     * garbage that merely looks like a frame header vanishingly unlikely to pass as one.
     */
    private static long findSurvivor(FrameReader reader, long damagedAt, long expectedLsn) {
        long size = reader.fileSize();
        for (long offset = damagedAt + 1; offset + RecordFrame.HEADER_SIZE <= size; offset++) {
            long lsn = reader.lsnAt(offset);
            long highestPossible = expectedLsn + (offset - damagedAt) / RecordFrame.HEADER_SIZE;
            if (lsn >= expectedLsn && lsn <= highestPossible && reader.read(offset) == FrameStatus.VALID) {
                return offset;
            }
        }
        return -1;
    }
}
