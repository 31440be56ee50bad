package dev.amelie.compat.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Amelie server in its own process, started through the {@code ./amelie} launcher on a
 * free loopback port and a data directory of the test's. Its log goes to a file beside the data
 * directory; {@link #kill()} is SIGKILL, {@link #stop()} SIGTERM.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDirectory;
    private final int port;
    private final int computeNodes;
    /** RLIMIT_FSIZE for the server, in KiB; 0 for none. */
    private long fileSizeLimitKib;
    private Process process;
    private Path log;
    /** Flags after the usual ones and environment variables, for every start. */
    private List<String> extraArguments = List.of();
    private java.util.Map<String, String> environment = java.util.Map.of();
    private int starts;

    private ServerProcess(Path dataDirectory, int port, int computeNodes) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.computeNodes = computeNodes;
    }

    /** Starts a server on a free port with {@code computeNodes} compute nodes over {@code dataDirectory}. */
    public static ServerProcess start(Path dataDirectory, int computeNodes) throws IOException, InterruptedException {
        ServerProcess server = new ServerProcess(dataDirectory, freePort(), computeNodes);
        server.launch();
        return server;
    }

    /**
     * As {@link #start(Path, int)}, with a limit on the size of any file the server writes
     * ({@code ulimit -f}): a write past it fails with EFBIG, the dependable way to make a real
     * server's disk "full" without root or a special file system. Applies to the first start
     * only; {@link #restart()} runs without it.
     */
    public static ServerProcess startWithFileSizeLimit(Path dataDirectory, int computeNodes, long limitKib)
            throws IOException, InterruptedException {
        ServerProcess server = new ServerProcess(dataDirectory, freePort(), computeNodes);
        server.fileSizeLimitKib = limitKib;
        server.launch();
        server.fileSizeLimitKib = 0;
        return server;
    }

    /** As {@link #start(Path, int)}, with more flags of amelie start and environment variables (on every start). */
    public static ServerProcess start(Path dataDirectory, int computeNodes, List<String> extraArguments,
                                      java.util.Map<String, String> environment) throws IOException, InterruptedException {
        ServerProcess server = new ServerProcess(dataDirectory, freePort(), computeNodes);
        server.extraArguments = List.copyOf(extraArguments);
        server.environment = java.util.Map.copyOf(environment);
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/amelie?user=amelie";
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Starts again on the same data directory and port (after kill or stop). */
    public void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("server still running");
        }
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("amelie.home", "..")).toAbsolutePath().normalize();
        log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-server-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(home.resolve("amelie").toString(), "start",
                "--data", dataDirectory.toString(),
                "--listen", "127.0.0.1:" + port,
                "--compute", String.valueOf(computeNodes),
                "--hosts", "2"));
        if (fileSizeLimitKib > 0) {
            // exec keeps the pid the server's own; the JVM ignores SIGXFSZ, so writes fail with EFBIG.
            command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKib + " && exec \"$@\"", "amelie"));
            command.addAll(List.of(home.resolve("amelie").toString(), "start", "--data", dataDirectory.toString(),
                    "--listen", "127.0.0.1:" + port, "--compute", String.valueOf(computeNodes), "--hosts", "2"));
        }
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.readString(log).contains("ready to accept connections")) {
                return;
            }
            Thread.sleep(50); // polling a log file for readiness; bounded by START_TIMEOUT
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not ready within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** SIGKILL, then waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (a clean shutdown); returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("server did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** A loopback port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
