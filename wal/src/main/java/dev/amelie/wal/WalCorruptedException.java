package dev.amelie.wal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The log holds damage that a crash cannot explain (anything but a torn tail), so opening it
 * would silently lose committed transactions. An operator has to look: restore the segment from
 * a backup, or decide to cut the log by hand.
 */
public final class WalCorruptedException extends IOException {

    private final transient Path file;
    private final long offset;

    public WalCorruptedException(Path file, long offset, String problem) {
        super(file + " is corrupted at byte offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
