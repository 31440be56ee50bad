package dev.amelie.wal.writer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amelie.wal.WalFailedException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DurabilityWaitersTest {

    @Test
    void waitersCompleteUpToTheDurableLsnAndNoFurther() {
        DurabilityWaiters waiters = new DurabilityWaiters(0);
        CompletableFuture<Void> three = waiters.whenDurable(3);
        CompletableFuture<Void> five = waiters.whenDurable(5);
        CompletableFuture<Void> six = waiters.whenDurable(6);

        waiters.completeUpTo(5);

        assertTrue(three.isDone() && five.isDone());
        assertFalse(six.isDone());
    }

    @Test
    void callersWaitingForTheSameLsnEachGetTheirOwnFuture() {
        DurabilityWaiters waiters = new DurabilityWaiters(0);
        CompletableFuture<Void> first = waiters.whenDurable(2);
        CompletableFuture<Void> second = waiters.whenDurable(2);
        CompletableFuture<Void> third = waiters.whenDurable(2);
        assertNotSame(first, second);

        first.cancel(false);
        waiters.completeUpTo(2);

        assertTrue(second.isDone() && !second.isCompletedExceptionally());
        assertTrue(third.isDone() && !third.isCompletedExceptionally());
    }

    @Test
    void failureFailsWaitersAndLaterCallsButNotWhatIsDurable() {
        DurabilityWaiters waiters = new DurabilityWaiters(0);
        waiters.completeUpTo(4);
        CompletableFuture<Void> seven = waiters.whenDurable(7);

        waiters.failAll(WalFailedException.afterFailure("0000000000000001.wal", new IOException("No space left on device")));

        assertTrue(seven.isCompletedExceptionally());
        assertTrue(waiters.whenDurable(8).isCompletedExceptionally());
        CompletableFuture<Void> four = waiters.whenDurable(4);
        assertTrue(four.isDone() && !four.isCompletedExceptionally());
    }
}
