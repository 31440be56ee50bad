package dev.amelie.wal.writer;

import dev.amelie.wal.WalFailedException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * The futures of {@code whenDurable}, ordered by LSN so the writer completes a prefix in one
 * sweep, and the durable LSN they wait for.
 *
 * <p>Each caller gets a future of its own (a shared one could be completed by any of them).
 * Several callers may wait for the same LSN, so a map value is a future or an array of them.
 * No waiter is lost to the race between a caller and a sweep: the writer publishes the durable
 * LSN (or the failure) before sweeping, and a caller looks at it again after registering.
 */
public final class DurabilityWaiters {

    private final ConcurrentSkipListMap<Long, Object> waiting = new ConcurrentSkipListMap<>();
    private volatile long durableLsn;
    private volatile WalFailedException failure;

    public DurabilityWaiters(long durableLsn) {
        this.durableLsn = durableLsn;
    }

    public long durableLsn() {
        return durableLsn;
    }

    public CompletableFuture<Void> whenDurable(long lsn) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (lsn <= durableLsn) {
            future.complete(null);
            return future;
        }
        if (failure != null) {
            future.completeExceptionally(failure);
            return future;
        }
        waiting.merge(lsn, future, DurabilityWaiters::both);
        // A sweep may have run between the check above and the merge. The entry stays until the
        // next sweep (or the final one at close), completing a done future again is harmless.
        if (lsn <= durableLsn) {
            future.complete(null);
        } else if (failure != null) {
            future.completeExceptionally(failure);
        }
        return future;
    }

    /** Writer thread: records up to {@code lsn} are durable. Completes their futures on this thread. */
    void completeUpTo(long lsn) {
        durableLsn = lsn;
        for (Map.Entry<Long, Object> first; (first = waiting.firstEntry()) != null && first.getKey() <= lsn; ) {
            // remove(key, value) fails if a caller merged another future in meanwhile: look again.
            if (waiting.remove(first.getKey(), first.getValue())) {
                forEachFuture(first.getValue(), future -> future.complete(null));
            }
        }
    }

    /** Fails every waiting future and every later {@link #whenDurable} beyond the durable LSN. */
    void failAll(WalFailedException reason) {
        if (failure == null) {
            failure = reason;
        }
        WalFailedException published = failure;
        for (Map.Entry<Long, Object> first; (first = waiting.pollFirstEntry()) != null; ) {
            forEachFuture(first.getValue(), future -> future.completeExceptionally(published));
        }
    }

    private static Object both(Object waitingAlready, Object added) {
        if (waitingAlready instanceof CompletableFuture<?>[] many) {
            CompletableFuture<?>[] more = Arrays.copyOf(many, many.length + 1);
            more[many.length] = (CompletableFuture<?>) added;
            return more;
        }
        return new CompletableFuture<?>[] {(CompletableFuture<?>) waitingAlready, (CompletableFuture<?>) added};
    }

    @SuppressWarnings("unchecked")
    private static void forEachFuture(Object value, Consumer<CompletableFuture<Void>> action) {
        if (value instanceof CompletableFuture<?>[] many) {
            for (CompletableFuture<?> future : many) {
                action.accept((CompletableFuture<Void>) future);
            }
        } else {
            action.accept((CompletableFuture<Void>) value);
        }
    }
}
