package dev.amelie.wal.segment;

import dev.amelie.wal.DurableFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The directory that holds a log's segment files. Files with other names are left alone.
 *
 * <p>Thread-safe: it holds no state but the path. The writer thread creates segments and
 * appends to the last one; any thread may list, measure or remove the older ones.
 */
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
            DurableFiles.syncDirectory(directory);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** The spare file new segments of {@code size} bytes are made from (see {@link SpareSegment}). */
    public SpareSegment spare(long size) {
        return new SpareSegment(this, size, channels);
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

    /**
     * Deletes, oldest first, the segments all of whose records have an LSN up to {@code lsn}: a
     * segment's records end where the next segment starts, so a segment may go once a following
     * one starts at {@code lsn + 1} or before. The last segment always stays, even when every
     * record in it is covered: the writer appends to it, and a segment it has left behind is
     * closed, because it creates the next one only after finishing the previous one.
     *
     * <p>Oldest first, so that a crash in the middle leaves a log without holes, as if the
     * call had been made with a smaller LSN.
     *
     * @return the number of files deleted
     */
    public long removeThrough(long lsn) throws IOException {
        List<SegmentFile> segments = list();
        long removed = 0;
        // firstLsn - 1 <= lsn rather than firstLsn <= lsn + 1: the latter overflows for Long.MAX_VALUE.
        for (int i = 0; i + 1 < segments.size() && segments.get(i + 1).firstLsn() - 1 <= lsn; i++) {
            // deleteIfExists: a concurrent call may have removed it already.
            if (Files.deleteIfExists(segments.get(i).path())) {
                removed++;
            }
        }
        if (removed > 0) {
            DurableFiles.syncDirectory(directory);
        }
        return removed;
    }

    /** Total bytes of the segment files now, including what the writer has written but not fsynced. */
    public long sizeOnDisk() throws IOException {
        long total = 0;
        for (SegmentFile segment : list()) {
            try {
                total += Files.size(segment.path());
            } catch (NoSuchFileException e) {
                // Removed by a concurrent removeThrough after the listing: it takes no space.
            }
        }
        return total;
    }
}
