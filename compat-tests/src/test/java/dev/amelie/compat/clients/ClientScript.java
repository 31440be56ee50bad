package dev.amelie.compat.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a client's check script (under compat-tests/clients/) against a server on loopback:
 * PGHOST, PGPORT, PGUSER and PGDATABASE in its environment, TZ=UTC so that the client's own
 * time zone does not move dates, stdout and stderr together into a file. The script exits 0
 * only if every value it compared was what PostgreSQL 15 answers.
 */
final class ClientScript {
    private static final long TIMEOUT_SECONDS = 120;

    private ClientScript() {}

    /** compat-tests/clients/{@code client} in the checkout the tests run from. */
    static Path directory(String client) {
        Path home = Path.of(System.getProperty("amelie.home", "..")).toAbsolutePath().normalize();
        return home.resolve("compat-tests/clients").resolve(client);
    }

    /** Runs {@code command} in {@code directory}; fails the test, with the script's output, unless it exits 0. */
    static String runAndExpectSuccess(Path directory, List<String> command, int port, Path outputFile)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PGHOST", "127.0.0.1");
        env.put("PGPORT", String.valueOf(port));
        env.put("PGUSER", "amelie");
        env.put("PGDATABASE", "amelie");
        env.put("TZ", "UTC");
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);
        assertTrue(finished, String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
