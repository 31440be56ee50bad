package dev.amelie.wal.writer;

import java.util.Arrays;

/**
 * Records with consecutive LSNs: the first LSN and the payloads in order. Filled under
 * {@link AppendQueue}'s lock, then owned by the writer thread until it hands the emptied batch
 * back. Arrays grow and are kept, so a steady state allocates nothing.
 */
final class RecordBatch {

    private byte[][] payloads = new byte[256][];
    private int size;
    private long firstLsn;

    void add(long lsn, byte[] payload) {
        if (size == 0) {
            firstLsn = lsn;
        } else if (size == payloads.length) {
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        payloads[size++] = payload;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long firstLsn() {
        return firstLsn;
    }

    long lastLsn() {
        return firstLsn + size - 1;
    }

    byte[] payload(int index) {
        return payloads[index];
    }

    /** Drops the payload references so written records can be collected. */
    void clear() {
        Arrays.fill(payloads, 0, size, null);
        size = 0;
    }
}
