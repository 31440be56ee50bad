package dev.amelie.compat.cli;

import dev.amelie.compat.server.AmelieCommand;
import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code amelie bench}, each workload for two seconds against a real server: it prints TPS and
 * latency percentiles, reports no error, and what it did is in the tables (the TPC-B books
 * balance; the inserted rows are there).
 */
@Timeout(300) // a hang guard
class BenchCommandIT {
    @TempDir
    Path temp;

    @Test
    void everyWorkloadRunsAndLeavesConsistentTables() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            String listen = "127.0.0.1:" + server.port();
            for (String workload : new String[] {"tpcb", "tpcb-batched", "insert", "upsert", "point-select"}) {
                AmelieCommand.Result run = AmelieCommand.run(temp, "bench", "--listen", listen, "-w", workload, "-c", "2",
                        "-T", "2", "--keys", "1000", "-b", "5");
                assertEquals(0, run.exit(), run.output());
                assertTrue(run.output().contains("progress:"), run.output());
                assertTrue(run.output().contains("errors: none"), run.output());
                assertTrue(number(run.output(), "tps = ([0-9.]+)") > 0, run.output());
                assertTrue(run.output().matches("(?s).*p50 [0-9.]+ ms, p99 [0-9.]+ ms, p999 [0-9.]+ ms.*"), run.output());
            }
            long deltas = count(server, "select sum(delta) from pgbench_history");
            assertTrue(count(server, "select count(*) from pgbench_history") > 0);
            assertEquals(deltas, count(server, "select sum(abalance) from pgbench_accounts"));
            assertEquals(deltas, count(server, "select sum(bbalance) from pgbench_branches"));
            assertTrue(count(server, "select count(*) from bench_insert") > 0);
            assertEquals(1000, count(server, "select count(*) from bench_kv"));
            assertTrue(count(server, "select sum(v) from bench_kv") > 0, "upserts counted up");
        }
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), "no '" + regex + "' in:\n" + output);
        return Double.parseDouble(m.group(1));
    }

    private static long count(ServerProcess server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
