package dev.amelie.wal.snapshot;

import dev.amelie.wal.record.FrameEncoder;
import dev.amelie.wal.record.RecordFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one snapshot file: a sequence of blocks, the caller's opaque bytes, in the log's frame
 * format ({@link RecordFrame}) so both share one checksummed, length-prefixed encoding. The
 * frame's LSN field holds the block number instead, 1, 2, 3, …, so a lost or repeated block is
 * caught. The last frame is the end frame: number 0, payload the block count as a
 * little-endian u64. A file without it was not finished.
 *
 * <p>Blocks collect in a 1 MiB buffer and go out when it is full; the file is fsynced once, at
 * {@link #close()}, which is all a snapshot needs: it counts only once complete.
 *
 * <p>Confined to one thread at a time. After an IO failure the file is no good: later calls
 * throw, {@link #close()} only releases the file, and the snapshot cannot be completed.
 */
public final class SnapshotFileWriter implements AutoCloseable {

    static final int BUFFER_SIZE = 1 << 20;
    /** The end frame's number; blocks count from 1. */
    static final long END_FRAME = 0;
    static final int END_PAYLOAD_SIZE = Long.BYTES;

    private enum State { WRITING, CLOSED, FAILED }

    private final Path file;
    private final FileChannel channel;
    private final FrameEncoder encoder = new FrameEncoder();
    // Direct, as in the log's SegmentOutput: the channel would copy a heap buffer into one anyway.
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE).order(RecordFrame.BYTE_ORDER);
    private long blocks;
    private long bytesWritten;
    // Volatile: the builder may check it on another thread once the writing thread is done.
    private volatile State state = State.WRITING;

    private SnapshotFileWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Creates {@code file}, which must not exist yet. */
    static SnapshotFileWriter create(Path file) throws IOException {
        return new SnapshotFileWriter(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    public Path path() {
        return file;
    }

    /** Appends one block; the array is encoded at once and may be reused afterwards. */
    public void append(byte[] block) throws IOException {
        requireWriting();
        if (block.length > RecordFrame.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("a snapshot block holds at most " + RecordFrame.MAX_PAYLOAD_LENGTH
                    + " bytes, got " + block.length);
        }
        try {
            writeFrame(blocks + 1, block);
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        blocks++;
    }

    /** Blocks appended so far. */
    public long blocks() {
        return blocks;
    }

    /** Bytes of the file so far, counting those still buffered and, once closed, the end frame. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Writes the end frame and what is buffered, fsyncs and closes the file. Does nothing if
     * already closed; after a failure it only releases the file.
     */
    @Override
    public void close() throws IOException {
        switch (state) {
            case CLOSED -> {
                return;
            }
            case FAILED -> {
                channel.close();
                return;
            }
            case WRITING -> {
            }
        }
        try {
            byte[] count = ByteBuffer.allocate(END_PAYLOAD_SIZE).order(RecordFrame.BYTE_ORDER).putLong(0, blocks).array();
            writeFrame(END_FRAME, count);
            writeBuffered();
            channel.force(true);
            channel.close();
            state = State.CLOSED;
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Whether the file is finished: end frame written and fsynced. */
    boolean isWhole() {
        return state == State.CLOSED;
    }

    boolean isWriting() {
        return state == State.WRITING;
    }

    /** Releases the file without finishing it, for a snapshot being abandoned. */
    void discard() throws IOException {
        if (state == State.WRITING) {
            state = State.FAILED;
        }
        channel.close();
    }

    private void writeFrame(long number, byte[] payload) throws IOException {
        long frameSize = RecordFrame.frameSize(payload.length);
        if (frameSize > buffer.remaining()) {
            writeBuffered();
            if (frameSize > buffer.capacity()) {
                // A block bigger than the buffer goes out alone: keeping a buffer grown to fit it
                // would hold that memory for the rest of the file.
                ByteBuffer alone = ByteBuffer.allocateDirect((int) frameSize).order(RecordFrame.BYTE_ORDER);
                encoder.encode(number, payload, alone);
                writeFully(alone.flip());
                bytesWritten += frameSize;
                return;
            }
        }
        encoder.encode(number, payload, buffer);
        bytesWritten += frameSize;
    }

    private void writeBuffered() throws IOException {
        writeFully(buffer.flip());
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void requireWriting() {
        if (state != State.WRITING) {
            throw new IllegalStateException("snapshot file " + file + " is "
                    + (state == State.CLOSED ? "closed" : "unusable after a failed write"));
        }
    }
}
