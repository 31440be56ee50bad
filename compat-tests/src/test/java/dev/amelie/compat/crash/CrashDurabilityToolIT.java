package dev.amelie.compat.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared crash-durability checker, five kill -9 cycles against the real server with
 * CHECKPOINT every second and automatic checkpoints every 3 s (bench/crash-cycles.sh runs 50).
 * The checker was validated against PostgreSQL 15; it judges us the same way.
 */
class CrashDurabilityToolIT {
    private static final int CYCLES = 5;

    @TempDir
    Path temp;

    @Test
    void fiveKillCyclesLoseNothing() throws Exception {
        Path home = Path.of(System.getProperty("amelie.home", "..")).toAbsolutePath().normalize();
        Path tool = dev.amelie.compat.server.SharedTools.locate("crash-durability");
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("amelie.conf"), "wal_segment_size = 1048576\ncheckpoint_interval = 3s\n");
        int port = freePort();
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Path output = temp.resolve("crash-durability.txt");
        Process process = new ProcessBuilder(List.of(python, tool.toString(),
                "--port", String.valueOf(port), "--user", "amelie", "--db", "amelie",
                "--start-cmd", home.resolve("amelie") + " start --data " + data + " --listen 127.0.0.1:" + port
                        + " --compute 2 --hosts 2",
                "--cycles", String.valueOf(CYCLES), "--workers", "4", "--min-run", "1", "--max-run", "3",
                "--checkpoint-sql", "CHECKPOINT", "--checkpoint-every", "1", "--max-time", "240"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String report = Files.readString(output);
        assertTrue(finished, "crash-durability did not finish in 300 s:\n" + report);
        assertEquals(0, process.exitValue(), report);
        assertTrue(report.contains(" 0 failed"), report);
        assertTrue(report.contains("crash cycles: " + CYCLES), report);
        assertTrue(report.contains("lost: 0"), report);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
