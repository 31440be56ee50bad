package dev.amelie.bench;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.program.Program;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A filter and an aggregate over a million rows ({@code select count(*), sum(b) from t where
 * a < 100}, one row in ten passing), planned by our planner:
 * <ul>
 * <li>{@code interpreter}: the pushdown section alone, one thread, over the rows as a partition
 * holds them: the interpreter's per-row cost (divide the time by {@code rows});</li>
 * <li>{@code engine}: the whole statement on the real engine: the executor sends the pushdown to
 * every compute node, each scans its partitions, the host combines the partial aggregates.</li>
 * </ul>
 * bench/README.md has the last numbers beside PostgreSQL 15's for the same table and query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FilterAggregateBench {
    static final String QUERY = "select count(*), sum(b) from t where a < 100";

    @Param("1000000")
    public int rows;

    @Param("2")
    public int computeNodes;

    private EmbeddedEngine engine;
    private Program program;
    private PartitionRows partition;

    @Setup(Level.Trial)
    public void load() throws Exception {
        engine = EmbeddedEngine.open(computeNodes);
        engine.createTable("create table t (id int primary key, a int not null, b bigint not null)");
        engine.execute("insert into t select g, g % 1000, g from generate_series(1, " + rows + ") g");
        program = ((PlannedStatement.Query) engine.planner().plan(QUERY, new dev.amelie.vm.type.SqlType[0])).program();
        if (program.pushdown() == null) {
            throw new IllegalStateException("expected a pushdown section:\n" + program.explain());
        }
        List<Object[]> stored = new ArrayList<>(rows);
        for (int g = 1; g <= rows; g++) {
            stored.add(new Object[] {g, g % 1000, (long) g});
        }
        partition = new PartitionRows(stored);
        long expected = rows / 1000 * 100;
        Object count = engine.run(program).getFirst()[0];
        if (((Number) count).longValue() != expected) {
            throw new IllegalStateException("count " + count + ", expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        engine.close();
    }

    @Benchmark
    public List<Object[]> interpreter() {
        partition.reset();
        Interpreter.run(program.pushdown(), partition);
        return partition.rowSet(0);
    }

    @Benchmark
    public List<Object[]> engine() throws Exception {
        return engine.run(program);
    }
}
