package dev.amelie.compute.checkpoint;

import dev.amelie.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Starts checkpoints by WAL size and by time ({@link CheckpointSettings}), on a thread of its
 * own that looks once a second. A failed checkpoint is logged and tried again at the next
 * trigger: the WAL still holds everything, so nothing is at risk, only disk space.
 */
public final class CheckpointSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    private static final long LOOK_EVERY_MILLIS = 1_000;

    private final Checkpointer checkpointer;
    private final WriteAheadLog wal;
    private final CheckpointSettings settings;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastCheckpointNanos = System.nanoTime();

    public CheckpointSchedule(Checkpointer checkpointer, WriteAheadLog wal, CheckpointSettings settings) {
        this.checkpointer = checkpointer;
        this.wal = wal;
        this.settings = settings;
        this.thread = Thread.ofPlatform().name("amelie-checkpoint").daemon(true).unstarted(this::loop);
    }

    public void start() {
        if (settings.walSize() > 0 || !settings.interval().isZero()) {
            thread.start();
        }
    }

    /** Stops looking; a checkpoint under way finishes first. */
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        if (thread.isAlive()) {
            thread.join(TimeUnit.MINUTES.toMillis(5));
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(LOOK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                String reason = due();
                if (reason == null) {
                    continue;
                }
                LOG.info("checkpoint starting: {}", reason);
                checkpointer.checkpoint();
            } catch (IOException | RuntimeException e) {
                LOG.error("checkpoint failed (the WAL keeps everything; will try again): {}", e.toString());
            }
            lastCheckpointNanos = System.nanoTime();
        }
    }

    private String due() throws IOException {
        if (wal.lastAppendedLsn() == checkpointer.lastSnapshotLsn()) {
            return null;
        }
        if (settings.walSize() > 0) {
            long size = wal.sizeOnDisk();
            if (size >= settings.walSize()) {
                return "reason=wal_size wal_bytes=" + size;
            }
        }
        if (!settings.interval().isZero() && System.nanoTime() - lastCheckpointNanos >= settings.interval().toNanos()) {
            return "reason=time";
        }
        return null;
    }
}
