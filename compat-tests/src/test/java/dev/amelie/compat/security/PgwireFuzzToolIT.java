package dev.amelie.compat.security;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared {@code pgwire-fuzz} tool against a real server: its fixed malformations and a
 * seeded batch of random ones; every case must leave the server up, the bystander session
 * intact and a fresh session working (the tool's last line says "failed checks: 0").
 */
@Timeout(600) // a hang guard
class PgwireFuzzToolIT {
    private static final Path TOOL = dev.amelie.compat.server.SharedTools.locate("pgwire-fuzz");

    @TempDir
    Path temp;

    @Test
    void everyMalformedInputLeavesTheServerUpAndAFreshSessionWorking() throws Exception {
        assertTrue(Files.isExecutable(TOOL), "the shared tool is at " + TOOL);
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            // --wait 3: the tool reads a case's answer for --wait seconds and then checks the session with a
            // new query; the "1 MB SQL comment" case takes a cold planner over a second (PostgreSQL: milliseconds),
            // and an answer arriving after the check looks like a broken session.
            Process fuzz = new ProcessBuilder(List.of(TOOL.toString(), "--port", String.valueOf(server.port()),
                    "--user", "amelie", "--db", "amelie", "--random", "300", "--seed", "20261130",
                    "--wait", "3", "--timeout", "20", "--max-time", "450"))
                    .redirectErrorStream(true).start();
            String output = new String(fuzz.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(fuzz.waitFor(500, TimeUnit.SECONDS), "pgwire-fuzz finished");
            Files.writeString(temp.resolveSibling(temp.getFileName() + "-pgwire-fuzz.txt"), output);
            String last = output.strip().substring(output.strip().lastIndexOf('\n') + 1);
            assertTrue(last.contains("server up after: yes") && last.contains("bystander intact: yes")
                    && last.contains("failed checks: 0"), output);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                 Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select 1")) {
                assertTrue(rs.next(), "a fresh session after the fuzz");
            }
        }
    }
}
