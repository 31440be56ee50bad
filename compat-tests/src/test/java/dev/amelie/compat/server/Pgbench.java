package dev.amelie.compat.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine's real pgbench against a test server, as a user runs it. */
public final class Pgbench {
    private static final long PATIENCE_SECONDS = 150;

    private Pgbench() {}

    /** A pgbench run under way; its output goes to a file, so a long run never stalls on a full pipe. */
    public static final class Run {
        private final Process process;
        private final Path output;
        private final List<String> command;

        private Run(Process process, Path output, List<String> command) {
            this.process = process;
            this.output = output;
            this.command = command;
        }

        /** Waits for pgbench, asserts it exited 0, and returns what it printed. */
        public String await() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("pgbench did not finish: " + command);
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), text);
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }

    /** Starts {@code pgbench arguments… amelie} against the server on {@code port}. */
    public static Run start(int port, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "amelie"));
        command.addAll(List.of(arguments));
        command.add("amelie");
        Path output = Files.createTempFile("pgbench-", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        return new Run(process, output, command);
    }

    /** Runs pgbench to its end; returns its output. */
    public static String run(int port, String... arguments) throws IOException, InterruptedException {
        return start(port, arguments).await();
    }

    /** The first group of the first match of {@code regex} in pgbench's output. */
    public static String find(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), "no '" + regex + "' in:\n" + output);
        return m.group(1);
    }
}
