package dev.amelie.wal.record;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Puts frames into a buffer. Confined to one thread (the writer): it reuses its checksum state
 * so that encoding allocates nothing.
 */
public final class FrameEncoder {

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch = RecordFrame.checksumScratch();

    /** Appends one frame at {@code out}'s position; the caller has made room for it. */
    public void encode(long lsn, byte[] payload, ByteBuffer out) {
        int checksum = RecordFrame.checksum(crc, scratch, lsn, payload);
        out.order(RecordFrame.BYTE_ORDER)
                .putInt(payload.length)
                .putInt(checksum)
                .putLong(lsn)
                .put(payload);
    }
}
