package dev.amelie.wal;

import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    /**
     * The first group's fsync is held while 8 threads append 800 records: they must all go out
     * in the second group, under one fsync.
     */
    @Test
    void recordsAppendedDuringAnFsyncShareTheNextFsync() throws Exception {
        FaultyFileChannel.Faults faults = new FaultyFileChannel.Faults();
        CountDownLatch release = new CountDownLatch(1);
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalSettings.defaults(), 0, (lsn, payload) -> { },
                faults.factory())) {
            try {
                faults.holdNextForce = release;
                CompletableFuture<Void> first = log.whenDurable(log.append(text("first")));
                assertTrue(faults.forceHeld.await(10, TimeUnit.SECONDS));

                ConcurrentLinkedQueue<CompletableFuture<Void>> commits = new ConcurrentLinkedQueue<>();
                List<Thread> appenders = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    appenders.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < 100; i++) {
                            commits.add(log.whenDurable(log.append(text("commit " + i))));
                        }
                    }));
                }
                for (Thread appender : appenders) {
                    appender.join(TimeUnit.SECONDS.toMillis(30));
                }
                assertFalse(first.isDone(), "durable before its fsync returned");
                assertTrue(commits.stream().noneMatch(CompletableFuture::isDone));

                release.countDown();
                CompletableFuture.allOf(commits.toArray(CompletableFuture<?>[]::new)).get(10, TimeUnit.SECONDS);
                assertTrue(first.isDone());

                GroupCommitStats stats = log.stats();
                assertEquals(801, stats.records());
                assertEquals(2, stats.groups());
                assertEquals(2, stats.syncs());
                assertEquals(1, stats.groupsInBucket(GroupCommitStats.bucketOf(1)));
                assertEquals(1, stats.groupsInBucket(GroupCommitStats.bucketOf(800)));
                assertTrue(stats.syncNanos() > 0);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void groupSizeBucketsArePowersOfTwo() {
        assertEquals(0, GroupCommitStats.bucketOf(1));
        assertEquals(1, GroupCommitStats.bucketOf(2));
        assertEquals(1, GroupCommitStats.bucketOf(3));
        assertEquals(2, GroupCommitStats.bucketOf(4));
        assertEquals(2, GroupCommitStats.bucketOf(7));
        assertEquals(3, GroupCommitStats.bucketOf(8));
        assertEquals(9, GroupCommitStats.bucketOf(800));
        assertEquals(30, GroupCommitStats.bucketOf(Integer.MAX_VALUE));
    }
}
