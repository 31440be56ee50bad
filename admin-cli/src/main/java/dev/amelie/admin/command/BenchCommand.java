package dev.amelie.admin.command;

import dev.amelie.admin.bench.BenchOptions;
import dev.amelie.admin.bench.BenchRun;
import dev.amelie.admin.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code amelie bench}: our own load generator over the PostgreSQL protocol (pgjdbc, extended
 * protocol with server-side prepared statements), as Amelie's {@code bench} and pgbench.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load the running server: TPS with p50/p99/p999 latency, a progress line every second.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ServerConnection server;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME", defaultValue = "tpcb",
            description = "tpcb (pgbench's transaction, 7 round trips), tpcb-batched (--batch transactions per message), "
                    + "insert, upsert, point-select (default tpcb).")
    String workload;

    @Option(names = {"-c", "--clients"}, paramLabel = "N", defaultValue = "8", description = "Connections, one thread each (default 8).")
    int clients;

    @Option(names = {"-T", "--duration"}, paramLabel = "SECONDS", defaultValue = "10", description = "How long (default 10).")
    int seconds;

    @Option(names = {"-b", "--batch"}, paramLabel = "N", defaultValue = "10",
            description = "Transactions per message (tpcb-batched), rows per statement (insert, upsert); default 10.")
    int batch;

    @Option(names = {"-s", "--scale"}, paramLabel = "N", defaultValue = "1",
            description = "pgbench scale for tpcb when its tables are missing (default 1).")
    int scale;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "100000", description = "Rows of the key-value table (default 100000).")
    int keys;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || batch < 1 || scale < 1 || keys < batch) {
            System.err.println("amelie bench: clients, duration, batch and scale must be positive, and keys at least batch");
            return 2;
        }
        BenchOptions options = new BenchOptions(clients, Duration.ofSeconds(seconds), batch, scale, keys);
        Workload chosen = Workload.named(workload, options);
        System.out.printf("amelie bench: %s, %d clients, %d s%s%n", workload, clients, seconds,
                workload.equals("tpcb-batched") || workload.equals("insert") || workload.equals("upsert") ? ", batch " + batch : "");
        BenchRun.Summary summary = new BenchRun(chosen, options, server::openPrepared, System.out).run();
        var latency = summary.latency();
        System.out.printf("transactions: %d in %.1f s (%d round trips)%n", summary.transactions(), summary.seconds(),
                summary.roundTrips());
        System.out.printf("tps = %.1f%n", summary.tps());
        System.out.printf("latency per round trip: p50 %.3f ms, p99 %.3f ms, p999 %.3f ms, max %.3f ms%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0);
        System.out.printf("retried (40001): %d; errors: %s%n", summary.retries(),
                summary.errors().isEmpty() ? "none" : summary.errors());
        return summary.errors().isEmpty() ? 0 : 1;
    }
}
