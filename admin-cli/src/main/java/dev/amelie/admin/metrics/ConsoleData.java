package dev.amelie.admin.metrics;

import dev.amelie.compute.Database;
import dev.amelie.compute.layout.ComputeAdmin;
import dev.amelie.pgwire.engine.DatabaseQueryEngine;
import dev.amelie.pgwire.engine.EngineMetrics;
import dev.amelie.pgwire.engine.LatencyHistogram;
import dev.amelie.pgwire.engine.StatementStats;
import dev.amelie.pgwire.session.SessionRegistry;
import dev.amelie.wal.GroupCommitStats;

import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the console page shows, as JSON: running totals only (the page turns two polls into
 * rates and percentiles), so any number of open pages cost the server the same.
 */
public final class ConsoleData {
    private final Database database;
    private final EngineMetrics metrics;
    private final StatementStats statements;
    private final SessionRegistry sessions;
    private final long started = System.currentTimeMillis();

    public ConsoleData(Database database, DatabaseQueryEngine engine, SessionRegistry sessions) {
        this.database = database;
        this.metrics = engine.metrics();
        this.statements = engine.statementStats();
        this.sessions = sessions;
    }

    public String json() {
        StringBuilder out = new StringBuilder(2048).append('{');
        field(out, "time_ms", String.valueOf(System.currentTimeMillis())).append(',');
        field(out, "started_ms", String.valueOf(started)).append(',');
        StringJoiner nodes = new StringJoiner(",", "[", "]");
        for (ComputeAdmin.NodeStatus node : database.compute().status()) {
            nodes.add("{\"node\":\"" + node.uuid() + "\",\"thread\":\"" + node.thread() + "\",\"partitions\":" + node.partitions()
                    + ",\"hash_slots\":" + node.hashSlots() + ",\"rows\":" + node.rows() + ",\"transactions\":"
                    + node.transactions() + ",\"queue_depth\":" + node.queueDepth() + ",\"busy_seconds\":"
                    + node.busyNanos() / 1e9 + "}");
        }
        field(out, "nodes", nodes.toString()).append(',');
        field(out, "commits", String.valueOf(metrics.commitsWithWrites() + metrics.readOnlyCommits())).append(',');
        field(out, "commits_with_writes", String.valueOf(metrics.commitsWithWrites())).append(',');
        field(out, "errors", String.valueOf(metrics.failedTransactions())).append(',');
        LatencyHistogram latency = metrics.commitLatency();
        field(out, "latency_bounds_seconds", Arrays.toString(LatencyHistogram.bounds())).append(',');
        field(out, "latency_counts", Arrays.toString(latency.counts())).append(',');
        GroupCommitStats wal = database.wal().stats();
        field(out, "group_sizes", Arrays.toString(wal.groupSizeHistogram())).append(',');
        field(out, "wal_records", String.valueOf(wal.records())).append(',');
        field(out, "wal_groups", String.valueOf(wal.groups())).append(',');
        StringJoiner states = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, Integer> state : sessions.connectionsByState().entrySet()) {
            states.add("\"" + state.getKey() + "\":" + state.getValue());
        }
        field(out, "connections", states.toString()).append(',');
        StringJoiner slowest = new StringJoiner(",", "[", "]");
        for (StatementStats.Entry entry : statements.slowest(10)) {
            slowest.add(String.format(java.util.Locale.ROOT, "{\"query\":%s,\"calls\":%d,\"mean_ms\":%.3f,\"max_ms\":%.3f,\"rows\":%d}",
                    quoted(entry.query()), entry.calls(), entry.meanMillis(), entry.maxMillis(), entry.rows()));
        }
        field(out, "slowest", slowest.toString());
        return out.append('}').toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped (as jsonb prints strings). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        dev.amelie.vm.value.Jsonb.quote(out, text);
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        return out.append('"').append(name).append("\":").append(value);
    }
}
