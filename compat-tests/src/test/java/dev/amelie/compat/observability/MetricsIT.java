package dev.amelie.compat.observability;

import dev.amelie.compat.server.Pgbench;
import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics_listen port of a real server, scraped around a real pgbench run: the output is
 * valid Prometheus text format, the committed transactions counted equal pgbench's, the commit
 * latency and group-commit histograms fill, the console page and its data are served, and the
 * slow-query log (log_min_duration_statement = 0) has every statement with its duration.
 */
@Timeout(240) // a hang guard
class MetricsIT {
    /** A sample line: name, optional {labels}, value (no timestamps are written). */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? (\\S+)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void metricsCountWhatPgbenchDidAndTheConsoleIsServed() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        int metricsPort = ServerProcess.freePort();
        Files.writeString(data.resolve("amelie.conf"), "metrics_listen = 127.0.0.1:" + metricsPort + "\n"
                + "log_min_duration_statement = 0\n");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            String base = "http://127.0.0.1:" + metricsPort;
            Pgbench.run(server.port(), "-i", "-s", "1");
            Map<String, Double> before = parse(get(base + "/metrics"));

            String output = Pgbench.run(server.port(), "-n", "-M", "prepared", "-c", "2", "-j", "2", "-t", "60", "--max-tries=10");
            long processed = Long.parseLong(Pgbench.find(output, "number of transactions actually processed: (\\d+)"));
            assertEquals(120, processed, output);
            Map<String, Double> after = parse(get(base + "/metrics"));

            String writes = "amelie_transactions_total{access=\"write\",outcome=\"commit\"}";
            assertEquals(processed, after.get(writes) - before.get(writes), "write commits counted during the run");
            for (Map.Entry<String, Double> error : after.entrySet()) {
                if (error.getKey().startsWith("amelie_errors_total{") && !error.getKey().contains("40001")) {
                    // pgbench's start-up probe reads pg_catalog, which does not exist yet (42P01, once):
                    // every other error would be this run's.
                    double allowed = error.getKey().contains("42P01") ? 1 : 0;
                    assertTrue(error.getValue() - before.getOrDefault(error.getKey(), 0.0) <= allowed,
                            "no errors besides retried 40001s and the probe: " + error.getKey() + " " + error.getValue());
                }
            }
            double latencyCount = after.get("amelie_commit_latency_seconds_count");
            assertTrue(latencyCount - before.get("amelie_commit_latency_seconds_count") >= processed, "latencies recorded");
            assertEquals(latencyCount, after.get("amelie_commit_latency_seconds_bucket{le=\"+Inf\"}"));
            assertTrue(after.get("amelie_commit_latency_seconds_sum") > 0);
            assertTrue(after.get("amelie_group_commit_size_count") > before.get("amelie_group_commit_size_count"));
            assertTrue(after.get("amelie_wal_records_total") - before.get("amelie_wal_records_total") >= processed);
            assertTrue(after.get("amelie_wal_bytes_total") > before.get("amelie_wal_bytes_total"));
            assertTrue(after.get("amelie_wal_fsyncs_total") > 0);
            assertTrue(after.get("amelie_plan_cache_hits_total") > 0);
            assertEquals(2.0, after.get("amelie_compute_nodes"));
            assertEquals(4096.0, after.entrySet().stream().filter(e -> e.getKey().startsWith("amelie_compute_hash_slots{"))
                    .mapToDouble(Map.Entry::getValue).sum());
            assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("amelie_connections{state=\"idle\"}")));
            assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM metrics");

            // log_min_duration_statement = 0 logs every message with its duration, as PostgreSQL.
            assertTrue(Pattern.compile("duration: [0-9.]+ ms  statement: UPDATE pgbench_accounts SET abalance")
                    .matcher(Files.readString(server.log())).find(), "slow-query log lines");

            String page = get(base + "/");
            assertTrue(page.contains("<title>Amelie console</title>"), page);
            String console = get(base + "/console.json");
            assertEquals(2, count(console, "\"thread\":\"amelie-compute-"), console);
            // The slowest statements by mean time, counted per statement with its constants taken
            // out: the 100 000-row COPY of pgbench -i is surely among the ten.
            assertTrue(console.contains("{\"query\":\"copy pgbench_accounts from stdin with (freeze on)\",\"calls\":1,"), console);
            assertTrue(console.contains("\"rows\":100000}"), console);
            Matcher means = Pattern.compile("\"mean_ms\":([0-9.]+)").matcher(console);
            List<Double> slowest = new ArrayList<>();
            while (means.find()) {
                slowest.add(Double.parseDouble(means.group(1)));
            }
            assertEquals(10, slowest.size(), console);
            for (int i = 1; i < slowest.size(); i++) {
                assertTrue(slowest.get(i) <= slowest.get(i - 1), "slowest first: " + slowest);
            }
        }
    }

    /**
     * Parses the text format strictly: every line a HELP/TYPE comment or a sample, every sample of
     * a family announced by a TYPE line; histogram buckets cumulative. Returns value by series.
     */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        Set<String> typed = new HashSet<>();
        Map<String, List<Double>> buckets = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher comment = COMMENT.matcher(line);
            if (comment.matches()) {
                if (comment.group(1).equals("TYPE")) {
                    typed.add(comment.group(2));
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not a Prometheus sample line: " + line);
            String name = sample.group(1);
            assertTrue(typed.stream().anyMatch(family -> name.equals(family) || name.startsWith(family + "_")),
                    "sample of an undeclared family: " + line);
            double value = sample.group(3).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(sample.group(3));
            samples.put(name + (sample.group(2) == null ? "" : sample.group(2)), value);
            if (name.endsWith("_bucket")) {
                buckets.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        buckets.forEach((name, values) -> {
            for (int i = 1; i < values.size(); i++) {
                assertTrue(values.get(i) >= values.get(i - 1), name + " buckets are cumulative: " + values);
            }
        });
        return samples;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

}
