package dev.amelie.compat.differential;

import dev.amelie.compat.server.TempDirectories;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine's PostgreSQL 15, started for the tests of a class on a fresh cluster in a
 * temporary directory (user amelie, trust, UTF8, locale C, database amelie) on a free loopback
 * port, and stopped and removed after them, also when a test fails:
 * {@code @RegisterExtension static final PostgresServer postgres = new PostgresServer();}
 *
 * <p>PostgreSQL refuses to run as root, so under root (as in CI) initdb and pg_ctl run as the
 * postgres user through runuser, on a directory given to that user.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    public static final Path BINARIES = Path.of("/usr/lib/postgresql/15/bin");
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final boolean asRoot = "root".equals(System.getProperty("user.name"));
    private Path directory;
    private int port;
    private boolean running;
    private Thread stopOnExit;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(BINARIES.resolve("postgres"))) {
            throw new IllegalStateException("PostgreSQL 15 is needed to compare against, and " + BINARIES
                    + " has no postgres binary: install postgresql-15 (apt-get install postgresql-15)");
        }
        directory = Files.createTempDirectory("amelie-pg15-");
        if (asRoot) {
            run(List.of("chown", "postgres:", directory.toString()));
        }
        port = ServerProcess.freePort();
        run(asPostgresUser(BINARIES.resolve("initdb").toString(), "-D", data(), "-U", "amelie",
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        stopOnExit = new Thread(this::stopQuietly, "stop PostgreSQL 15");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        running = true;
        run(asPostgresUser(BINARIES.resolve("pg_ctl").toString(), "-D", data(), "-l", directory.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        try (WireClient client = WireClient.connect(port, Map.of("database", "postgres"))) {
            Capture created = client.simple("create database amelie");
            if (created.failed()) {
                throw new IllegalStateException("create database amelie: " + created.sqlState() + " " + created.errorMessage());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            stop();
        } finally {
            if (stopOnExit != null) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
            TempDirectories.deleteTree(directory);
        }
    }

    public int port() {
        return port;
    }

    private void stop() throws IOException, InterruptedException {
        if (running) {
            running = false;
            run(asPostgresUser(BINARIES.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop"));
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop PostgreSQL 15 in " + directory + ": " + e);
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private List<String> asPostgresUser(String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

}
