package dev.amelie.wal.record;

import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The on-disk shape of one log record. Integers are little-endian, the native order of every
 * machine we run on:
 * <pre>
 * offset  0  u32  payload length in bytes
 * offset  4  u32  CRC32C over the length, the LSN and the payload (bytes 0-3, 8-15, 16-…)
 * offset  8  u64  LSN
 * offset 16       payload
 * </pre>
 * The checksum covers the length and the LSN too, so a torn write that happens to leave a
 * plausible header is still caught. It skips its own field because it cannot cover itself.
 * Frames follow each other with no padding; a segment file is nothing but frames.
 */
public final class RecordFrame {

    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    public static final int HEADER_SIZE = 16;
    /** Keeps a frame within one direct buffer and one Java array. */
    public static final int MAX_PAYLOAD_LENGTH = Integer.MAX_VALUE - 64;

    static final int LENGTH_OFFSET = 0;
    static final int CHECKSUM_OFFSET = 4;
    static final int LSN_OFFSET = 8;

    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(BYTE_ORDER);
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(BYTE_ORDER);

    /** Length and LSN, laid out back to back as the checksum sees them. */
    static final int CHECKSUMMED_HEADER_SIZE = 12;

    private RecordFrame() {
    }

    public static long frameSize(int payloadLength) {
        return HEADER_SIZE + (long) payloadLength;
    }

    /**
     * CRC32C of a frame. {@code scratch} is a reusable heap buffer of at least 12 bytes, so that
     * checksumming allocates nothing.
     */
    static int checksum(CRC32C crc, ByteBuffer scratch, long lsn, byte[] payload) {
        scratch.clear();
        scratch.order(BYTE_ORDER).putInt(payload.length).putLong(lsn);
        crc.reset();
        crc.update(scratch.array(), 0, CHECKSUMMED_HEADER_SIZE);
        crc.update(payload);
        return (int) crc.getValue();
    }

    static ByteBuffer checksumScratch() {
        return ByteBuffer.allocate(CHECKSUMMED_HEADER_SIZE).order(BYTE_ORDER);
    }
}
