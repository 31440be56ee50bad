package dev.amelie.admin.metrics;

import dev.amelie.compute.Database;
import dev.amelie.compute.layout.ComputeAdmin;
import dev.amelie.pgwire.engine.DatabaseQueryEngine;
import dev.amelie.pgwire.engine.EngineMetrics;
import dev.amelie.pgwire.engine.LatencyHistogram;
import dev.amelie.pgwire.session.SessionRegistry;
import dev.amelie.wal.GroupCommitStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics. Nothing is counted here: every metric reads, at scrape time,
 * the counters the modules keep anyway (the WAL's group-commit stats, the compute nodes', the
 * engine's, the sessions'), so the metrics library stays out of the hot paths and out of every
 * module but this one.
 */
public final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    public ServerMetrics(Database database, DatabaseQueryEngine engine, SessionRegistry sessions) {
        EngineMetrics metrics = engine.metrics();
        ComputeAdmin compute = database.compute();

        GaugeWithCallback.builder().name("amelie_connections").help("Client connections by state, as pg_stat_activity.state.")
                .labelNames("state")
                .callback(cb -> sessions.connectionsByState().forEach((state, count) -> cb.call(count, state)))
                .register(registry);
        CounterWithCallback.builder().name("amelie_transactions").help("Client transactions by outcome: commit (durable; "
                        + "access says whether it wrote), rollback (ROLLBACK), error (ended by an error).")
                .labelNames("outcome", "access")
                .callback(cb -> {
                    cb.call(metrics.commitsWithWrites(), "commit", "write");
                    cb.call(metrics.readOnlyCommits(), "commit", "read");
                    cb.call(metrics.rollbacks(), "rollback", "");
                    cb.call(metrics.failedTransactions(), "error", "");
                })
                .register(registry);
        CounterWithCallback.builder().name("amelie_statements").help("Statements received.")
                .callback(cb -> cb.call(metrics.statements()))
                .register(registry);
        CounterWithCallback.builder().name("amelie_errors").help("Errors sent to clients, by SQLSTATE.")
                .labelNames("sqlstate")
                .callback(cb -> metrics.errorsBySqlState().forEach((state, count) -> cb.call(count, state)))
                .register(registry);
        CounterWithCallback.builder().name("amelie_serialization_failures").help("40001 sent to clients, by cause: "
                        + "replay_mismatch (a statement shows another result when the transaction runs again at COMMIT), other.")
                .labelNames("cause")
                .callback(cb -> metrics.serializationFailuresByCause().forEach((cause, count) -> cb.call(count, cause)))
                .register(registry);
        registry.register(() -> histogram("amelie_commit_latency_seconds",
                "From the message that commits to the durable acknowledgement.", metrics.commitLatency()));

        CounterWithCallback.builder().name("amelie_point_reads").help("Autocommit SELECTs of one key run by the key's node alone, "
                        + "with no transaction thread.")
                .callback(cb -> cb.call(metrics.pointReads())).register(registry);
        CounterWithCallback.builder().name("amelie_statements_sent_ahead").help("Statements whose node work was sent "
                        + "before the statement before them finished (consecutive key statements of a message or a replay).")
                .callback(cb -> cb.call(metrics.statementsSentAhead())).register(registry);
        CounterWithCallback.builder().name("amelie_messages_on_borrowed_nodes").help("Messages of key statements run by "
                        + "their IO thread on idle compute nodes it borrowed, with no transaction thread.")
                .callback(cb -> cb.call(metrics.messagesOnBorrowedNodes())).register(registry);
        CounterWithCallback.builder().name("amelie_messages_handed_to_nodes").help("Messages of key statements whose "
                        + "compute nodes were busy, queued on them and run by their threads, with no transaction thread.")
                .callback(cb -> cb.call(metrics.messagesHandedToNodes())).register(registry);
        CounterWithCallback.builder().name("amelie_plan_cache_hits").help("Statements planned from the plan cache (no Calcite).")
                .callback(cb -> cb.call(engine.planCache().hits())).register(registry);
        CounterWithCallback.builder().name("amelie_plan_cache_misses").help("Statements planned with Calcite.")
                .callback(cb -> cb.call(engine.planCache().misses())).register(registry);

        Supplier<GroupCommitStats> wal = () -> database.wal().stats();
        CounterWithCallback.builder().name("amelie_wal_records").help("WAL records written (one per committing transaction).")
                .callback(cb -> cb.call(wal.get().records())).register(registry);
        CounterWithCallback.builder().name("amelie_wal_bytes").help("Bytes of WAL record payloads written.")
                .callback(cb -> cb.call(wal.get().payloadBytes())).register(registry);
        CounterWithCallback.builder().name("amelie_wal_groups").help("Group commits (writes of one or more records).")
                .callback(cb -> cb.call(wal.get().groups())).register(registry);
        CounterWithCallback.builder().name("amelie_wal_fsyncs").help("fsync calls on WAL segments.")
                .callback(cb -> cb.call(wal.get().syncs())).register(registry);
        CounterWithCallback.builder().name("amelie_wal_fsync_seconds").help("Time spent in WAL fsync.")
                .callback(cb -> cb.call(wal.get().syncNanos() / 1e9)).register(registry);
        registry.register(() -> groupSizes(wal.get()));

        GaugeWithCallback.builder().name("amelie_compute_nodes").help("Compute nodes (ALTER COMPUTE changes them).")
                .callback(cb -> cb.call(database.computeNodes())).register(registry);
        GaugeWithCallback.builder().name("amelie_compute_queue_depth").help("Transactions queued on a compute node, not started.")
                .labelNames("node")
                .callback(cb -> compute.status().forEach(n -> cb.call(n.queueDepth(), n.uuid().toString())))
                .register(registry);
        CounterWithCallback.builder().name("amelie_compute_busy_seconds").help("Time a compute node spent in transactions' turns.")
                .labelNames("node")
                .callback(cb -> compute.status().forEach(n -> cb.call(n.busyNanos() / 1e9, n.uuid().toString())))
                .register(registry);
        CounterWithCallback.builder().name("amelie_compute_node_transactions").help("Transactions that had a turn on a compute node.")
                .labelNames("node")
                .callback(cb -> compute.status().forEach(n -> cb.call(n.transactions(), n.uuid().toString())))
                .register(registry);
        GaugeWithCallback.builder().name("amelie_compute_partitions").help("Contiguous hash-slot ranges a compute node owns.")
                .labelNames("node")
                .callback(cb -> compute.status().forEach(n -> cb.call(n.partitions(), n.uuid().toString())))
                .register(registry);
        GaugeWithCallback.builder().name("amelie_compute_hash_slots").help("Hash slots (of 4096) a compute node owns.")
                .labelNames("node")
                .callback(cb -> compute.status().forEach(n -> cb.call(n.hashSlots(), n.uuid().toString())))
                .register(registry);
        GaugeWithCallback.builder().name("amelie_compute_rows").help("Rows stored on a compute node, all tables.")
                .labelNames("node")
                .callback(cb -> compute.status().forEach(n -> cb.call(n.rows(), n.uuid().toString())))
                .register(registry);

        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    private static HistogramSnapshot histogram(String name, String help, LatencyHistogram latency) {
        double[] bounds = Arrays.copyOf(LatencyHistogram.bounds(), LatencyHistogram.bounds().length + 1);
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        ClassicHistogramBuckets buckets = ClassicHistogramBuckets.of(bounds, latency.counts());
        return new HistogramSnapshot(new MetricMetadata(name, help), List.of(new HistogramSnapshot.HistogramDataPointSnapshot(
                buckets, latency.sumSeconds(), Labels.EMPTY, Exemplars.EMPTY, 0)));
    }

    /** The WAL's power-of-two group-size buckets as a Prometheus histogram (le = 1, 3, 7, 15, …). */
    private static HistogramSnapshot groupSizes(GroupCommitStats stats) {
        long[] groups = stats.groupSizeHistogram();
        int used = 16; // groups of up to 65 535 records; larger ones land in +Inf
        double[] bounds = new double[used + 1];
        long[] counts = new long[used + 1];
        for (int i = 0; i < groups.length; i++) {
            counts[Math.min(i, used)] += groups[i];
        }
        for (int i = 0; i < used; i++) {
            bounds[i] = (1L << (i + 1)) - 1;
        }
        bounds[used] = Double.POSITIVE_INFINITY;
        return new HistogramSnapshot(new MetricMetadata("amelie_group_commit_size", "Records per group commit."),
                List.of(new HistogramSnapshot.HistogramDataPointSnapshot(ClassicHistogramBuckets.of(bounds, counts),
                        stats.records(), Labels.EMPTY, Exemplars.EMPTY, 0)));
    }
}
