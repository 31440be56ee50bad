package dev.amelie.admin.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP port of {@code metrics_listen}: {@code /metrics} in the Prometheus text format, and
 * the console ({@code /}, a static page that polls {@code /console.json} every second). Read-only,
 * on its own thread, never on an event loop or a compute node.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer http;
    private final ExecutorService threads = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("amelie-metrics").daemon(true).factory());

    private MetricsServer(HttpServer http) {
        this.http = http;
    }

    public static MetricsServer start(String host, int port, ServerMetrics metrics, ConsoleData console) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 16);
        MetricsServer server = new MetricsServer(http);
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        http.createContext("/metrics", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
            writer.write(body, metrics.registry().scrape());
            respond(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, body.toByteArray());
        });
        http.createContext("/console.json", exchange ->
                respond(exchange, 200, "application/json", console.json().getBytes(StandardCharsets.UTF_8)));
        byte[] page = resource("/console/index.html");
        http.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", page);
            } else {
                respond(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        http.setExecutor(server.threads);
        http.start();
        LOG.info("metrics on http://{}:{}/metrics, console on http://{}:{}/", host, server.port(), host, server.port());
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MetricsServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
