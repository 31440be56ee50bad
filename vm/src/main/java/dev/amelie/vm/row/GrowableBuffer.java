package dev.amelie.vm.row;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A heap byte buffer that grows as it is written; big-endian like ByteBuffer. */
public final class GrowableBuffer {
    private ByteBuffer buffer;

    public GrowableBuffer(int capacity) {
        buffer = ByteBuffer.allocate(Math.max(capacity, 16));
    }

    private void ensure(int more) {
        if (buffer.remaining() < more) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + more);
            ByteBuffer bigger = ByteBuffer.allocate(capacity);
            bigger.put(buffer.flip());
            buffer = bigger;
        }
    }

    public void put(byte b) {
        ensure(1);
        buffer.put(b);
    }

    public void put(byte[] bytes) {
        ensure(bytes.length);
        buffer.put(bytes);
    }

    public void putShort(short v) {
        ensure(2);
        buffer.putShort(v);
    }

    public void putInt(int v) {
        ensure(4);
        buffer.putInt(v);
    }

    public void putLong(long v) {
        ensure(8);
        buffer.putLong(v);
    }

    public int size() {
        return buffer.position();
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
