package dev.amelie.wal.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class RecordFrameTest {

    private static final byte[] PAYLOAD = "payload".getBytes(StandardCharsets.UTF_8);

    @Test
    void frameIsLengthChecksumLsnPayloadInLittleEndian() {
        byte[] frame = encode(42, PAYLOAD);

        ByteBuffer bytes = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(16 + PAYLOAD.length, frame.length);
        assertEquals(PAYLOAD.length, bytes.getInt(0));
        assertEquals(42, bytes.getLong(8));
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, 4);
        crc.update(frame, 8, 8 + PAYLOAD.length);
        assertEquals((int) crc.getValue(), bytes.getInt(4));
    }

    @Test
    void encodedFrameReadsBack() {
        byte[] frame = encode(42, PAYLOAD);
        FrameReader reader = new FrameReader(MemorySegment.ofArray(frame));

        assertEquals(FrameStatus.VALID, reader.read(0));
        assertEquals(42, reader.lsn());
        assertArrayEquals(PAYLOAD, reader.payload());
        assertEquals(frame.length, reader.nextOffset());
    }

    @Test
    void checksumCatchesADamagedLsnOrLength() {
        byte[] lsnDamaged = encode(42, PAYLOAD);
        lsnDamaged[8] ^= 1;
        assertEquals(FrameStatus.CHECKSUM_MISMATCH, new FrameReader(MemorySegment.ofArray(lsnDamaged)).read(0));

        byte[] lengthDamaged = encode(42, PAYLOAD);
        lengthDamaged[0] -= 1;
        assertEquals(FrameStatus.CHECKSUM_MISMATCH, new FrameReader(MemorySegment.ofArray(lengthDamaged)).read(0));
    }

    @Test
    void frameCutShortIsTruncated() {
        byte[] frame = encode(42, PAYLOAD);
        byte[] cut = Arrays.copyOf(frame, frame.length - 1);
        byte[] headerOnly = Arrays.copyOf(frame, 10);

        assertEquals(FrameStatus.TRUNCATED, new FrameReader(MemorySegment.ofArray(cut)).read(0));
        assertEquals(FrameStatus.TRUNCATED, new FrameReader(MemorySegment.ofArray(headerOnly)).read(0));
    }

    @Test
    void lengthNoFrameCouldHaveIsInvalid() {
        byte[] frame = encode(42, PAYLOAD);
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(0, -1);
        assertEquals(FrameStatus.LENGTH_INVALID, new FrameReader(MemorySegment.ofArray(frame)).read(0));
    }

    private static byte[] encode(long lsn, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(RecordFrame.HEADER_SIZE + payload.length);
        new FrameEncoder().encode(lsn, payload, out);
        return out.array();
    }
}
