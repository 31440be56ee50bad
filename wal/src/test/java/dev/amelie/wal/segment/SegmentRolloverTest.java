package dev.amelie.wal.segment;

import static dev.amelie.wal.Replayed.oneTo;
import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amelie.wal.Replayed;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentRolloverTest {

    /** 40-byte payloads make 56-byte frames: four fit in 256 bytes, a fifth does not. */
    private static final WalSettings SMALL_SEGMENTS = new WalSettings(256, true);

    @TempDir
    Path dir;

    @Test
    void logRollsOverToNewSegmentsAndReplaysAcrossThem() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, (lsn, payload) -> { })) {
            for (int i = 1; i <= 50; i++) {
                log.append(text("record %033d".formatted(i)));
            }
            log.whenDurable(50).get(10, TimeUnit.SECONDS);
        }

        List<String> names = segmentNames();
        assertEquals(13, names.size());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(SegmentName.of(1 + 4L * i), names.get(i));
            assertTrue(Files.size(dir.resolve(names.get(i))) <= 256);
        }
        Replayed replayed = Replayed.reopen(dir, SMALL_SEGMENTS);
        assertEquals(oneTo(50), replayed.lsns());
        assertEquals("record %033d".formatted(50), replayed.texts().getLast());
    }

    @Test
    void recordLargerThanTheSegmentSizeGoesInAlone() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, (lsn, payload) -> { })) {
            log.append(text("small"));
            log.append(new byte[1000]);
            log.append(text("small again"));
            log.whenDurable(3).get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(SegmentName.of(1), SegmentName.of(2), SegmentName.of(3)), segmentNames());
        assertEquals(16 + 1000, Files.size(dir.resolve(SegmentName.of(2))));
        Replayed replayed = Replayed.reopen(dir, SMALL_SEGMENTS);
        assertEquals(oneTo(3), replayed.lsns());
        assertEquals("small again", replayed.texts().getLast());
    }

    @Test
    void appendsAfterReopenContinueInTheLastSegment() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, (lsn, payload) -> { })) {
            log.append(text("x".repeat(40)));
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, (lsn, payload) -> { })) {
            log.append(text("y".repeat(40)));
        }
        assertEquals(List.of(SegmentName.of(1)), segmentNames());
        assertEquals(2 * 56, Files.size(dir.resolve(SegmentName.of(1))));
        assertEquals(oneTo(2), Replayed.reopen(dir, SMALL_SEGMENTS).lsns());
    }

    private List<String> segmentNames() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
