package dev.amelie.wal.record;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Decodes frames from the bytes of one segment file. A cursor: {@link #read} decodes the frame
 * at an offset and, when it is valid, the accessors describe it until the next call.
 * Confined to one thread.
 */
public final class FrameReader {

    private final MemorySegment file;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch = RecordFrame.checksumScratch();

    private long lsn;
    private byte[] payload;
    private long nextOffset;

    public FrameReader(MemorySegment file) {
        this.file = file;
    }

    public long fileSize() {
        return file.byteSize();
    }

    public FrameStatus read(long offset) {
        long remaining = file.byteSize() - offset;
        if (remaining < RecordFrame.HEADER_SIZE) {
            return FrameStatus.TRUNCATED;
        }
        long length = Integer.toUnsignedLong(file.get(RecordFrame.U32, offset + RecordFrame.LENGTH_OFFSET));
        if (length > RecordFrame.MAX_PAYLOAD_LENGTH) {
            return FrameStatus.LENGTH_INVALID;
        }
        if (remaining - RecordFrame.HEADER_SIZE < length) {
            return FrameStatus.TRUNCATED;
        }
        int storedChecksum = file.get(RecordFrame.U32, offset + RecordFrame.CHECKSUM_OFFSET);
        long frameLsn = lsnAt(offset);
        byte[] bytes = file.asSlice(offset + RecordFrame.HEADER_SIZE, length).toArray(ValueLayout.JAVA_BYTE);
        if (RecordFrame.checksum(crc, scratch, frameLsn, bytes) != storedChecksum) {
            return FrameStatus.CHECKSUM_MISMATCH;
        }
        this.lsn = frameLsn;
        this.payload = bytes;
        this.nextOffset = offset + RecordFrame.HEADER_SIZE + length;
        return FrameStatus.VALID;
    }

    /**
     * The LSN field of a would-be frame at {@code offset}, unchecked: a cheap filter before
     * {@link #read} when scanning damaged bytes for a frame that survived.
     * The caller ensures a header fits.
     */
    public long lsnAt(long offset) {
        return file.get(RecordFrame.U64, offset + RecordFrame.LSN_OFFSET);
    }

    public long lsn() {
        return lsn;
    }

    public byte[] payload() {
        return payload;
    }

    public long nextOffset() {
        return nextOffset;
    }
}
