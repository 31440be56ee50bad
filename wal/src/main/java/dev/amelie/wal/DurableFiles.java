package dev.amelie.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The two fsyncs everything that writes files here needs: a directory's (without it a crash can
 * lose the entry of a file that was itself fsynced) and a copied file's.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Fsyncs a directory, which makes the creation, renaming and removal of its entries durable. */
    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Copies a file and fsyncs the copy (not its directory); returns its size. */
    public static long copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
            channel.force(true);
            return channel.size();
        }
    }
}
