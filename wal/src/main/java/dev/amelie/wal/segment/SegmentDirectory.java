package dev.amelie.wal.segment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** The directory that holds a log's segment files. Files with other names are left alone. */
public final class SegmentDirectory {

    private final Path directory;
    private final SegmentChannelFactory channels;

    private SegmentDirectory(Path directory, SegmentChannelFactory channels) {
        this.directory = directory;
        this.channels = channels;
    }

    /** Creates the directory if needed. */
    public static SegmentDirectory open(Path directory, SegmentChannelFactory channels) throws IOException {
        Files.createDirectories(directory);
        return new SegmentDirectory(directory, channels);
    }

    public Path path() {
        return directory;
    }

    /** The segments, in LSN order. */
    public List<SegmentFile> list() throws IOException {
        List<SegmentFile> segments = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SegmentName.SUFFIX)) {
            for (Path file : files) {
                OptionalLong firstLsn = SegmentName.parse(file.getFileName().toString());
                if (firstLsn.isPresent() && Files.isRegularFile(file)) {
                    segments.add(new SegmentFile(file, firstLsn.getAsLong()));
                }
            }
        }
        segments.sort(Comparator.comparing(SegmentFile::fileName));
        return segments;
    }

    /**
     * Creates the segment that starts at {@code firstLsn}, open for writing. The directory is
     * fsynced before returning: without that, a crash can lose the file's directory entry and
     * with it records that were fsynced into the file.
     */
    public FileChannel create(long firstLsn) throws IOException {
        Path file = directory.resolve(SegmentName.of(firstLsn));
        FileChannel channel = channels.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            syncDirectory();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** Opens an existing segment for writing at {@code end}, where recovery found its valid data ends. */
    public FileChannel reopen(SegmentFile segment, long end) throws IOException {
        FileChannel channel = channels.open(segment.path(), StandardOpenOption.WRITE);
        try {
            channel.position(end);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
