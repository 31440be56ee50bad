package dev.amelie.compat.crash;

import dev.amelie.compat.server.PairWriters;
import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the server with SIGKILL while clients are committing, starts it again on the same data
 * directory, and checks that every acknowledged commit is there, and that each transaction is
 * all or nothing (every insert writes two rows in one statement). Checkpoints run throughout, so
 * recovery starts from a snapshot and replays the WAL after it.
 */
class CrashRecoveryIT {
    private static final int WRITERS = 4;
    private static final int KILL_AFTER_ACKS = 400;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedCommitSurvivesKillDashNine() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table crash_rows (id int primary key, writer int not null, pair int not null)");
            }
            PairWriters writers = new PairWriters(server.jdbcUrl(), "crash_rows", WRITERS);
            Set<Integer> acknowledged = writers.acknowledged();
            // Checkpoints run all along, so the kill may land in one: before its snapshot is
            // complete, between snapshot and WAL removal, or while the writer thread still reads.
            AtomicInteger checkpoints = new AtomicInteger();
            Thread checkpointer = Thread.ofPlatform().name("crash-checkpointer").start(() -> {
                try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                    while (acknowledged.size() < KILL_AFTER_ACKS || checkpoints.get() < 3) {
                        s.execute("checkpoint");
                        checkpoints.incrementAndGet();
                        Thread.sleep(50); // a checkpoint every ~50 ms plus its own time, bounded by the writers' run
                    }
                    s.execute("checkpoint"); // still running when the kill comes, most of the time
                } catch (SQLException | InterruptedException expectedWhenKilled) {
                    // the server went away mid-checkpoint: that is the point
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < KILL_AFTER_ACKS) {
                assertTrue(System.nanoTime() < deadline, "writers did not reach " + KILL_AFTER_ACKS + " commits");
                Thread.sleep(10);
            }
            while (checkpoints.get() < 3 && checkpointer.isAlive()) {
                Thread.sleep(20); // at least three complete checkpoints before the kill
            }
            server.kill();
            checkpointer.join(TimeUnit.SECONDS.toMillis(60));
            writers.stopAndJoin();

            server.restart();
            Set<Integer> found = new HashSet<>();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id, pair from crash_rows")) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                    int id = rs.getInt(1);
                    assertEquals(id % 2 == 0 ? id + 1 : id - 1, rs.getInt(2));
                }
            }
            for (int id : acknowledged) {
                assertTrue(found.contains(id) && found.contains(id + 1), "acknowledged rows " + id + "/" + (id + 1) + " lost");
            }
            for (int id : found) {
                int even = id % 2 == 0 ? id : id - 1;
                assertTrue(found.contains(even) && found.contains(even + 1), "half a transaction survived: " + id);
            }
            assertTrue(found.size() >= acknowledged.size() * 2);

            // The recovered server takes new writes, and they survive a clean restart too.
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("insert into crash_rows values (-1, -1, -2), (-2, -1, -1)");
            }
            assertEquals(0, server.stop());
            server.restart();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from crash_rows")) {
                rs.next();
                assertEquals(found.size() + 2, rs.getInt(1));
            }
        }
    }
}
