package dev.amelie.wal.segment;

import java.nio.file.Path;

/** A segment file on disk and the LSN its name says it starts with. */
public record SegmentFile(Path path, long firstLsn) {

    public String fileName() {
        return path.getFileName().toString();
    }
}
