package dev.amelie.wal;

import dev.amelie.wal.record.RecordFrame;
import dev.amelie.wal.recovery.LogRecovery;
import dev.amelie.wal.recovery.RecoveredLog;
import dev.amelie.wal.segment.SegmentChannelFactory;
import dev.amelie.wal.segment.SegmentDirectory;
import dev.amelie.wal.writer.AppendQueue;
import dev.amelie.wal.writer.DurabilityWaiters;
import dev.amelie.wal.writer.GroupCommitCounters;
import dev.amelie.wal.writer.GroupCommitWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The write-ahead log: records in, LSNs out, a future per LSN that completes once the record is
 * durable.
 *
 * <p>Threads: {@link #append} and {@link #whenDurable} may be called from any thread and never
 * block on IO. One thread, {@value GroupCommitWriter#THREAD_NAME}, writes and fsyncs; the
 * futures complete on it, so their callbacks must hand off quickly (post to an inbox) and never
 * block, or they hold up every commit behind them.
 *
 * <p>Files: see {@link RecordFrame} for a record's bytes and
 * {@link dev.amelie.wal.segment.SegmentName} for segment names. A snapshot
 * ({@link dev.amelie.wal.snapshot.SnapshotStore}) lets the log start later: open it with the
 * snapshot's LSN, and drop the segments it covers with {@link #removeSegmentsThrough}.
 */
public final class WriteAheadLog implements AutoCloseable {

    private final SegmentDirectory segments;
    private final AppendQueue queue;
    private final DurabilityWaiters waiters;
    private final GroupCommitCounters counters;
    private final GroupCommitWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WriteAheadLog(SegmentDirectory segments, AppendQueue queue, DurabilityWaiters waiters,
                          GroupCommitCounters counters, GroupCommitWriter writer) {
        this.segments = segments;
        this.queue = queue;
        this.waiters = waiters;
        this.counters = counters;
        this.writer = writer;
    }

    /**
     * Opens (creating if needed) the log in {@code directory}, replays every valid record to
     * {@code replay} in LSN order on the calling thread, cuts a torn tail, then starts the writer
     * thread.
     *
     * @throws WalCorruptedException (message names the file and byte offset) for damage that is
     *     not a torn tail; records before it may have been replayed already
     */
    public static WriteAheadLog open(Path directory, WalSettings settings, RecordConsumer replay) throws IOException {
        return open(directory, settings, 0, replay);
    }

    /**
     * As {@link #open(Path, WalSettings, RecordConsumer)} for a database restored from a snapshot
     * that holds every record up to {@code startAfterLsn}: only later records are replayed (the
     * earlier ones are still read and checksummed), the log may start at any LSN from 1 to
     * {@code startAfterLsn + 1}, and the next LSN is one past the last record or past
     * {@code startAfterLsn}, whichever is higher. An empty directory is fine.
     *
     * @throws WalCorruptedException also when the log starts after {@code startAfterLsn + 1}:
     *     records between the snapshot and the log are missing
     */
    public static WriteAheadLog open(Path directory, WalSettings settings, long startAfterLsn, RecordConsumer replay)
            throws IOException {
        return open(directory, settings, startAfterLsn, replay, SegmentChannelFactory.FILES);
    }

    /** As {@link #open(Path, WalSettings, long, RecordConsumer)}, writing through {@code channels}: the test seam for IO failures. */
    static WriteAheadLog open(Path directory, WalSettings settings, long startAfterLsn, RecordConsumer replay,
                              SegmentChannelFactory channels) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(replay, "replay");
        SegmentDirectory segments = SegmentDirectory.open(directory, channels);
        RecoveredLog recovered = LogRecovery.replay(segments, startAfterLsn, replay);
        AppendQueue queue = new AppendQueue(recovered.lastLsn());
        DurabilityWaiters waiters = new DurabilityWaiters(recovered.lastLsn());
        GroupCommitCounters counters = new GroupCommitCounters();
        GroupCommitWriter writer = new GroupCommitWriter(queue, waiters, counters, segments, recovered, settings);
        writer.start();
        return new WriteAheadLog(segments, queue, waiters, counters, writer);
    }

    /**
     * Assigns the next LSN (1, 2, 3, …, continuing after the last replayed record), queues the
     * record and returns the LSN. Thread-safe; the order of calls is the order in the log. Never
     * blocks on IO. The array is kept, not copied: the caller must not change it afterwards.
     *
     * @throws WalFailedException once the log has failed or been closed
     */
    public long append(byte[] payload) {
        if (payload.length > RecordFrame.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("a WAL record holds at most " + RecordFrame.MAX_PAYLOAD_LENGTH
                    + " bytes, got " + payload.length);
        }
        return queue.append(payload);
    }

    /**
     * Completes when every record up to and including {@code lsn} is durable (fsynced, or written
     * when sync is off), at once if it already is or if {@code lsn <= 0}. Completes exceptionally
     * with {@link WalFailedException} if the log failed (or closed) before that. Completes on the
     * writer thread unless already done: callbacks must not block.
     */
    public CompletableFuture<Void> whenDurable(long lsn) {
        return waiters.whenDurable(lsn);
    }

    public long lastAppendedLsn() {
        return queue.lastLsn();
    }

    public long durableLsn() {
        return waiters.durableLsn();
    }

    /**
     * Deletes the segment files all of whose records have an LSN up to {@code lsn}, once a
     * snapshot holds them; the last segment always stays. Any thread, while the writer runs:
     * the writer only touches the last segment. Reopen with a {@code startAfterLsn} of at least
     * {@code lsn} afterwards, since the log no longer starts at LSN 1.
     *
     * @return the number of segment files deleted
     */
    public long removeSegmentsThrough(long lsn) throws IOException {
        return segments.removeThrough(lsn);
    }

    /** Total bytes of the segment files now. */
    public long sizeOnDisk() throws IOException {
        return segments.sizeOnDisk();
    }

    /** Group-commit statistics so far. */
    public GroupCommitStats stats() {
        return counters.snapshot();
    }

    /**
     * Writes and syncs what is queued, stops the writer thread and closes the files. Appends
     * racing with close either make it into the log or throw. Idempotent. A failure while writing
     * the last group is logged and fails its futures, it is not thrown from here.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.stop(WalFailedException.closed());
        writer.awaitTermination();
    }
}
