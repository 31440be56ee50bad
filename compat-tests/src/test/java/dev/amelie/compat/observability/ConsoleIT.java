package dev.amelie.compat.observability;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real headless browser (Debian's Chromium, driven by Playwright from npm; the
 * {@code amelie test} launcher installs both): the page loads, shows the server's two compute
 * nodes, and shows three within seconds after {@code ALTER COMPUTE ADD NODE}, then takes a
 * screenshot (docs/console.png is made the same way).
 */
@Timeout(180) // a hang guard
class ConsoleIT {
    @TempDir
    Path temp;

    @Test
    void theConsoleShowsTheComputeNodesAndFollowsAlterCompute() throws Exception {
        Path home = Path.of(System.getProperty("amelie.home", "..")).toAbsolutePath().normalize();
        Path script = home.resolve("compat-tests/console");
        assertTrue(Files.isDirectory(script.resolve("node_modules/playwright-core")),
                "playwright-core is missing: run ./amelie test, or npm ci in " + script);
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is missing: run ./amelie test, or apt-get install chromium");

        Path data = temp.resolve("data");
        Files.createDirectories(data);
        int metricsPort = ServerProcess.freePort();
        Files.writeString(data.resolve("amelie.conf"), "metrics_listen = 127.0.0.1:" + metricsPort + "\n");
        Path screenshot = temp.resolve("console.png");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            Process browser = new ProcessBuilder(List.of("node", "console-check.mjs", "http://127.0.0.1:" + metricsPort + "/",
                    "2", "3", screenshot.toString())).directory(script.toFile()).redirectErrorStream(true).start();
            browser.getOutputStream().close();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean added = false;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.equals("ready 2") && !added) {
                        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                            s.execute("alter compute add node");
                        }
                        added = true;
                    }
                }
            }
            assertTrue(browser.waitFor(60, TimeUnit.SECONDS), "the browser script did not finish:\n" + output);
            assertEquals(0, browser.exitValue(), output.toString());
            assertTrue(output.toString().contains("ready 2"), output.toString());
            assertTrue(output.toString().contains("saw 3 3"), output.toString());
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page");
        }
    }
}
