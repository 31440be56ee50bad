package dev.amelie.wal.recovery;

import static dev.amelie.wal.Replayed.oneTo;
import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amelie.wal.Replayed;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TornTailRecoveryTest {

    private static final WalSettings SETTINGS = WalSettings.defaults();
    /** 100-byte payloads: record n starts at byte (n - 1) * 116. */
    private static final int FRAME = 116;

    @TempDir
    Path dir;

    private Path segment;

    @Test
    void lastRecordCutInTheMiddleIsDroppedAndTheLogGoesOn() throws Exception {
        writeRecords(10);
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.truncate(9L * FRAME + 50);
        }

        assertReplaysNineThenAcceptsMore();
    }

    @Test
    void garbageAfterTheLastRecordIsCutAndTheLogGoesOn() throws Exception {
        writeRecords(10);
        byte[] garbage = new byte[37];
        new Random(7).nextBytes(garbage);
        Files.write(segment, garbage, StandardOpenOption.APPEND);

        Replayed replayed = Replayed.reopen(dir, SETTINGS);

        assertEquals(oneTo(10), replayed.lsns());
        assertEquals(10L * FRAME, Files.size(segment));
    }

    @Test
    void zerosAfterTheLastRecordAreCut() throws Exception {
        // What some file systems show after a crash: the size was extended, the data never came.
        writeRecords(10);
        Files.write(segment, new byte[4096], StandardOpenOption.APPEND);

        assertEquals(oneTo(10), Replayed.reopen(dir, SETTINGS).lsns());
        assertEquals(10L * FRAME, Files.size(segment));
    }

    @Test
    void damagedLastRecordWithNothingAfterItIsATornTail() throws Exception {
        writeRecords(10);
        flipByte(9L * FRAME + 60);

        assertReplaysNineThenAcceptsMore();
    }

    @Test
    void emptyLastSegmentIsFine() throws Exception {
        writeRecords(10);
        Files.createFile(dir.resolve("000000000000000b.wal"));

        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            assertEquals(11, log.append(text("into the empty segment")));
        }
        assertEquals(FRAME - 100 + "into the empty segment".length(), Files.size(dir.resolve("000000000000000b.wal")));
        assertEquals(oneTo(11), Replayed.reopen(dir, SETTINGS).lsns());
    }

    private void assertReplaysNineThenAcceptsMore() throws Exception {
        Replayed replayed = new Replayed();
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, replayed)) {
            assertEquals(oneTo(9), replayed.lsns());
            assertEquals(9L * FRAME, Files.size(segment));
            long next = log.append(text("written after recovery"));
            assertEquals(10, next);
            log.whenDurable(next).get(10, TimeUnit.SECONDS);
        }
        Replayed again = Replayed.reopen(dir, SETTINGS);
        assertEquals(oneTo(10), again.lsns());
        assertEquals("written after recovery", again.texts().getLast());
    }

    private void writeRecords(int count) throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            for (int i = 1; i <= count; i++) {
                log.append(text("record %093d".formatted(i)));
            }
            log.whenDurable(count).get(10, TimeUnit.SECONDS);
        }
        segment = dir.resolve("0000000000000001.wal");
        assertEquals(count * (long) FRAME, Files.size(segment));
    }

    private void flipByte(long offset) throws Exception {
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            file.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            file.write(one, offset);
        }
    }
}
