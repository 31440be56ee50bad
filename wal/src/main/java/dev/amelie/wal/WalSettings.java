package dev.amelie.wal;

/**
 * How the log is written.
 *
 * @param segmentSize bytes after which the writer starts a new segment file; a record larger
 *     than this still goes in, alone in its segment
 * @param sync {@code true}: a record is durable once fsynced. {@code false} is UNSAFE: a record
 *     counts as durable once written to the operating system, so a machine crash (not a process
 *     crash) can lose acknowledged commits. Only for benchmarks and throwaway data.
 */
public record WalSettings(long segmentSize, boolean sync) {

    public WalSettings {
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segmentSize must be positive, was " + segmentSize);
        }
    }

    public static WalSettings defaults() {
        return new WalSettings(64L << 20, true);
    }
}
