package dev.amelie.compat.psql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real psql binary against a server: a script on stdin, the combined output back. */
public final class Psql {
    private Psql() {}

    /** Runs {@code script} with psql's default aligned output, no psqlrc, errors not stopping the script. */
    public static String run(int port, String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "amelie", "-d", "amelie", "-f", "-"))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish");
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
