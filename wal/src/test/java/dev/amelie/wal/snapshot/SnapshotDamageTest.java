package dev.amelie.wal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of damage to a snapshot file is reported, naming the file and where it starts. */
class SnapshotDamageTest {

    /** 100-byte blocks make 116-byte frames: block n starts at byte (n - 1) * 116. */
    private static final int FRAME = 116;
    private static final int BLOCKS = 10;
    /** The end frame: a 16-byte header and the 8-byte block count. */
    private static final int END_FRAME = 24;
    private static final long END = (long) BLOCKS * FRAME;

    @TempDir
    Path dir;

    private Snapshot snapshot;
    private Path file;

    @BeforeEach
    void writeSnapshot() throws IOException {
        try (SnapshotBuilder builder = SnapshotStore.open(dir).begin(0x10)) {
            try (SnapshotFileWriter writer = builder.create("t1.p0")) {
                for (int i = 1; i <= BLOCKS; i++) {
                    byte[] block = new byte[100];
                    Arrays.fill(block, (byte) i);
                    writer.append(block);
                }
            }
            snapshot = builder.complete();
        }
        file = snapshot.directory().resolve("t1.p0");
        assertEquals(END + END_FRAME, Files.size(file));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, 16, FRAME, 2 * FRAME + 60, END - 1, END, END + 10, END + END_FRAME - 1})
    void fileCutShortIsDamagedWhereTheCutFrameStarts(long cut) throws Exception {
        truncate(cut);

        SnapshotCorruptedException damaged = readAllExpectingDamage();

        assertEquals(Math.min(cut / FRAME * FRAME, END), damaged.offset());
        assertTrue(damaged.getMessage().contains(cut % FRAME == 0 && cut <= END
                ? "without its end frame" : "the file ends inside it"), damaged.getMessage());
    }

    @Test
    void flippedBitInAMiddleBlockIsAChecksumMismatch() throws Exception {
        long fifthBlock = 4L * FRAME;
        flipBit(fifthBlock + 16 + 50);

        SnapshotCorruptedException damaged = readAllExpectingDamage();

        assertEquals(fifthBlock, damaged.offset());
        assertEquals("snapshot file " + file + " is damaged at byte offset " + fifthBlock
                + ": record whose checksum does not match; the database cannot start from it", damaged.getMessage());
    }

    @Test
    void flippedBitInALengthIsCaughtToo() throws Exception {
        // The top bit of the length: an impossible length, not a read past the mapping.
        flipBit(3L * FRAME + 3);

        assertEquals(3L * FRAME, readAllExpectingDamage().offset());
    }

    @Test
    void missingEndFrameIsDamage() throws Exception {
        truncate(END);

        SnapshotCorruptedException damaged = readAllExpectingDamage();

        assertEquals(END, damaged.offset());
        assertTrue(damaged.getMessage().contains("ends after 10 blocks without its end frame"), damaged.getMessage());
    }

    @Test
    void bytesAfterTheEndFrameAreDamage() throws Exception {
        Files.write(file, new byte[] {0}, StandardOpenOption.APPEND);

        SnapshotCorruptedException damaged = readAllExpectingDamage();

        assertEquals(END + END_FRAME, damaged.offset());
        assertTrue(damaged.getMessage().contains("1 bytes after the end frame"), damaged.getMessage());
    }

    @Test
    void repeatedBlockIsOutOfSequence() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        byte[] withRepeat = new byte[bytes.length + FRAME];
        System.arraycopy(bytes, 0, withRepeat, 0, 3 * FRAME);
        System.arraycopy(bytes, 2 * FRAME, withRepeat, 3 * FRAME, bytes.length - 2 * FRAME);
        Files.write(file, withRepeat);

        SnapshotCorruptedException damaged = readAllExpectingDamage();

        assertEquals(3L * FRAME, damaged.offset());
        assertTrue(damaged.getMessage().contains("block number 3 where block 4 was expected"), damaged.getMessage());
    }

    @Test
    void missingLastBlockDisagreesWithTheEndFrame() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        byte[] withoutLast = new byte[bytes.length - FRAME];
        System.arraycopy(bytes, 0, withoutLast, 0, (BLOCKS - 1) * FRAME);
        System.arraycopy(bytes, BLOCKS * FRAME, withoutLast, (BLOCKS - 1) * FRAME, END_FRAME);
        Files.write(file, withoutLast);

        SnapshotCorruptedException damaged = readAllExpectingDamage();

        assertEquals((BLOCKS - 1L) * FRAME, damaged.offset());
        assertTrue(damaged.getMessage().contains("counts 10 blocks but 9 came before it"), damaged.getMessage());
    }

    /** Reads up to the damage: the blocks before it come back whole, then the reader throws. */
    private SnapshotCorruptedException readAllExpectingDamage() throws IOException {
        try (SnapshotFileReader reader = snapshot.open("t1.p0")) {
            SnapshotCorruptedException damaged = assertThrows(SnapshotCorruptedException.class, () -> {
                for (byte[] block; (block = reader.next()) != null; ) {
                    assertEquals(100, block.length);
                    assertEquals((byte) reader.blocksRead(), block[99], "blocks before the damage are intact");
                }
            });
            assertEquals(file, damaged.file());
            assertTrue(damaged.getMessage().contains(file.toString()), damaged.getMessage());
            assertTrue(damaged.getMessage().contains("byte offset " + damaged.offset()), damaged.getMessage());
            return damaged;
        }
    }

    private void truncate(long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private void flipBit(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x80)).rewind();
            channel.write(one, offset);
        }
    }
}
