package dev.amelie.wal.writer;

import dev.amelie.wal.WalFailedException;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.recovery.RecoveredLog;
import dev.amelie.wal.segment.SegmentDirectory;
import java.io.IOException;

/**
 * The one thread that writes the log, {@value #THREAD_NAME}. Each turn it takes everything
 * appended since the last turn, writes it, fsyncs once and completes the futures of the whole
 * group: the more appenders wait, the more records share one fsync.
 *
 * <p>Fail-stop: when a write or an fsync fails, nothing after the last successful fsync can be
 * trusted to be on disk (Linux may even drop the dirty pages of a failed fsync), so the writer
 * refuses all further appends and fails every waiting future, and the process has to recover
 * from the files. It never reports durable what it has not synced.
 */
public final class GroupCommitWriter {

    public static final String THREAD_NAME = "amelie-wal-writer";
    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    private final AppendQueue queue;
    private final DurabilityWaiters waiters;
    private final GroupCommitCounters counters;
    private final SegmentOutput output;
    private final boolean sync;
    private final Thread thread;

    /** Opens the recovered tail segment for appending; {@link #start()} starts the thread. */
    public GroupCommitWriter(AppendQueue queue, DurabilityWaiters waiters, GroupCommitCounters counters,
                             SegmentDirectory directory, RecoveredLog recovered, WalSettings settings)
            throws IOException {
        this.queue = queue;
        this.waiters = waiters;
        this.counters = counters;
        this.output = new SegmentOutput(directory, settings.segmentSize(), counters, recovered,
                directory.spare(settings.segmentSize()));
        this.sync = settings.sync();
        // Daemon: a process that exits without closing the log has acknowledged nothing unsynced.
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::run);
        queue.attachWriter(thread);
    }

    public void start() {
        thread.start();
    }

    /**
     * Waits for the thread to write what is queued and end; call after {@link AppendQueue#stop}.
     * A no-op on the writer thread itself (a future's callback closing the log), which would
     * otherwise wait for itself.
     */
    public void awaitTermination() {
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        RecordBatch spare = new RecordBatch();
        RecordBatch batch = null;
        try {
            while ((batch = queue.take(spare)) != null) {
                writeGroup(batch);
                batch.clear();
                spare = batch;
            }
            output.close();
            waiters.failAll(queue.stopReason());
        } catch (IOException | RuntimeException | Error e) {
            if (batch != null) {
                batch.clear();
                spare = batch;
            }
            stopAfter(e, spare);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void writeGroup(RecordBatch batch) throws IOException {
        long lsn = batch.firstLsn();
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            output.append(lsn + i, batch.payload(i));
            bytes += batch.payload(i).length;
        }
        output.flush(sync);
        counters.recordGroup(batch.size(), bytes);
        waiters.completeUpTo(batch.lastLsn());
    }

    private void stopAfter(Throwable failure, RecordBatch spare) {
        WalFailedException reason = WalFailedException.afterFailure(output.fileName(), failure);
        LOG.log(System.Logger.Level.ERROR, reason.getMessage() + "; last durable LSN "
                + waiters.durableLsn() + ", pending commits fail");
        queue.stop(reason);
        waiters.failAll(reason);
        for (RecordBatch dropped; (dropped = queue.take(spare)) != null; spare = dropped) {
            dropped.clear();
        }
        try {
            output.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
