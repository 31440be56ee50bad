package dev.amelie.compute.checkpoint;

import dev.amelie.wal.DurableFiles;
import dev.amelie.wal.snapshot.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An online backup: a fresh snapshot (so it holds every transaction committed before the backup
 * began) copied into a new directory while the database goes on serving, with an empty WAL
 * directory beside it and the configuration file. {@code amelie start --data DIR} on the copy
 * starts from that snapshot. The snapshot cannot be removed while it is copied (the checkpointer
 * is held), and its files never change once complete.
 */
public final class Backup {

    /** What a backup wrote. */
    public record Result(long snapshotLsn, long files, long bytes) {}

    private final Checkpointer checkpointer;
    private final Path dataDirectory;

    public Backup(Checkpointer checkpointer, Path dataDirectory) {
        this.checkpointer = checkpointer;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Copies into {@code target}, which must be an absolute path that does not exist yet or is an
     * empty directory.
     *
     * @throws IllegalArgumentException for a relative path or a non-empty target
     */
    public Result to(Path target) throws IOException {
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException("relative path not allowed for a backup: " + target);
        }
        Path normalized = target.normalize();
        if (normalized.startsWith(dataDirectory.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("a backup cannot go inside the data directory " + dataDirectory);
        }
        if (Files.exists(normalized)) {
            try (Stream<Path> entries = Files.list(normalized)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("backup directory \"" + normalized + "\" exists and is not empty");
                }
            }
        }
        long[] counts = new long[2];
        Snapshot snapshot = checkpointer.withFreshSnapshot(fresh -> {
            Path snapshotCopy = normalized.resolve("snapshot").resolve(fresh.directory().getFileName());
            Files.createDirectories(snapshotCopy);
            for (String file : fresh.files()) {
                counts[1] += DurableFiles.copy(fresh.directory().resolve(file), snapshotCopy.resolve(file));
                counts[0]++;
            }
            DurableFiles.syncDirectory(snapshotCopy);
            DurableFiles.syncDirectory(snapshotCopy.getParent());
        });
        Files.createDirectories(normalized.resolve("wal"));
        DurableFiles.syncDirectory(normalized.resolve("wal"));
        Path config = dataDirectory.resolve("amelie.conf");
        if (Files.isRegularFile(config)) {
            counts[1] += DurableFiles.copy(config, normalized.resolve("amelie.conf"));
            counts[0]++;
        }
        DurableFiles.syncDirectory(normalized);
        return new Result(snapshot.lsn(), counts[0], counts[1]);
    }
}
