package dev.amelie.bench;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * pgbench's select-only statement as {@code -M simple} sends it, from the text to the result
 * row, with the plan already cached (no Calcite on this path):
 * <ul>
 * <li>{@code planCacheHit}: normalize the text, look the shape up, convert the constant: what
 * the host does before it can run anything;</li>
 * <li>{@code pointSelect}: that, then the executor routes the program to the one node owning
 * the key, which looks the row up, and the read-only transaction ends (the general path: the
 * node's thread runs the read, the caller waits for it);</li>
 * <li>{@code pointRead}: the same statement as the server runs a lone autocommit point SELECT
 * ({@code Transaction.runPointRead}): the calling thread borrows the idle node and reads the
 * partition itself, waking no thread.</li>
 * </ul>
 * Texts cycle over 4096 keys so that the normalizer sees different constants, as under pgbench.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CachedPointSelectBench {
    private static final int TEXTS = 4096;

    @Param("100000")
    public int accounts;

    @Param("2")
    public int computeNodes;

    private EmbeddedEngine engine;
    private Planner planner;
    private final String[] texts = new String[TEXTS];
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        engine = EmbeddedEngine.open(computeNodes);
        engine.createTable("create table pgbench_accounts (aid int not null primary key, bid int, abalance int, filler char(84))");
        engine.execute("insert into pgbench_accounts select g, (g - 1) / 100000 + 1, 0, '' from generate_series(1, " + accounts + ") g");
        planner = engine.planner();
        for (int i = 0; i < TEXTS; i++) {
            texts[i] = "SELECT abalance FROM pgbench_accounts WHERE aid = " + (1 + (long) i * 7919 % accounts);
        }
        long misses = planner.planCache().misses();
        for (String text : texts) {
            if (engine.execute(text).size() != 1) {
                throw new IllegalStateException("no row for " + text);
            }
        }
        if (planner.planCache().misses() - misses > 1) {
            throw new IllegalStateException("the statements did not share one cached plan");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        engine.close();
    }

    private String nextText() {
        String text = texts[next];
        next = (next + 1) & (TEXTS - 1);
        return text;
    }

    @Benchmark
    public Planner.SimplePlan planCacheHit() {
        return planner.planSimple(nextText());
    }

    @Benchmark
    public List<Object[]> pointRead() throws Exception {
        Planner.SimplePlan plan = planner.planSimple(nextText());
        return engine.pointRead(((PlannedStatement.Query) plan.plan()).program(), plan.parameters());
    }

    @Benchmark
    public List<Object[]> pointSelect() throws Exception {
        Planner.SimplePlan plan = planner.planSimple(nextText());
        return engine.run(((PlannedStatement.Query) plan.plan()).program(), plan.parameters());
    }
}
