package dev.amelie.wal.segment;

import static dev.amelie.wal.Replayed.oneTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amelie.wal.Replayed;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments made from zero-filled spares (SpareSegment): what recovery finds in them, crashed or closed. */
class SegmentPreallocationTest {

    private static final int SEGMENT = 1 << 20;
    private static final WalSettings SETTINGS = new WalSettings(SEGMENT, true);
    /** 1000-byte payloads make 1016-byte frames: 1032 fit in a segment. */
    private static final int PER_SEGMENT = SEGMENT / 1016;

    @TempDir
    Path dir;
    @TempDir
    Path crashed;

    @Test
    void aSegmentFromASpareIsReadUpToItsLastRecordAfterACrashAndEndsThereOnceLeft() throws Exception {
        int first;
        int total;
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            first = appendUntilTheSpareIsTaken(log, PER_SEGMENT / 2 + 10);
            total = first + 600;
            // The first segment was not made from a spare: it ended early, at its last record;
            // record first + 1 began the second.
            append(log, first + 2, total);
            assertEquals((long) first * 1016, Files.size(dir.resolve(SegmentName.of(1))));
            Path second = dir.resolve(SegmentName.of(first + 1));
            assertEquals(SEGMENT, Files.size(second), "the second segment is the spare, zeros after its records");
            // A crash now leaves the segments as they are: every durable record, then zeros. (The
            // next spare is being filled meanwhile, under names recovery never reads.)
            for (SegmentFile segment : SegmentDirectory.open(dir, SegmentChannelFactory.FILES).list()) {
                Files.copy(segment.path(), crashed.resolve(segment.fileName()));
            }
        }
        assertEquals(600L * 1016, Files.size(dir.resolve(SegmentName.of(first + 1))), "closed: cut at its last record");
        assertEquals(oneTo(total), Replayed.reopen(dir, SETTINGS).lsns());

        Replayed afterCrash = Replayed.reopen(crashed, SETTINGS);
        assertEquals(oneTo(total), afterCrash.lsns());
        assertEquals(600L * 1016, Files.size(crashed.resolve(SegmentName.of(first + 1))), "the zeros were cut as a torn tail");
        // And the log goes on after them.
        try (WriteAheadLog log = WriteAheadLog.open(crashed, SETTINGS, (lsn, payload) -> { })) {
            append(log, total + 1, total + 10);
        }
        assertEquals(oneTo(total + 10), Replayed.reopen(crashed, SETTINGS).lsns());
    }

    @Test
    void aFullSegmentMadeFromASpareIsFollowedByTheNextSpare() throws Exception {
        int first;
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            first = appendUntilTheSpareIsTaken(log, PER_SEGMENT / 2 + 10);
            append(log, first + 2, first + PER_SEGMENT / 2 + 10); // the second segment half full: the next spare
            awaitSpare();
            append(log, first + PER_SEGMENT / 2 + 11, first + PER_SEGMENT + 5);
            assertEquals((long) PER_SEGMENT * 1016, Files.size(dir.resolve(SegmentName.of(first + 1))),
                    "a full segment is cut at its last record");
            assertEquals(SEGMENT, Files.size(dir.resolve(SegmentName.of(first + PER_SEGMENT + 1))));
        }
        assertEquals(oneTo(first + PER_SEGMENT + 5), Replayed.reopen(dir, SETTINGS).lsns());
    }

    /**
     * Appends {@code halfAndMore} records (past half of the first segment: the spare is filled),
     * waits for the spare, then appends one record at a time until one starts a second segment;
     * returns the LSN of the first segment's last record (the one after it is appended too).
     */
    private int appendUntilTheSpareIsTaken(WriteAheadLog log, int halfAndMore) throws Exception {
        append(log, 1, halfAndMore);
        awaitSpare();
        for (int lsn = halfAndMore + 1; lsn <= halfAndMore + 1000; lsn++) {
            append(log, lsn, lsn);
            if (Files.exists(dir.resolve(SegmentName.of(lsn)))) {
                return lsn - 1;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no segment was made from the ready spare");
    }

    private void awaitSpare() throws InterruptedException {
        Path spare = dir.resolve(SpareSegment.FILE_NAME);
        for (int i = 0; i < 1000 && !Files.exists(spare); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(spare), "no spare 10 s after a segment was half full");
    }

    @Test
    void aSpareIsNoSegment() throws Exception {
        Files.write(dir.resolve(SpareSegment.FILE_NAME), new byte[SEGMENT]);
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            append(log, 1, 3);
        }
        assertEquals(oneTo(3), Replayed.reopen(dir, SETTINGS).lsns());
        assertEquals(1, SegmentDirectory.open(dir, SegmentChannelFactory.FILES).list().size());
    }

    private static void append(WriteAheadLog log, int from, int to) throws Exception {
        byte[] payload = new byte[1000];
        for (int lsn = from; lsn <= to; lsn++) {
            Arrays.fill(payload, (byte) lsn);
            assertEquals(lsn, log.append(payload.clone()));
        }
        log.whenDurable(to).get(30, TimeUnit.SECONDS);
    }
}
