package dev.amelie.wal.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A snapshot file is not exactly what its writer wrote. Unlike the end of the log, a snapshot
 * has no torn tail to forgive: it only becomes complete after every file was fsynced, so any
 * damage means lost data. Starting without the file would silently lose rows; an operator has
 * to look (restore the snapshot from a backup, or start from an older one and a log that
 * reaches back to it).
 */
public final class SnapshotCorruptedException extends IOException {

    private final transient Path file;
    private final long offset;

    public SnapshotCorruptedException(Path file, long offset, String problem) {
        super("snapshot file " + file + " is damaged at byte offset " + offset + ": " + problem
                + "; the database cannot start from it");
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
