package dev.amelie.admin.settings;

import java.nio.file.Path;

/**
 * Every setting of a server, typed, filled from defaults ← {@code amelie.conf} in the data
 * directory ← environment ({@code AMELIE_*}) ← command-line flags (see {@link SettingsLoader}).
 */
public record Settings(
        Path dataDirectory,
        String listenHost,
        int listenPort,
        int computeNodes,
        int hostThreads,
        boolean walSync,
        long walSegmentSize,
        long checkpointWalSize,
        java.time.Duration checkpointInterval,
        /** HOST:PORT of the metrics and console HTTP port; empty: off. */
        String metricsListen,
        /** Messages taking at least this long are logged with their statements; null: off. */
        java.time.Duration logMinDurationStatement,
        /** The method every connection must use ({@code --auth}); empty: the hba rules decide. */
        String auth,
        /** The hba rules of amelie.conf ({@code hba = host DATABASE USER ADDRESS METHOD} lines), in order; empty: the defaults. */
        java.util.List<String> hba,
        /** Answer SSLRequest with TLS; on without a certificate configured: a self-signed one made in the data directory. */
        boolean tls,
        /** PEM certificate chain and PKCS#8 key (relative paths: to the data directory); null: none configured. */
        Path sslCertFile,
        Path sslKeyFile,
        /** Refuse connections that did not negotiate TLS (28000). */
        boolean requireTls,
        /** Sessions at once; the one beyond gets 53300. */
        int maxConnections,
        /** Bytes one statement's accumulated rows may take before it fails with 53200. */
        long queryMemoryLimit,
        /** Where each setting's value came from: default, the config file, environment or command line. */
        java.util.Map<String, String> origins) {

    public String listen() {
        return listenHost + ":" + listenPort;
    }

    /** {@code amelie start --print-config}: every setting, as amelie.conf would write it, with where it came from. */
    public String printed() {
        StringBuilder out = new StringBuilder();
        line(out, "data", dataDirectory.toString());
        line(out, "listen", listen());
        line(out, "compute", String.valueOf(computeNodes));
        line(out, "hosts", String.valueOf(hostThreads));
        line(out, "wal_sync", walSync ? "on" : "off");
        line(out, "wal_segment_size", String.valueOf(walSegmentSize));
        line(out, "checkpoint_wal_size", String.valueOf(checkpointWalSize));
        line(out, "checkpoint_interval", checkpointInterval.toSeconds() + "s");
        line(out, "metrics_listen", metricsListen.isEmpty() ? "off" : metricsListen);
        line(out, "log_min_duration_statement", logMinDurationStatement == null ? "-1"
                : logMinDurationStatement.toMillis() + "ms");
        line(out, "auth", auth.isEmpty() ? "(hba rules)" : auth);
        for (String rule : hba) {
            line(out, "hba", rule);
        }
        line(out, "tls", tls ? "on" : "off");
        line(out, "ssl_cert_file", sslCertFile == null ? "" : sslCertFile.toString());
        line(out, "ssl_key_file", sslKeyFile == null ? "" : sslKeyFile.toString());
        line(out, "require_tls", requireTls ? "on" : "off");
        line(out, "max_connections", String.valueOf(maxConnections));
        line(out, "query_memory_limit", queryMemoryLimit + "B");
        return out.toString();
    }

    private void line(StringBuilder out, String key, String value) {
        out.append(String.format("%-20s = %-40s # %s%n", key, value, origins.getOrDefault(key, "default")));
    }

    /** One line for the start-up log. */
    public String describe() {
        return "data=" + dataDirectory + " listen=" + listen() + " compute=" + computeNodes + " hosts=" + hostThreads
                + " wal_sync=" + (walSync ? "on" : "off") + " wal_segment_size=" + walSegmentSize
                + " checkpoint_wal_size=" + checkpointWalSize + " checkpoint_interval=" + checkpointInterval.toSeconds() + "s"
                + " metrics_listen=" + (metricsListen.isEmpty() ? "off" : metricsListen)
                + " auth=" + (auth.isEmpty() ? "hba(" + (hba.isEmpty() ? "default" : hba.size() + " rules") + ")" : auth)
                + " tls=" + (tls ? "on" : "off") + " require_tls=" + (requireTls ? "on" : "off")
                + " max_connections=" + maxConnections + " query_memory_limit=" + queryMemoryLimit;
    }
}
