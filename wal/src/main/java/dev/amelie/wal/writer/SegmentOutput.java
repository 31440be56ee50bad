package dev.amelie.wal.writer;

import dev.amelie.wal.record.FrameEncoder;
import dev.amelie.wal.record.RecordFrame;
import dev.amelie.wal.recovery.RecoveredLog;
import dev.amelie.wal.segment.SegmentDirectory;
import dev.amelie.wal.segment.SegmentName;
import dev.amelie.wal.segment.SpareSegment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The segment the writer appends to and the buffer frames are assembled in. Confined to the
 * writer thread.
 *
 * <p>A group's frames collect in one direct buffer (the channel would copy a heap buffer into a
 * temporary direct one anyway) and go out in as few writes as the buffer allows. The buffer grows
 * to hold a group up to {@link #MAX_GROWTH}; bigger groups are written in buffer-sized pieces,
 * and a single bigger frame grows it to fit.
 */
final class SegmentOutput implements AutoCloseable {

    private static final int INITIAL_CAPACITY = 64 << 10;
    private static final int MAX_GROWTH = 8 << 20;
    /**
     * Segments this large or larger are made from a spare, which is filled when a segment starts
     * or, for the first of a process, once it is half full (a recovered tail may be already);
     * once the spare is ready, a segment that was not made from one ends at the next record. A
     * log that never gets that far (a short test, an idle server) writes no zeros, and the tiny
     * segments of tests stay exactly their records.
     */
    static final long PREALLOCATED_FROM = 1 << 20;

    private final SegmentDirectory directory;
    private final long segmentSize;
    private final GroupCommitCounters counters;
    private final FrameEncoder encoder = new FrameEncoder();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL_CAPACITY).order(RecordFrame.BYTE_ORDER);
    private FileChannel channel;
    private String fileName = "(no segment yet)";
    /** Bytes in the current segment, counting those still in the buffer. */
    private long segmentBytes;
    /** The next segment's file, filled with zeros ahead (see SpareSegment). */
    private final SpareSegment spare;
    /** The current segment was a spare: it is longer than what was written to it. */
    private boolean preallocated;

    SegmentOutput(SegmentDirectory directory, long segmentSize, GroupCommitCounters counters, RecoveredLog recovered,
                  SpareSegment spare) throws IOException {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.counters = counters;
        this.spare = spare;
        if (recovered.tail() != null) {
            channel = directory.reopen(recovered.tail(), recovered.tailEnd());
            fileName = recovered.tail().fileName();
            segmentBytes = recovered.tailEnd();
            // The previous process may have run without sync, or died between write and fsync:
            // what recovery just replayed is only durable once this returns.
            channel.force(false);
        }
        // Without a tail the first append creates the segment named after its LSN, which after
        // a snapshot that is ahead of the log is the snapshot's LSN + 1.
    }

    /** The segment being written, for messages. */
    String fileName() {
        return fileName;
    }

    void append(long lsn, byte[] payload) throws IOException {
        long frameSize = RecordFrame.frameSize(payload.length);
        if (channel == null || segmentBytes > 0 && (segmentBytes + frameSize > segmentSize || !preallocated && spare.ready())) {
            // Full, or growing write by write while a spare waits: a segment may end early, the
            // log only needs its LSNs to go on in the next one's name.
            startSegment(lsn);
        }
        reserve(frameSize);
        encoder.encode(lsn, payload, buffer);
        segmentBytes += frameSize;
        if (segmentBytes >= segmentSize / 2 && segmentSize >= PREALLOCATED_FROM) {
            spare.prepare(); // a no-op while one is ready or being filled
        }
    }

    /** Writes what is buffered, then fsyncs if {@code sync}. */
    void flush(boolean sync) throws IOException {
        writeBuffered();
        if (sync && channel != null) {
            force();
        }
    }

    /**
     * The finished segment is fsynced even when sync is off: recovery relies on damage only
     * ever being at the end of the last segment.
     */
    private void startSegment(long firstLsn) throws IOException {
        boolean rollover = channel != null;
        if (rollover) {
            writeBuffered();
            cutPreallocation();
            force();
            channel.close();
            channel = null;
        }
        fileName = SegmentName.of(firstLsn);
        channel = spare.takeAs(firstLsn);
        preallocated = channel != null;
        if (channel == null) {
            channel = directory.create(firstLsn);
        }
        if (rollover && segmentSize >= PREALLOCATED_FROM) {
            spare.prepare(); // the log is moving: the next segment will be wanted
        }
        segmentBytes = 0;
    }

    /**
     * A segment the writer leaves ends where its records end: recovery takes zeros after the
     * last record for a torn write, which only the last segment may have.
     */
    private void cutPreallocation() throws IOException {
        if (preallocated) {
            channel.truncate(channel.position());
            preallocated = false;
        }
    }

    private void reserve(long frameSize) throws IOException {
        if (buffer.remaining() >= frameSize) {
            return;
        }
        long needed = buffer.position() + frameSize;
        if (needed > MAX_GROWTH && buffer.position() > 0) {
            writeBuffered();
            needed = frameSize;
            if (buffer.capacity() >= needed) {
                return;
            }
        }
        grow(needed);
    }

    private void grow(long needed) {
        long capacity = Math.min(Long.highestOneBit(needed - 1) << 1, Integer.MAX_VALUE);
        ByteBuffer larger = ByteBuffer.allocateDirect((int) Math.max(capacity, needed)).order(RecordFrame.BYTE_ORDER);
        buffer.flip();
        larger.put(buffer);
        buffer = larger;
    }

    private void writeBuffered() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
        if (buffer.capacity() > MAX_GROWTH) {
            // Grown for one record larger than any group (a COPY of millions of rows is one
            // transaction): keeping it would hold that much native memory for good.
            buffer = ByteBuffer.allocateDirect(INITIAL_CAPACITY).order(RecordFrame.BYTE_ORDER);
        }
    }

    private void force() throws IOException {
        long start = System.nanoTime();
        channel.force(false);
        counters.recordSync(System.nanoTime() - start);
    }

    @Override
    public void close() throws IOException {
        spare.close();
        if (channel != null) {
            try {
                // The zeros after the last record would read as a torn write at the next start.
                cutPreallocation();
                channel.force(false);
            } finally {
                channel.close();
                channel = null;
            }
        }
    }
}
