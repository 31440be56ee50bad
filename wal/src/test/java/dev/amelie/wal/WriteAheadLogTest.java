package dev.amelie.wal;

import static dev.amelie.wal.Replayed.oneTo;
import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    private static final WalSettings SETTINGS = WalSettings.defaults();

    @TempDir
    Path dir;

    /**
     * A record larger than any group (a COPY of millions of rows commits as one) is written and
     * replays whole, and the native buffer grown for it is not kept afterwards.
     */
    @Test
    void aHugeRecordIsWrittenAndItsBufferLetGo() throws Exception {
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        byte[] huge = new byte[48 << 20];
        new java.util.Random(7).nextBytes(huge);
        long before;
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            log.whenDurable(log.append(text("before"))).get(10, TimeUnit.SECONDS);
            before = direct.getMemoryUsed();
            log.whenDurable(log.append(huge)).get(30, TimeUnit.SECONDS);
            log.whenDurable(log.append(text("after"))).get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (direct.getMemoryUsed() > before + (16 << 20) && System.nanoTime() < deadline) {
                System.gc(); // direct buffers are freed once collected
                Thread.sleep(50);
            }
            assertTrue(direct.getMemoryUsed() <= before + (16 << 20),
                    "direct memory " + direct.getMemoryUsed() + " bytes, " + before + " before the huge record");
        }
        List<byte[]> payloads = new ArrayList<>();
        WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> payloads.add(payload)).close();
        assertEquals(3, payloads.size());
        assertTrue(java.util.Arrays.equals(huge, payloads.get(1)), "the huge record replays whole");
    }

    @Test
    void concurrentAppendsReplayInLsnOrderAfterReopenAndLsnsContinue() throws Exception {
        int threads = 4;
        int perThread = 250;
        Map<Long, String> written = new ConcurrentHashMap<>();
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> {
            throw new AssertionError("a new log has nothing to replay");
        })) {
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String payload = thread + ":" + i;
                        written.put(log.append(text(payload)), payload);
                    }
                }));
            }
            for (Thread appender : appenders) {
                appender.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertEquals(threads * perThread, log.lastAppendedLsn());
            log.whenDurable(log.lastAppendedLsn()).get(10, TimeUnit.SECONDS);
        }

        Replayed replayed = Replayed.reopen(dir, SETTINGS);
        assertEquals(oneTo(threads * perThread), replayed.lsns());
        int[] nextPerThread = new int[threads];
        for (int i = 0; i < replayed.size(); i++) {
            String payload = replayed.texts().get(i);
            assertEquals(written.get(replayed.lsns().get(i)), payload);
            String[] threadAndIndex = payload.split(":");
            int thread = Integer.parseInt(threadAndIndex[0]);
            assertEquals(nextPerThread[thread]++, Integer.parseInt(threadAndIndex[1]),
                    "each thread's records are in the order it appended them");
        }

        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            long next = log.append(text("after reopen"));
            assertEquals(threads * perThread + 1, next);
            log.whenDurable(next).get(10, TimeUnit.SECONDS);
        }
        Replayed again = Replayed.reopen(dir, SETTINGS);
        assertEquals(oneTo(threads * perThread + 1), again.lsns());
        assertEquals("after reopen", again.texts().getLast());
    }

    @Test
    void firstSegmentOfANewLogIsNamedAfterLsnOne() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            assertEquals(0, log.lastAppendedLsn());
            assertEquals(1, log.append(text("first")));
            log.whenDurable(1).get(10, TimeUnit.SECONDS);
        }
        assertTrue(Files.isRegularFile(dir.resolve("0000000000000001.wal")));
    }

    @Test
    void whenDurableOfAnAlreadyDurableLsnCompletesImmediately() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            long first = log.append(text("a"));
            long second = log.append(text("b"));
            log.whenDurable(second).get(10, TimeUnit.SECONDS);
            assertEquals(second, log.durableLsn());

            CompletableFuture<Void> again = log.whenDurable(first);
            assertTrue(again.isDone() && !again.isCompletedExceptionally());
            assertTrue(log.whenDurable(0).isDone());
            assertTrue(log.whenDurable(-5).isDone());
        }
    }

    @Test
    void recordsReplayedAtOpenAreDurableAtOnce() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            log.append(text("a"));
            log.append(text("b"));
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { })) {
            assertEquals(2, log.durableLsn());
            assertTrue(log.whenDurable(2).isDone());
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndLaterCallsFail() throws Exception {
        WriteAheadLog log = WriteAheadLog.open(dir, SETTINGS, (lsn, payload) -> { });
        for (int i = 0; i < 100; i++) {
            log.append(text("queued " + i));
        }
        CompletableFuture<Void> last = log.whenDurable(100);
        log.close();
        log.close();

        last.get(10, TimeUnit.SECONDS);
        assertThrows(WalFailedException.class, () -> log.append(text("too late")));
        assertTrue(log.whenDurable(101).isCompletedExceptionally());
        assertEquals(oneTo(100), Replayed.reopen(dir, SETTINGS).lsns());
    }

    @Test
    void unsyncedLogCompletesFuturesWithoutFsync() throws Exception {
        WalSettings unsynced = new WalSettings(64L << 20, false);
        try (WriteAheadLog log = WriteAheadLog.open(dir, unsynced, (lsn, payload) -> { })) {
            for (int i = 0; i < 10; i++) {
                log.append(text("r" + i));
            }
            log.whenDurable(10).get(10, TimeUnit.SECONDS);
            GroupCommitStats stats = log.stats();
            assertEquals(0, stats.syncs());
            assertEquals(10, stats.records());
        }
        assertEquals(oneTo(10), Replayed.reopen(dir, unsynced).lsns());
    }
}
