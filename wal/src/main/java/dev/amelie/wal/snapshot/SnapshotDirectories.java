package dev.amelie.wal.snapshot;

import dev.amelie.wal.DurableFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the store and the builder do to directories: make their entries durable, delete them. */
final class SnapshotDirectories {

    private SnapshotDirectories() {
    }

    /** Fsyncs a directory, which makes the creation, renaming and removal of its entries durable. */
    static void sync(Path directory) throws IOException {
        DurableFiles.syncDirectory(directory);
    }

    /**
     * Deletes the regular files in {@code directory}, then the directory. Not recursive on
     * purpose: a snapshot holds only files, so anything else was put there by someone else and
     * the final delete fails on it rather than removing what we did not write.
     */
    static void delete(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    Files.delete(entry);
                }
            }
        }
        Files.delete(directory);
    }
}
