package dev.amelie.wal.recovery;

import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amelie.wal.Replayed;
import dev.amelie.wal.WalCorruptedException;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionDetectionTest {

    /** 100-byte payloads make 116-byte frames; two fit in a 256-byte segment. */
    private static final int FRAME = 116;
    private static final WalSettings SETTINGS = new WalSettings(256, true);

    @TempDir
    Path dir;

    @Test
    void flippedByteInAMiddleRecordIsCorruptionNamingFileAndOffset() throws Exception {
        WalSettings oneSegment = WalSettings.defaults();
        writeRecords(10, oneSegment);
        Path segment = dir.resolve("0000000000000001.wal");
        long fifthRecord = 4L * FRAME;
        flipByte(segment, fifthRecord + 40);

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, oneSegment));

        assertTrue(corrupted.getMessage().contains("0000000000000001.wal"), corrupted.getMessage());
        assertTrue(corrupted.getMessage().contains("byte offset " + fifthRecord), corrupted.getMessage());
        assertEquals(fifthRecord, corrupted.offset());
        assertEquals(10L * FRAME, Files.size(segment), "nothing was cut");
    }

    @Test
    void damagedLengthInAMiddleRecordIsCorruptionNotATornTail() throws Exception {
        // The length no longer leads to the next frame; recovery must find it by scanning.
        WalSettings oneSegment = WalSettings.defaults();
        writeRecords(10, oneSegment);
        Path segment = dir.resolve("0000000000000001.wal");
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ByteBuffer hugeLength = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1 << 20);
            file.write(hugeLength, 6L * FRAME);
        }

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, oneSegment));

        assertEquals(6L * FRAME, corrupted.offset());
        assertTrue(corrupted.getMessage().contains("valid record at byte offset " + 7L * FRAME), corrupted.getMessage());
    }

    @Test
    void cutEndOfASegmentThatIsNotTheLastIsCorruption() throws Exception {
        writeRecords(6, SETTINGS);
        Path second = dir.resolve("0000000000000003.wal");
        try (FileChannel file = FileChannel.open(second, StandardOpenOption.WRITE)) {
            file.truncate(FRAME + 10);
        }

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SETTINGS));

        assertEquals(second, corrupted.file());
        assertEquals(FRAME, corrupted.offset());
        assertTrue(corrupted.getMessage().contains("not the last"), corrupted.getMessage());
    }

    @Test
    void missingSegmentIsAGapInTheLsns() throws Exception {
        writeRecords(6, SETTINGS);
        Files.delete(dir.resolve("0000000000000003.wal"));

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SETTINGS));

        assertEquals(dir.resolve("0000000000000005.wal"), corrupted.file());
        assertEquals(0, corrupted.offset());
        assertTrue(corrupted.getMessage().contains("records are missing"), corrupted.getMessage());
    }

    @Test
    void segmentWhoseRecordsDoNotMatchItsNameIsCorruption() throws Exception {
        writeRecords(6, SETTINGS);
        Files.move(dir.resolve("0000000000000005.wal"), dir.resolve("0000000000000004.wal"));
        Files.move(dir.resolve("0000000000000003.wal"), dir.resolve("0000000000000006.wal"));
        // Now 1 holds LSNs 1-2, 4 holds 5-6 and 6 holds 3-4.

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, SETTINGS));

        assertEquals(dir.resolve("0000000000000004.wal"), corrupted.file());
    }

    @Test
    void recordWithTheWrongLsnIsCorruption() throws Exception {
        writeRecords(2, WalSettings.defaults());
        Path segment = dir.resolve("0000000000000001.wal");
        byte[] bytes = Files.readAllBytes(segment);
        // Duplicate the second record: a checksummed frame whose LSN repeats.
        byte[] tripled = new byte[3 * FRAME];
        System.arraycopy(bytes, 0, tripled, 0, 2 * FRAME);
        System.arraycopy(bytes, FRAME, tripled, 2 * FRAME, FRAME);
        Files.write(segment, tripled);

        WalCorruptedException corrupted = assertThrows(WalCorruptedException.class,
                () -> Replayed.reopen(dir, WalSettings.defaults()));

        assertEquals(2L * FRAME, corrupted.offset());
        assertTrue(corrupted.getMessage().contains("LSN 2 where LSN 3 was expected"), corrupted.getMessage());
    }

    private void writeRecords(int count, WalSettings settings) throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, settings, (lsn, payload) -> { })) {
            for (int i = 1; i <= count; i++) {
                log.append(text("record %093d".formatted(i)));
            }
            log.whenDurable(log.lastAppendedLsn()).get(10, TimeUnit.SECONDS);
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
