package dev.amelie.compute.storage;

import java.util.HashMap;

/**
 * The keys of one partition that commits wrote (inserted, updated or deleted) while their WAL
 * records may not be durable yet, each with the LSN of the last such commit. A reader of a key
 * shows what a commit wrote only once that LSN is durable; a key not here was last written by a
 * durable commit (or never), so reading it waits for nothing. This lets a statement on rows no one
 * wrote in the last group commit answer without waiting for that group's fsync.
 *
 * <p>Confined to the partition's node thread, like the rows. Entries whose commits were durable
 * at the last pruning are dropped once the map has doubled since: the map holds about the keys of
 * the commits not yet durable, and costs one lookup per key read.
 */
public final class RecentWrites {
    private static final int FIRST_PRUNE = 1024;

    private HashMap<Object, Long> lastWriter;
    private int pruneAt = FIRST_PRUNE;

    /** A commit of {@code lsn} wrote {@code key}; {@code durable}: an LSN known durable now. */
    public void wrote(Object key, long lsn, long durable) {
        if (lastWriter == null) {
            lastWriter = new HashMap<>();
        }
        lastWriter.put(key, lsn);
        if (lastWriter.size() >= pruneAt) {
            lastWriter.values().removeIf(writer -> writer <= durable);
            pruneAt = Math.max(FIRST_PRUNE, lastWriter.size() * 2);
        }
    }

    /** The LSN of the last commit that wrote {@code key} and may not be durable; 0 when none. */
    public long lastWriterOf(Object key) {
        if (lastWriter == null) {
            return 0;
        }
        Long lsn = lastWriter.get(key);
        return lsn == null ? 0 : lsn;
    }
}
