package dev.amelie.wal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A complete snapshot: the database as of {@code lsn}, in the files of {@code directory}. What
 * the files hold is the caller's business; each is a sequence of blocks (see
 * {@link SnapshotFileWriter}).
 *
 * @param lsn every log record up to this LSN is in the snapshot
 * @param directory the snapshot's directory, named after {@code lsn}
 */
public record Snapshot(long lsn, Path directory) {

    /** The names of the snapshot's files, sorted. */
    public List<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** Opens one of {@link #files()} to read its blocks. */
    public SnapshotFileReader open(String name) throws IOException {
        return SnapshotFileReader.open(directory.resolve(SnapshotName.requireFileName(name)));
    }
}
