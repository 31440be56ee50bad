package dev.amelie.wal.snapshot;

import dev.amelie.wal.record.FrameReader;
import dev.amelie.wal.record.FrameStatus;
import dev.amelie.wal.record.RecordFrame;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the blocks of one snapshot file (format: {@link SnapshotFileWriter}) from a memory
 * mapping, checking every frame. A file is only known to be whole once {@link #next()} has
 * returned null: the end frame confirms the block count and nothing may follow it. Every
 * deviation throws {@link SnapshotCorruptedException}; there is no torn tail to forgive in a
 * file that was fsynced before its snapshot was completed.
 *
 * <p>One thread at a time. The mapping lives in a shared arena so that a file opened on one
 * thread may be read on another; {@link #close()} unmaps it.
 */
public final class SnapshotFileReader implements AutoCloseable {

    private final Path file;
    private final Arena arena;
    private final FrameReader frames;
    private final long size;
    private long offset;
    private long blocks;
    private boolean ended;
    private boolean closed;

    private SnapshotFileReader(Path file, Arena arena, MemorySegment bytes) {
        this.file = file;
        this.arena = arena;
        this.frames = new FrameReader(bytes);
        this.size = bytes.byteSize();
    }

    static SnapshotFileReader open(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // The mapping outlives the channel; an empty file has nothing to map.
            MemorySegment bytes = size == 0
                    ? MemorySegment.ofArray(new byte[0])
                    : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            return new SnapshotFileReader(file, arena, bytes);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Path path() {
        return file;
    }

    /**
     * The next block's bytes (a fresh array the caller may keep), or null once the end frame
     * has been read and checked; null again on later calls.
     *
     * @throws SnapshotCorruptedException naming the file and the byte offset of the damage
     */
    public byte[] next() throws SnapshotCorruptedException {
        if (closed) {
            throw new IllegalStateException("snapshot file " + file + " is closed");
        }
        if (ended) {
            return null;
        }
        if (offset == size) {
            throw damaged(offset, "the file ends after " + blocks + " blocks without its end frame");
        }
        FrameStatus status = frames.read(offset);
        if (status == FrameStatus.TRUNCATED) {
            throw damaged(offset, status.describe() + ": the file ends inside it, before the end frame");
        }
        if (status != FrameStatus.VALID) {
            throw damaged(offset, status.describe());
        }
        long number = frames.lsn();
        if (number == SnapshotFileWriter.END_FRAME) {
            checkEnd();
            ended = true;
            return null;
        }
        if (number != blocks + 1) {
            throw damaged(offset, "block number " + number + " where block " + (blocks + 1) + " was expected");
        }
        blocks++;
        offset = frames.nextOffset();
        return frames.payload();
    }

    /** Blocks returned so far. */
    public long blocksRead() {
        return blocks;
    }

    private void checkEnd() throws SnapshotCorruptedException {
        byte[] payload = frames.payload();
        if (payload.length != SnapshotFileWriter.END_PAYLOAD_SIZE) {
            throw damaged(offset, "end frame of " + payload.length + " bytes where "
                    + SnapshotFileWriter.END_PAYLOAD_SIZE + " were expected");
        }
        long count = ByteBuffer.wrap(payload).order(RecordFrame.BYTE_ORDER).getLong(0);
        if (count != blocks) {
            throw damaged(offset, "the end frame counts " + count + " blocks but " + blocks + " came before it");
        }
        if (frames.nextOffset() != size) {
            throw damaged(frames.nextOffset(), (size - frames.nextOffset()) + " bytes after the end frame");
        }
    }

    private SnapshotCorruptedException damaged(long at, String problem) {
        return new SnapshotCorruptedException(file, at, problem);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }
}
