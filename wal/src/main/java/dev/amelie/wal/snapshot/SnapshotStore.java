package dev.amelie.wal.snapshot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The directory of snapshots a checkpoint writes: {@code <lsn as 16 hex digits>/} for each
 * complete one, {@code <lsn>.partial/} while one is written (see {@link SnapshotBuilder}).
 * Other entries are left alone.
 *
 * <p>Thread-safe: it holds no state but the path. Opening it removes {@code .partial}
 * directories, so only one store may be open on a directory, as only one database may.
 */
public final class SnapshotStore {

    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());

    private final Path directory;

    private SnapshotStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens (creating if needed) the store in {@code directory} and deletes the {@code .partial}
     * directories left by checkpoints or removals that a crash interrupted.
     */
    public static SnapshotStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SnapshotName.PARTIAL_SUFFIX)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    leftovers.add(entry);
                }
            }
        }
        for (Path leftover : leftovers) {
            SnapshotDirectories.delete(leftover);
            LOG.log(System.Logger.Level.WARNING, "removed " + leftover
                    + ", the leftover of an interrupted checkpoint or snapshot removal");
        }
        return new SnapshotStore(directory);
    }

    public Path path() {
        return directory;
    }

    /** The complete snapshots, oldest (lowest LSN) first. */
    public List<Snapshot> all() throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                OptionalLong lsn = SnapshotName.parse(entry.getFileName().toString());
                if (lsn.isPresent() && Files.isDirectory(entry)) {
                    snapshots.add(new Snapshot(lsn.getAsLong(), entry));
                }
            }
        }
        snapshots.sort(Comparator.comparingLong(Snapshot::lsn));
        return snapshots;
    }

    /** The complete snapshot with the highest LSN, the one to start from. */
    public Optional<Snapshot> newest() throws IOException {
        List<Snapshot> snapshots = all();
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.getLast());
    }

    /**
     * Starts writing the snapshot as of {@code lsn}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if a snapshot at {@code lsn} is complete
     *     or being written
     */
    public SnapshotBuilder begin(long lsn) throws IOException {
        return SnapshotBuilder.begin(directory, lsn);
    }

    /**
     * Deletes the complete snapshots with an LSN below {@code lsn}, all of them if it is above
     * the newest. Each is first renamed to {@code .partial} and that rename made durable, so a
     * crash halfway through deleting its files never leaves something that looks complete.
     *
     * @return the number of snapshots deleted
     */
    public int removeOlderThan(long lsn) throws IOException {
        int removed = 0;
        for (Snapshot snapshot : all()) {
            if (snapshot.lsn() >= lsn) {
                break;
            }
            Path doomed = directory.resolve(SnapshotName.partialOf(snapshot.lsn()));
            Files.move(snapshot.directory(), doomed, StandardCopyOption.ATOMIC_MOVE);
            SnapshotDirectories.sync(directory);
            SnapshotDirectories.delete(doomed);
            removed++;
        }
        if (removed > 0) {
            SnapshotDirectories.sync(directory);
        }
        return removed;
    }
}
