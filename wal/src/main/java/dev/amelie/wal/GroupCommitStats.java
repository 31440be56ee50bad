package dev.amelie.wal;

import java.util.Arrays;

/**
 * How well group commit groups: a snapshot, taken without stopping the writer, so the fields
 * may be a group apart from each other.
 *
 * @param syncs fsync calls (one per group, plus one per segment rollover); 0 when sync is off
 * @param groups groups written (one drain of the append queue each)
 * @param records records written
 * @param syncNanos total time spent in fsync
 * @param groupSizeHistogram element {@code i} counts groups of {@code 2^i} to {@code 2^(i+1)-1}
 *     records: 1, 2-3, 4-7, 8-15, …
 * @param payloadBytes bytes of record payloads written (frames and headers not counted)
 */
public record GroupCommitStats(long syncs, long groups, long records, long syncNanos, long[] groupSizeHistogram,
                               long payloadBytes) {

    /** Enough buckets for any group an int can count. */
    public static final int BUCKETS = 31;

    public GroupCommitStats {
        groupSizeHistogram = groupSizeHistogram.clone();
    }

    /** The histogram bucket a group of {@code records} records falls in. */
    public static int bucketOf(int records) {
        if (records <= 0) {
            throw new IllegalArgumentException("a group has at least one record, was " + records);
        }
        return 31 - Integer.numberOfLeadingZeros(records);
    }

    @Override
    public long[] groupSizeHistogram() {
        return groupSizeHistogram.clone();
    }

    /** Groups whose size fell in {@code bucket} (see {@link #bucketOf}). */
    public long groupsInBucket(int bucket) {
        return groupSizeHistogram[bucket];
    }

    public double recordsPerGroup() {
        return groups == 0 ? 0 : (double) records / groups;
    }

    /** One line for the log: totals, mean fsync time and the group size distribution. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(records).append(" records in ").append(groups).append(" groups (")
                .append(String.format(java.util.Locale.ROOT, "%.2f", recordsPerGroup())).append(" per group), ")
                .append(syncs).append(" fsyncs");
        if (syncs > 0) {
            line.append(" of ").append(syncNanos / syncs / 1000).append(" us on average");
        }
        line.append("; group sizes:");
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if (groupSizeHistogram[bucket] > 0) {
                long low = 1L << bucket;
                long high = (1L << (bucket + 1)) - 1;
                line.append(' ').append(low == high ? String.valueOf(low) : low + "-" + high)
                        .append(": ").append(groupSizeHistogram[bucket]);
            }
        }
        return line.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupCommitStats that
                && syncs == that.syncs && groups == that.groups && records == that.records
                && syncNanos == that.syncNanos && Arrays.equals(groupSizeHistogram, that.groupSizeHistogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(syncs) * 31 + Long.hashCode(records) * 17 + Arrays.hashCode(groupSizeHistogram);
    }

    @Override
    public String toString() {
        StringBuilder histogram = new StringBuilder();
        for (int bucket = 0; bucket < groupSizeHistogram.length; bucket++) {
            if (groupSizeHistogram[bucket] != 0) {
                int low = 1 << bucket;
                histogram.append(histogram.isEmpty() ? "" : ", ")
                        .append(low == 1 ? "1" : low + "-" + ((low << 1) - 1))
                        .append(": ").append(groupSizeHistogram[bucket]);
            }
        }
        return "GroupCommitStats[syncs=" + syncs + ", groups=" + groups + ", records=" + records
                + ", syncMillis=" + syncNanos / 1_000_000 + ", groupSizes={" + histogram + "}]";
    }
}
