package dev.amelie.bench;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.storage.Partition;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.type.SqlType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A point lookup by primary key in one compute {@link Partition} of a million pgbench_accounts
 * rows: the storage part of pgbench's select-only, without routing, executor or interpreter.
 * <ul>
 * <li>{@code get}: the map probe alone, with keys already normalized (boxed Longs made in setup);</li>
 * <li>{@code getByParameter}: what a LOOKUP does before its cursor: the key built from the
 * statement's int4 parameter ({@link RowKey#fromValues} widens it to a Long), then the probe.</li>
 * </ul>
 * Keys are drawn at random over the whole table, as pgbench draws aid, so most probes miss the
 * CPU caches as they do under load; {@code -prof gc} shows whether a lookup allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PartitionLookupBench {
    /** Enough random keys that the sequence does not settle in cache; a power of two for the mask. */
    private static final int KEYS = 1 << 16;

    @Param("1000000")
    public int rows;

    private Partition partition;
    private final Object[] normalizedKeys = new Object[KEYS];
    private final Object[][] parameterKeys = new Object[KEYS][];
    private int next;

    @Setup(Level.Trial)
    public void load() {
        TableDef accounts = new TableDef(1, "public", "pgbench_accounts", List.of(
                new ColumnDef("aid", SqlType.INTEGER, true),
                new ColumnDef("bid", SqlType.INTEGER, false),
                new ColumnDef("abalance", SqlType.INTEGER, false),
                new ColumnDef("filler", SqlType.TEXT, false)), new int[] {0});
        partition = new Partition(accounts);
        for (int aid = 1; aid <= rows; aid++) {
            Object[] row = {aid, (aid - 1) / 100_000 + 1, 0, ""};
            partition.put(RowKey.of(accounts, row), row);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < KEYS; i++) {
            int aid = 1 + random.nextInt(rows);
            normalizedKeys[i] = RowKey.fromValues(new Object[] {aid});
            parameterKeys[i] = new Object[] {aid};
        }
        if (partition.size() != rows || get() == null || getByParameter() == null) {
            throw new IllegalStateException("the partition does not hold the rows looked up");
        }
    }

    private int nextIndex() {
        int index = next;
        next = (next + 1) & (KEYS - 1);
        return index;
    }

    @Benchmark
    public Object[] get() {
        return partition.get(normalizedKeys[nextIndex()]);
    }

    @Benchmark
    public Object[] getByParameter() {
        return partition.get(RowKey.fromValues(parameterKeys[nextIndex()]));
    }
}
