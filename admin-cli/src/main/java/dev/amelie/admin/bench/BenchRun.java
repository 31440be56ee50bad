package dev.amelie.admin.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a workload's clients, one thread and one connection each, for a duration; records the
 * latency of every round trip (HdrHistogram, microseconds), prints a progress line every second
 * and a summary at the end. A serialization failure (40001) is retried, as pgbench
 * {@code --max-tries} does, and counted; any other error is counted by SQLSTATE.
 */
public final class BenchRun {
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

    /** What a run measured. */
    public record Summary(long transactions, long roundTrips, double seconds, long retries, Map<String, Long> errors,
                          Histogram latency) {
        public double tps() {
            return transactions / seconds;
        }
    }

    public interface ConnectionSource {
        Connection open() throws Exception;
    }

    private final Workload workload;
    private final BenchOptions options;
    private final ConnectionSource connections;
    private final PrintStream out;

    public BenchRun(Workload workload, BenchOptions options, ConnectionSource connections, PrintStream out) {
        this.workload = workload;
        this.options = options;
        this.connections = connections;
        this.out = out;
    }

    public Summary run() throws Exception {
        try (Connection setup = connections.open()) {
            workload.prepare(setup);
        }
        Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
        LongAdder transactions = new LongAdder();
        LongAdder roundTrips = new LongAdder();
        LongAdder retries = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<Connection> opened = new ArrayList<>();
        List<Workload.Client> clients = new ArrayList<>();
        try {
            for (int c = 0; c < options.clients(); c++) {
                Connection connection = connections.open();
                opened.add(connection);
                clients.add(workload.client(connection, c));
            }
            long started = System.nanoTime();
            long end = started + options.duration().toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                Workload.Client client = clients.get(c);
                threads.add(Thread.ofPlatform().name("amelie-bench-" + c).start(() -> {
                    while (System.nanoTime() < end) {
                        long begin = System.nanoTime();
                        try {
                            int committed = client.runOnce();
                            recorder.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - begin) / 1000));
                            transactions.add(committed);
                            roundTrips.increment();
                        } catch (SQLException e) {
                            if ("40001".equals(e.getSQLState())) {
                                retries.increment();
                            } else {
                                errors.computeIfAbsent(String.valueOf(e.getSQLState()), s -> new LongAdder()).increment();
                                if (e.getSQLState() == null || e.getSQLState().startsWith("08")) {
                                    return; // the connection is gone
                                }
                            }
                        }
                    }
                }));
            }
            Histogram total = new Histogram(MAX_LATENCY_MICROS, 3);
            Histogram interval = null;
            long lastTransactions = 0;
            long lastReport = started;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                for (Thread thread : threads) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(lastReport + 1_000_000_000L - System.nanoTime())));
                    if (System.nanoTime() >= lastReport + 1_000_000_000L) {
                        break;
                    }
                }
                long now = System.nanoTime();
                if (now >= lastReport + 1_000_000_000L) {
                    interval = recorder.getIntervalHistogram(interval);
                    total.add(interval);
                    long done = transactions.sum();
                    out.printf("progress: %4.0f s, %9.1f tps, p50 %7.3f ms, p99 %7.3f ms, retries %d%n",
                            (now - started) / 1e9, (done - lastTransactions) * 1e9 / (now - lastReport),
                            interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0, retries.sum());
                    lastTransactions = done;
                    lastReport = now;
                }
            }
            total.add(recorder.getIntervalHistogram());
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> errorCounts = new TreeMap<>();
            errors.forEach((state, count) -> errorCounts.put(state, count.sum()));
            return new Summary(transactions.sum(), roundTrips.sum(), seconds, retries.sum(), errorCounts, total);
        } finally {
            for (Connection connection : opened) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing after a failed run: nothing more to report
                }
            }
        }
    }
}
