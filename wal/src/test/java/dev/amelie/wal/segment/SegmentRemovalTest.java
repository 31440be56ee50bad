package dev.amelie.wal.segment;

import static dev.amelie.wal.Replayed.range;
import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amelie.wal.Replayed;
import dev.amelie.wal.WalCorruptedException;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting the segments a snapshot holds. */
class SegmentRemovalTest {

    /** 40-byte payloads make 56-byte frames: four fit in 256 bytes, so segment k starts at LSN 4k + 1. */
    private static final WalSettings SMALL_SEGMENTS = new WalSettings(256, true);
    private static final int FRAME = 56;

    @TempDir
    Path dir;

    @Test
    void segmentsWhollyAtOrBeforeTheLsnGoAndTheRestStays() throws Exception {
        try (WriteAheadLog log = openWithRecords(50, 0)) {
            assertEquals(50L * FRAME, log.sizeOnDisk());

            // Segment 17 holds 17 to 20, so it goes only once 20 is covered.
            assertEquals(4, log.removeSegmentsThrough(19));
            assertEquals(segmentsFrom(17), segmentNames());
            assertEquals(1, log.removeSegmentsThrough(20));
            assertEquals(segmentsFrom(21), segmentNames());
            assertEquals(0, log.removeSegmentsThrough(20));
            assertEquals(30L * FRAME, log.sizeOnDisk());
        }

        Replayed replayed = Replayed.reopen(dir, SMALL_SEGMENTS, 20);
        assertEquals(range(21, 50), replayed.lsns());
        assertEquals(record(21), replayed.texts().getFirst());
        assertThrows(WalCorruptedException.class, () -> Replayed.reopen(dir, SMALL_SEGMENTS, 19),
                "the snapshot must reach the log");
    }

    @Test
    void lastSegmentStaysWhenEveryRecordIsCovered() throws Exception {
        try (WriteAheadLog log = openWithRecords(50, 0)) {
            assertEquals(12, log.removeSegmentsThrough(1000));
            assertEquals(List.of(SegmentName.of(49)), segmentNames());
            assertEquals(51, log.append(text(record(51))), "the writer goes on in the last segment");
            log.whenDurable(51).get(10, TimeUnit.SECONDS);
        }

        assertEquals(range(51, 51), Replayed.reopen(dir, SMALL_SEGMENTS, 50).lsns());
        try (WriteAheadLog log = openWithRecords(0, 50)) {
            assertEquals(52, log.append(text(record(52))));
            assertEquals(53, log.append(text(record(53))));
        }
        // 49 to 52 fill the segment, 53 starts the next.
        assertEquals(List.of(SegmentName.of(49), SegmentName.of(53)), segmentNames());
        assertEquals(range(51, 53), Replayed.reopen(dir, SMALL_SEGMENTS, 50).lsns());
    }

    @Test
    void emptyLogHasNothingToRemove() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, (lsn, payload) -> { })) {
            assertEquals(0, log.removeSegmentsThrough(100));
            assertEquals(0, log.sizeOnDisk());
        }
    }

    @Test
    void removingWhileTheWriterAppendsLosesNothingAfterTheLsn() throws Exception {
        int records = 1000;
        long removedThrough = 0;
        long removedFiles = 0;
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, (lsn, payload) -> { })) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread appender = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 1; i <= records; i++) {
                        long lsn = log.append(text(record(i)));
                        if (i % 10 == 0) {
                            log.whenDurable(lsn).get(10, TimeUnit.SECONDS);
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            // As a checkpoint would: remove what is durable (and so could be in a snapshot).
            while (appender.isAlive()) {
                removedThrough = log.durableLsn();
                removedFiles += log.removeSegmentsThrough(removedThrough);
            }
            appender.join(TimeUnit.SECONDS.toMillis(30));
            assertEquals(null, failure.get());
            log.whenDurable(records).get(10, TimeUnit.SECONDS);
        }
        assertTrue(removedFiles > 0, "removal ran while the writer wrote");

        Replayed replayed = Replayed.reopen(dir, SMALL_SEGMENTS, removedThrough);
        assertEquals(range(removedThrough + 1, records), replayed.lsns());
        assertFalse(segmentNames().isEmpty());
    }

    /** Opens the log after a snapshot at {@code startAfterLsn} and appends LSNs 1 to {@code count}. */
    private WriteAheadLog openWithRecords(int count, long startAfterLsn) throws Exception {
        WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS, startAfterLsn, (lsn, payload) -> { });
        for (int i = 1; i <= count; i++) {
            log.append(text(record(i)));
        }
        log.whenDurable(count).get(10, TimeUnit.SECONDS);
        return log;
    }

    /** The names of the segments from the one starting at {@code firstLsn} to the last (LSN 49). */
    private static List<String> segmentsFrom(long firstLsn) {
        return Stream.iterate(firstLsn, lsn -> lsn <= 49, lsn -> lsn + 4).map(SegmentName::of).toList();
    }

    private static String record(long lsn) {
        return "record %033d".formatted(lsn);
    }

    private List<String> segmentNames() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
