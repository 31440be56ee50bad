package dev.amelie.wal.snapshot;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One snapshot being written, in {@code <lsn>.partial/}. It becomes a snapshot only in
 * {@link #complete()}: every file fsynced, then the directory, then one atomic rename to
 * {@code <lsn>/}, then the store's directory so the rename survives a crash. Until the rename a
 * crash leaves a {@code .partial} directory that the next {@link SnapshotStore#open} removes;
 * after it, the snapshot is whole. No state in between is ever taken for a snapshot.
 *
 * <p>{@link #close()} without {@link #complete()} abandons the snapshot, so try-with-resources
 * cleans up after a failed checkpoint. The builder's own methods are thread-safe (so files may
 * be created from several threads); each file's writer is used by one thread at a time.
 */
public final class SnapshotBuilder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SnapshotBuilder.class.getName());

    private enum State { BUILDING, COMPLETE, ABANDONED }

    private final Path store;
    private final long lsn;
    private final Path partial;
    private final Map<String, SnapshotFileWriter> files = new LinkedHashMap<>();
    private State state = State.BUILDING;

    private SnapshotBuilder(Path store, long lsn, Path partial) {
        this.store = store;
        this.lsn = lsn;
        this.partial = partial;
    }

    /** Creates {@code <lsn>.partial/} in {@code store}; fails if it exists, or a snapshot at {@code lsn} does. */
    static SnapshotBuilder begin(Path store, long lsn) throws IOException {
        if (lsn < 0) {
            throw new IllegalArgumentException("a snapshot's LSN must not be negative, was " + lsn);
        }
        Path complete = store.resolve(SnapshotName.of(lsn));
        if (Files.exists(complete)) {
            throw new FileAlreadyExistsException(complete.toString(), null,
                    "a complete snapshot at LSN " + lsn + " exists already");
        }
        Path partial = store.resolve(SnapshotName.partialOf(lsn));
        // Fails if another builder is writing a snapshot at the same LSN.
        Files.createDirectory(partial);
        return new SnapshotBuilder(store, lsn, partial);
    }

    public long lsn() {
        return lsn;
    }

    /** Creates the file {@code name} ([A-Za-z0-9._-]+, not used yet in this snapshot). */
    public synchronized SnapshotFileWriter create(String name) throws IOException {
        requireBuilding();
        SnapshotName.requireFileName(name);
        if (files.containsKey(name)) {
            throw new IllegalArgumentException("snapshot " + partial + " already has a file \"" + name + "\"");
        }
        SnapshotFileWriter writer = SnapshotFileWriter.create(partial.resolve(name));
        files.put(name, writer);
        return writer;
    }

    /**
     * Closes the files still open (each close fsyncs its file), fsyncs the directory, renames
     * it to the snapshot's name and fsyncs the store. On failure the builder stays unfinished:
     * close or abandon it.
     *
     * @throws IOException also when a file failed while being written: its content is unknown
     */
    public synchronized Snapshot complete() throws IOException {
        requireBuilding();
        for (SnapshotFileWriter writer : files.values()) {
            if (writer.isWriting()) {
                writer.close();
            }
            if (!writer.isWhole()) {
                throw new IOException("snapshot file " + writer.path() + " failed while being written,"
                        + " so the snapshot at LSN " + lsn + " cannot be completed");
            }
        }
        SnapshotDirectories.sync(partial);
        Path complete = store.resolve(SnapshotName.of(lsn));
        Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
        // Complete from here on, even if the fsync below fails: the directory is whole and
        // abandoning must not delete it.
        state = State.COMPLETE;
        SnapshotDirectories.sync(store);
        return new Snapshot(lsn, complete);
    }

    /**
     * Deletes the partial snapshot, best effort: this runs on failure paths, so what goes wrong
     * here is logged rather than thrown over the original failure. What it leaves behind, the
     * next {@link SnapshotStore#open} removes. Does nothing once complete.
     */
    public synchronized void abandon() {
        if (state != State.BUILDING) {
            return;
        }
        state = State.ABANDONED;
        for (SnapshotFileWriter writer : files.values()) {
            try {
                writer.discard();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "abandoning snapshot " + partial + ": could not close "
                        + writer.path(), e);
            }
        }
        try {
            SnapshotDirectories.delete(partial);
        } catch (NoSuchFileException e) {
            // Already gone: nothing left to clean up.
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "abandoning snapshot " + partial + ": could not delete it;"
                    + " the next open of the snapshot store will", e);
        }
    }

    /** Abandons the snapshot unless it was completed. */
    @Override
    public void close() {
        abandon();
    }

    private void requireBuilding() {
        if (state != State.BUILDING) {
            throw new IllegalStateException("snapshot at LSN " + lsn + " is "
                    + (state == State.COMPLETE ? "complete already" : "abandoned"));
        }
    }
}
