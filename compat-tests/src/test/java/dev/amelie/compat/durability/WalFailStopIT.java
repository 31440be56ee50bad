package dev.amelie.compat.durability;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real server whose WAL write fails (a file-size limit makes the disk "full" at 1 MiB): the
 * failing commit gets 58030, every later write is refused at once, reads go on, the log says
 * why, and a restart without the limit has every acknowledged commit.
 */
class WalFailStopIT {
    private static final long LIMIT_KIB = 1024;

    @TempDir
    Path temp;

    @Test
    void aFailedWalWriteStopsWritesButNotReads() throws Exception {
        Path data = temp.resolve("data");
        Set<Integer> acknowledged = new HashSet<>();
        try (ServerProcess server = ServerProcess.startWithFileSizeLimit(data, 2, LIMIT_KIB)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table failstop (id int primary key, filler text)");
                SQLException failure = null;
                String filler = "x".repeat(500);
                try (PreparedStatement insert = c.prepareStatement("insert into failstop values (?, ?)")) {
                    // ~540 bytes of WAL per commit: the limit is reached after ~1900 commits.
                    for (int i = 0; i < 10_000 && failure == null; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, filler);
                        try {
                            insert.executeUpdate();
                            acknowledged.add(i);
                        } catch (SQLException e) {
                            failure = e;
                        }
                    }
                }
                assertNotNull(failure, "the WAL never hit the file-size limit");
                assertEquals("58030", failure.getSQLState(), failure.getMessage());
                assertTrue(failure.getMessage().contains("File too large"), failure.getMessage());

                // Fail-stop: later writes are refused, whatever they touch.
                SQLException refused = assertThrows(SQLException.class, () -> s.execute("insert into failstop values (-1, 'late')"));
                assertEquals("58030", refused.getSQLState());
                refused = assertThrows(SQLException.class, () -> s.execute("create table failstop_later (id int)"));
                assertEquals("58030", refused.getSQLState());

                // Reads go on, on this session and on a new one.
                try (ResultSet rs = s.executeQuery("select count(*) from failstop where id >= 0")) {
                    rs.next();
                    assertTrue(rs.getInt(1) >= acknowledged.size());
                }
            }
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from failstop")) {
                rs.next();
                assertTrue(rs.getInt(1) >= acknowledged.size());
            }
            assertTrue(Files.readString(server.log()).contains("stopped accepting writes"),
                    "the server log says the WAL stopped and why");
            server.kill();
            server.restart(); // without the limit
            Set<Integer> found = new HashSet<>();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from failstop")) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
            assertTrue(found.containsAll(acknowledged), "an acknowledged commit was lost");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("insert into failstop values (-2, 'after restart')"); // writable again
            }
        }
    }
}
