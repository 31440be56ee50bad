package dev.amelie.compat.crash;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
    private static final int MAX_ATTEMPTS_PER_WRITER = 100_000;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedCommitSurvivesKillDashNine() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table crash_rows (id int primary key, writer int not null, pair int not null)");
            }
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger acks = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(1);
            Thread[] writers = new Thread[WRITERS];
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers[w] = Thread.ofPlatform().name("crash-writer-" + w).start(() -> {
                    try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                         PreparedStatement insert = c.prepareStatement(
                                 "insert into crash_rows values (?, ?, ?), (?, ?, ?)")) {
                        for (int i = 0; i < MAX_ATTEMPTS_PER_WRITER; i++) {
                            int id = writer * 1_000_000 + i * 2;
                            insert.setInt(1, id);
                            insert.setInt(2, writer);
                            insert.setInt(3, id + 1);
                            insert.setInt(4, id + 1);
                            insert.setInt(5, writer);
                            insert.setInt(6, id);
                            insert.executeUpdate();
                            acknowledged.add(id);
                            if (acks.incrementAndGet() >= KILL_AFTER_ACKS) {
                                enough.countDown();
                            }
                        }
                    } catch (SQLException expectedWhenKilled) {
                        // the server went away mid-run: what was acknowledged is what counts
                    }
                });
            }
            // Checkpoints run all along, so the kill may land in one: before its snapshot is
            // complete, between snapshot and WAL removal, or while the writer thread still reads.
            AtomicInteger checkpoints = new AtomicInteger();
            Thread checkpointer = Thread.ofPlatform().name("crash-checkpointer").start(() -> {
                try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                    while (enough.getCount() > 0 || checkpoints.get() < 3) {
                        s.execute("checkpoint");
                        checkpoints.incrementAndGet();
                        Thread.sleep(50); // a checkpoint every ~50 ms plus its own time, bounded by the writers' run
                    }
                    s.execute("checkpoint"); // still running when the kill comes, most of the time
                } catch (SQLException | InterruptedException expectedWhenKilled) {
                    // the server went away mid-checkpoint: that is the point
                }
            });
            assertTrue(enough.await(120, TimeUnit.SECONDS), "writers did not reach " + KILL_AFTER_ACKS + " commits");
            while (checkpoints.get() < 3 && checkpointer.isAlive()) {
                Thread.sleep(20); // at least three complete checkpoints before the kill
            }
            server.kill();
            checkpointer.join(TimeUnit.SECONDS.toMillis(60));
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(60));
            }

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
