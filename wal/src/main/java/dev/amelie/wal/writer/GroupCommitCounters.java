package dev.amelie.wal.writer;

import dev.amelie.wal.GroupCommitStats;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts behind {@link GroupCommitStats}. Written by the writer thread only, so plain
 * increments of volatile fields are safe; the volatiles let other threads read them.
 */
public final class GroupCommitCounters {

    private volatile long syncs;
    private volatile long syncNanos;
    private volatile long groups;
    private volatile long records;
    private volatile long payloadBytes;
    private final AtomicLongArray histogram = new AtomicLongArray(GroupCommitStats.BUCKETS);

    void recordSync(long nanos) {
        syncs = syncs + 1;
        syncNanos = syncNanos + nanos;
    }

    void recordGroup(int size, long bytes) {
        payloadBytes = payloadBytes + bytes;
        int bucket = GroupCommitStats.bucketOf(size);
        histogram.lazySet(bucket, histogram.get(bucket) + 1);
        groups = groups + 1;
        records = records + size;
    }

    public GroupCommitStats snapshot() {
        long[] buckets = new long[GroupCommitStats.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = histogram.get(i);
        }
        return new GroupCommitStats(syncs, groups, records, syncNanos, buckets, payloadBytes);
    }
}
