package dev.amelie.compute.checkpoint;

import java.time.Duration;

/**
 * When checkpoints run by themselves (SQL {@code CHECKPOINT} and {@code amelie checkpoint} run
 * one at any time).
 *
 * @param walSize a checkpoint starts once the WAL on disk grows past this many bytes (as
 *     PostgreSQL's {@code max_wal_size}); 0 turns the size trigger off
 * @param interval a checkpoint starts when this long has passed since the last one and the WAL
 *     moved meanwhile (as {@code checkpoint_timeout}); zero turns the time trigger off
 */
public record CheckpointSettings(long walSize, Duration interval) {

    public CheckpointSettings {
        if (walSize < 0 || interval.isNegative()) {
            throw new IllegalArgumentException("checkpoint settings must not be negative");
        }
    }

    public static CheckpointSettings defaults() {
        return new CheckpointSettings(1L << 30, Duration.ofMinutes(5));
    }

    public static CheckpointSettings never() {
        return new CheckpointSettings(0, Duration.ZERO);
    }
}
