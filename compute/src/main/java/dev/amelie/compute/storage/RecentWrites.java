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
    /**
     * A commit that wrote more keys than this into one partition (a COPY, a bulk UPDATE) is noted
     * for the whole partition instead: its keys would fill the map, and nothing might prune them.
     */
    public static final int KEYS_PER_COMMIT = 4096;
    private static final int FIRST_PRUNE = 1024;

    private HashMap<Object, Long> lastWriter;
    private int pruneAt = FIRST_PRUNE;
    /** The last commit noted for every key of the partition ({@link #wroteAll}). */
    private long allWrittenAt;

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

    /** A commit of {@code lsn} wrote too many keys to note one by one: every key counts as written by it. */
    public void wroteAll(long lsn) {
        allWrittenAt = Math.max(allWrittenAt, lsn);
    }

    /**
     * The LSN of the last commit that wrote {@code key} and may not be durable (or one that
     * wrote more than {@link #KEYS_PER_COMMIT} keys here); 0 when none.
     */
    public long lastWriterOf(Object key) {
        if (lastWriter == null) {
            return allWrittenAt;
        }
        Long lsn = lastWriter.get(key);
        return lsn == null ? allWrittenAt : Math.max(lsn, allWrittenAt);
    }

    /** How many keys are noted one by one now. */
    int keysNoted() {
        return lastWriter == null ? 0 : lastWriter.size();
    }
}
