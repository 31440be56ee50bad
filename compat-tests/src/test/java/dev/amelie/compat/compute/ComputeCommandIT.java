package dev.amelie.compat.compute;

import dev.amelie.compat.server.AmelieCommand;
import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code amelie compute list|add|drop|set}, run as an operator would, against a running server. */
class ComputeCommandIT {
    @TempDir
    Path temp;

    @Test
    void listAddDropAndSetFromTheCommandLine() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table cli_nodes (id int primary key)");
                s.execute("insert into cli_nodes values (1), (2), (3), (4), (5), (6), (7), (8)");
            }
            String listen = "127.0.0.1:" + server.port();
            AmelieCommand.Result list = AmelieCommand.run(temp, "compute", "list", "--listen", listen);
            assertEquals(0, list.exit(), list.output());
            assertEquals(2, nodeLines(list.output()), list.output());
            assertTrue(list.output().contains("hash_slots"), list.output());

            AmelieCommand.Result add = AmelieCommand.run(temp, "compute", "add", "2", "--listen", listen);
            assertEquals(0, add.exit(), add.output());
            assertEquals(4, nodeLines(add.output()), add.output());

            String named = "0f0e0d0c-0b0a-4909-8807-060504030201";
            AmelieCommand.Result addNamed = AmelieCommand.run(temp, "compute", "add", "--uuid", named, "--listen", listen);
            assertEquals(0, addNamed.exit(), addNamed.output());
            assertTrue(addNamed.output().contains(named), addNamed.output());

            AmelieCommand.Result drop = AmelieCommand.run(temp, "compute", "drop", named, "--listen", listen);
            assertEquals(0, drop.exit(), drop.output());
            assertEquals(4, nodeLines(drop.output()), drop.output());
            assertTrue(!drop.output().contains(named), drop.output());

            AmelieCommand.Result set = AmelieCommand.run(temp, "compute", "set", "1", "--listen", listen);
            assertEquals(0, set.exit(), set.output());
            assertEquals(1, nodeLines(set.output()), set.output());

            AmelieCommand.Result bad = AmelieCommand.run(temp, "compute", "drop", "not-a-uuid", "--listen", listen);
            assertEquals(1, bad.exit(), bad.output());
            assertTrue(bad.output().contains("22P02"), bad.output());

            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from cli_nodes")) {
                    rs.next();
                    assertEquals(8, rs.getInt(1));
                }
                // SHOW ALL lists the counts; SHOW HOSTS the IO threads and who they serve (this session too).
                java.util.Map<String, String> all = new java.util.HashMap<>();
                try (ResultSet rs = s.executeQuery("show all")) {
                    while (rs.next()) {
                        all.put(rs.getString("name"), rs.getString("setting"));
                    }
                }
                assertEquals("1", all.get("compute"));
                assertEquals("2", all.get("hosts"));
                int hosts = 0;
                int connections = 0;
                try (ResultSet rs = s.executeQuery("show hosts")) {
                    while (rs.next()) {
                        assertEquals("amelie-host-" + hosts, rs.getString("thread"));
                        connections += Integer.parseInt(rs.getString("connections"));
                        hosts++;
                    }
                }
                assertEquals(2, hosts);
                assertTrue(connections >= 1, "this session is served by a host");
            }
        }
    }

    /** Lines that name a node's thread: one per node in the printed table. */
    private static long nodeLines(String output) {
        return output.lines().filter(line -> line.contains("amelie-compute-")).count();
    }
}
