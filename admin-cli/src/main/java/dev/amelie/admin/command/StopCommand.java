package dev.amelie.admin.command;

import dev.amelie.admin.server.PidFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code amelie stop}: PostgreSQL's fast shutdown. SIGTERM to the server of the data directory:
 * it stops accepting, tells every client 57P01, lets the compute nodes finish what they run,
 * flushes the WAL and exits.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the server running on the data directory (fast shutdown: clients get 57P01).")
public final class StopCommand implements Callable<Integer> {

    @Mixin
    ServerConnection server;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "How long to wait (default 60).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Path data = server.settings().dataDirectory();
        Optional<PidFile> pidFile = PidFile.read(data);
        if (pidFile.isEmpty()) {
            System.err.println("amelie stop: no server is running on " + data + " (no " + PidFile.NAME + ")");
            return 1;
        }
        Optional<ProcessHandle> process = pidFile.get().process();
        if (process.isEmpty()) {
            PidFile.remove(data);
            System.err.println("amelie stop: the server of " + data + " (pid " + pidFile.get().pid()
                    + ") is not running any more; removed its stale " + PidFile.NAME);
            return 1;
        }
        long started = System.nanoTime();
        process.get().destroy(); // SIGTERM
        try {
            process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("amelie stop: the server (pid " + pidFile.get().pid() + ") is still running after "
                    + timeoutSeconds + " s");
            return 1;
        }
        System.out.println("server stopped (pid " + pidFile.get().pid() + ") in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return 0;
    }
}
