package dev.amelie.wal;

/** Consumer of replayed records, in LSN order. */
@FunctionalInterface
public interface RecordConsumer {

    /** Receives one record; {@code payload} is a fresh array the consumer may keep. */
    void accept(long lsn, byte[] payload);
}
