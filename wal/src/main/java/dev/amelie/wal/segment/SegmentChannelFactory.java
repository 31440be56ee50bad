package dev.amelie.wal.segment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the channels the writer appends to. A seam: tests substitute channels that fail on
 * demand, the only dependable way to simulate a full disk (file permissions do not stop root).
 */
@FunctionalInterface
public interface SegmentChannelFactory {

    SegmentChannelFactory FILES = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}
