package dev.amelie.admin.server;

import dev.amelie.admin.settings.Settings;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code amelie start --detach}: starts this same command again without {@code --detach}, in a
 * session of its own (so closing the terminal does not stop it), and returns once it has written
 * its pid file, that is, accepts connections; or reports why it did not.
 */
public final class DetachedStart {
    private static final long READY_TIMEOUT_MILLIS = 120_000;

    private DetachedStart() {}

    public static int start(Settings settings) throws IOException, InterruptedException {
        Path data = settings.dataDirectory();
        Optional<PidFile> running = PidFile.read(data);
        if (running.isPresent() && running.get().process().isPresent()) {
            System.err.println("amelie start: a server is already running on " + data + " (pid " + running.get().pid() + ")");
            return 1;
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (self.command().isEmpty() || self.arguments().isEmpty()) {
            System.err.println("amelie start --detach: cannot tell this process's command line; start it with nohup instead");
            return 1;
        }
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(self.command().get());
        for (String argument : self.arguments().get()) {
            if (!argument.equals("--detach")) {
                command.add(argument);
            }
        }
        Files.createDirectories(data.resolve("log"));
        Path output = data.resolve("log/start.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(output.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null"))).start();
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<PidFile> pid = PidFile.read(data);
            if (pid.isPresent() && pid.get().process().isPresent() && isOurs(pid.get(), child)) {
                System.out.println("server started (pid " + pid.get().pid() + "), listening on " + pid.get().listen()
                        + "; log: " + data.resolve(ServerLog.FILE));
                return 0;
            }
            if (!child.isAlive()) {
                System.err.println("amelie start --detach: the server exited with status " + child.exitValue() + ":");
                List<String> lines = Files.readAllLines(output);
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.err::println);
                return 1;
            }
            Thread.sleep(100);
        }
        System.err.println("amelie start --detach: the server did not accept connections within "
                + READY_TIMEOUT_MILLIS / 1000 + " s; see " + output);
        return 1;
    }

    /** The pid file names the child (or, through setsid, the child's own child). */
    private static boolean isOurs(PidFile pid, Process child) {
        return pid.pid() == child.pid() || child.descendants().anyMatch(p -> p.pid() == pid.pid())
                || ProcessHandle.of(pid.pid()).flatMap(ProcessHandle::parent).map(p -> p.pid() == child.pid()).orElse(false);
    }
}
