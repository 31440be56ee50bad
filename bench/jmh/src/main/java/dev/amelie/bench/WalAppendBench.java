package dev.amelie.bench;

import dev.amelie.compute.log.Change;
import dev.amelie.compute.log.ChangeCodec;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@link WriteAheadLog#append} of one pgbench tpcb commit record (the three UPDATEs and the
 * history INSERT as {@link ChangeCodec} encodes them, 150-odd bytes): the part of a commit that
 * runs on the committing thread. The log is real, in a temporary directory, with fsync on, and
 * its writer thread writes and fsyncs concurrently as in production.
 *
 * <p>The log only offers append, then wait for durability. Appending without waiting would queue
 * records faster than any disk takes them, so each invocation appends a group of {@value #GROUP}
 * records (as that many clients committing at once) and then waits until they are durable; the
 * wait is an invocation fixture, outside the measured time. The time per operation is therefore
 * the append alone: the lock, the LSN, the slot in the batch, and, once per group, waking the
 * parked writer. {@code gc.alloc.rate.norm} counts every thread, so it includes the writer and
 * the one durability future per group (a few bytes per record).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class WalAppendBench {
    static final int GROUP = 64;
    /** Small segments, so that the segments dropped after each iteration keep the disk use small. */
    private static final long SEGMENT_SIZE = 4L << 20;

    private Path directory;
    private WriteAheadLog wal;
    private byte[] record;
    private long lastLsn;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("amelie-jmh-wal");
        wal = WriteAheadLog.open(directory, new WalSettings(SEGMENT_SIZE, true), (lsn, payload) -> {});
        record = tpcbCommit();
    }

    /** pgbench's tpcb transaction for aid 73412 (branch 1, teller 7) as a commit logs it. */
    private static byte[] tpcbCommit() {
        int aid = 73_412;
        int bid = 1;
        int tid = 7;
        int delta = -2_187;
        return ChangeCodec.encode(List.of(
                new Change.Update(1, new Object[] {aid}, new Object[] {aid, bid, delta, ""}),
                new Change.Update(2, new Object[] {tid}, new Object[] {tid, bid, delta, null}),
                new Change.Update(3, new Object[] {bid}, new Object[] {bid, delta, null}),
                new Change.Insert(4, new Object[] {tid, bid, aid, delta, LocalDateTime.of(2024, 5, 17, 12, 34, 56, 789_012_000), null})));
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public long append() {
        long lsn = 0;
        for (int i = 0; i < GROUP; i++) {
            lsn = wal.append(record);
        }
        lastLsn = lsn;
        return lsn;
    }

    @TearDown(Level.Invocation)
    public void awaitDurable() {
        wal.whenDurable(lastLsn).join();
    }

    @TearDown(Level.Iteration)
    public void dropWrittenSegments() throws IOException {
        wal.removeSegmentsThrough(wal.durableLsn());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        System.out.println("\nrecord: " + record.length + " bytes, " + wal.stats());
        wal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
