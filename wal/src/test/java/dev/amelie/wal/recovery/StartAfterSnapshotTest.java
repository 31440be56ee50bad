package dev.amelie.wal.recovery;

import static dev.amelie.wal.Replayed.oneTo;
import static dev.amelie.wal.Replayed.range;
import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amelie.wal.Replayed;
import dev.amelie.wal.WalCorruptedException;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import dev.amelie.wal.segment.SegmentName;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the log after a snapshot that holds its first records. */
class StartAfterSnapshotTest {

    private static final WalSettings SETTINGS = WalSettings.defaults();
    /** 40-byte payloads make 56-byte frames: four fit in 256 bytes. */
    private static final WalSettings SMALL_SEGMENTS = new WalSettings(256, true);
    private static final int FRAME = 56;

    @TempDir
    Path dir;

    @Test
    void recordsTheSnapshotHoldsAreNotReplayedAndLsnsContinue() throws Exception {
        writeRecords(10, SETTINGS);

        Replayed replayed = new Replayed();
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, 6, replayed)) {
            assertEquals(range(7, 10), replayed.lsns());
            assertEquals(record(7), replayed.texts().getFirst());
            assertEquals(11, log.append(text(record(11))));
        }

        assertEquals(range(7, 11), Replayed.reopen(dir, SETTINGS, 6).lsns());
        assertEquals(oneTo(11), Replayed.reopen(dir, SETTINGS).lsns());
    }

    @Test
    void recordsTheSnapshotHoldsAreStillChecked() throws Exception {
        writeRecords(10, SETTINGS);
        Path segment = dir.resolve(SegmentName.of(1));
        flipByte(segment, 2L * FRAME + 30);

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SETTINGS, 6));

        assertEquals(segment, corrupted.file());
        assertEquals(2L * FRAME, corrupted.offset());
    }

    @Test
    void logStartingAfterTheSnapshotIsMissingRecords() throws Exception {
        writeRecords(12, SMALL_SEGMENTS);
        Files.delete(dir.resolve(SegmentName.of(1)));

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SMALL_SEGMENTS, 2));

        assertEquals(dir.resolve(SegmentName.of(5)), corrupted.file());
        assertEquals(0, corrupted.offset());
        assertTrue(corrupted.getMessage().contains("records 3 to 4 are missing: the snapshot ends at LSN 2"),
                corrupted.getMessage());
        WalCorruptedException withoutSnapshot = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SMALL_SEGMENTS));
        assertTrue(withoutSnapshot.getMessage().contains("records 1 to 4 are missing: there is no snapshot"),
                withoutSnapshot.getMessage());
        assertEquals(range(5, 12), Replayed.reopen(dir, SMALL_SEGMENTS, 4).lsns());
    }

    @Test
    void emptyLogAfterASnapshotStartsAfterIt() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, 100, (lsn, payload) -> {
            throw new AssertionError("nothing to replay");
        })) {
            assertEquals(100, log.lastAppendedLsn());
            assertEquals(100, log.durableLsn());
            assertTrue(log.whenDurable(100).isDone(), "the snapshot holds it");
            long first = log.append(text(record(101)));
            assertEquals(101, first);
            log.whenDurable(first).get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(SegmentName.of(101)), segmentNames());
        assertEquals(List.of(101L), Replayed.reopen(dir, SETTINGS, 100).lsns());
    }

    @Test
    void logEndingAtTheSnapshotContinuesInItsLastSegment() throws Exception {
        writeRecords(10, SETTINGS);

        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, 10, (lsn, payload) -> { })) {
            assertEquals(11, log.append(text(record(11))));
        }

        assertEquals(List.of(SegmentName.of(1)), segmentNames());
        assertEquals(List.of(11L), Replayed.reopen(dir, SETTINGS, 10).lsns());
    }

    @Test
    void logEndingBeforeTheSnapshotGoesOnInANewSegmentAfterIt() throws Exception {
        writeRecords(10, SETTINGS);

        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, 20, (lsn, payload) -> { })) {
            assertEquals(20, log.lastAppendedLsn());
            for (int i = 21; i <= 23; i++) {
                assertEquals(i, log.append(text(record(i))));
            }
            log.whenDurable(23).get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(SegmentName.of(1), SegmentName.of(21)), segmentNames());
        assertEquals(10L * FRAME, Files.size(dir.resolve(SegmentName.of(1))), "the old tail is untouched");
        Replayed replayed = Replayed.reopen(dir, SETTINGS, 20);
        assertEquals(range(21, 23), replayed.lsns());
        assertEquals(record(21), replayed.texts().getFirst());

        // Only the snapshot holds records 11 to 20: without it the gap is lost data.
        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SETTINGS, 15));
        assertEquals(dir.resolve(SegmentName.of(21)), corrupted.file());

        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, 20, (lsn, payload) -> { })) {
            assertEquals(24, log.append(text(record(24))));
        }
        assertEquals(List.of(SegmentName.of(1), SegmentName.of(21)), segmentNames(), "appends go on in the new segment");
        assertEquals(range(21, 24), Replayed.reopen(dir, SETTINGS, 20).lsns());
    }

    @Test
    void tornTailBeforeTheSnapshotIsCutAndTheLogGoesOnAfterTheSnapshot() throws Exception {
        writeRecords(10, SETTINGS);
        Path segment = dir.resolve(SegmentName.of(1));
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.truncate(9L * FRAME + 20);
        }

        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, 12, (lsn, payload) -> { })) {
            assertEquals(9L * FRAME, Files.size(segment));
            assertEquals(13, log.append(text(record(13))));
        }

        assertEquals(List.of(SegmentName.of(1), SegmentName.of(13)), segmentNames());
        assertEquals(List.of(13L), Replayed.reopen(dir, SETTINGS, 12).lsns());
        assertEquals(List.of(13L), Replayed.reopen(dir, SETTINGS, 12).lsns(), "and again");
    }

    private void writeRecords(int count, WalSettings settings) throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, settings, (lsn, payload) -> { })) {
            for (int i = 1; i <= count; i++) {
                log.append(text(record(i)));
            }
            log.whenDurable(count).get(10, TimeUnit.SECONDS);
        }
    }

    /** 40 bytes, so that a frame is {@value FRAME} bytes. */
    private static String record(long lsn) {
        return "record %033d".formatted(lsn);
    }

    private List<String> segmentNames() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static void flipByte(Path segment, long offset) throws Exception {
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            file.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            file.write(one, offset);
        }
    }
}
