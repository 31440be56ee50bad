package dev.amelie.wal;

import static dev.amelie.wal.Replayed.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterFailureTest {

    @TempDir
    Path dir;

    private final FaultyFileChannel.Faults faults = new FaultyFileChannel.Faults();

    @Test
    void fullDiskFailsPendingCommitsAndRefusesLaterAppends() throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalSettings.defaults(), 0, (lsn, payload) -> { },
                faults.factory())) {
            long before = log.append(text("before"));
            log.whenDurable(before).get(10, TimeUnit.SECONDS);

            IOException diskFull = new IOException("No space left on device");
            faults.failWrites = diskFull;
            CompletableFuture<Void> doomed = log.whenDurable(log.append(text("doomed")));

            WalFailedException failure = failureOf(doomed);
            assertTrue(failure.getMessage().contains("stopped accepting writes"), failure.getMessage());
            assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
            assertSame(diskFull, failure.getCause());

            WalFailedException refused = assertThrows(WalFailedException.class, () -> log.append(text("after")));
            assertSame(diskFull, refused.getCause());
            assertTrue(log.whenDurable(log.lastAppendedLsn()).isCompletedExceptionally());
            assertEquals(before, log.durableLsn());
        }
    }

    @Test
    void failedFsyncFailsEveryWaitingCommitAndNeverReportsThemDurable() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalSettings.defaults(), 0, (lsn, payload) -> { },
                faults.factory())) {
            try {
                faults.holdNextForce = release;
                List<CompletableFuture<Void>> waiting = new ArrayList<>();
                waiting.add(log.whenDurable(log.append(text("in the held group"))));
                assertTrue(faults.forceHeld.await(10, TimeUnit.SECONDS));
                for (int i = 0; i < 10; i++) {
                    waiting.add(log.whenDurable(log.append(text("queued behind it " + i))));
                }

                faults.failForces = new IOException("Input/output error");
                release.countDown();

                for (CompletableFuture<Void> commit : waiting) {
                    assertTrue(failureOf(commit).getMessage().contains("Input/output error"));
                }
                assertEquals(0, log.durableLsn());
                assertThrows(WalFailedException.class, () -> log.append(text("after")));
            } finally {
                release.countDown();
            }
        }
    }

    private static WalFailedException failureOf(CompletableFuture<Void> commit) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> commit.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(WalFailedException.class, thrown.getCause());
    }
}
