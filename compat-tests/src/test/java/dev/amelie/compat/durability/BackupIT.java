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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BACKUP TO (what {@code amelie backup} sends) while writers commit: a server started on the
 * copy has every transaction acknowledged before the backup began, whole, and the source
 * server never stopped serving.
 */
class BackupIT {
    private static final int WRITERS = 3;

    @TempDir
    Path temp;

    @Test
    void backupUnderWriteLoadStartsWithEveryEarlierCommit() throws Exception {
        Path copy = temp.resolve("backup");
        Set<Integer> beforeBackup;
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table backup_rows (id int primary key, pair int not null)");
            }
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger afterBackup = new AtomicInteger();
            AtomicBoolean backupDone = new AtomicBoolean();
            Thread[] writers = new Thread[WRITERS];
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers[w] = Thread.ofPlatform().name("backup-writer-" + w).start(() -> {
                    try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                         PreparedStatement insert = c.prepareStatement("insert into backup_rows values (?, ?), (?, ?)")) {
                        for (int i = 0; !stop.get() && i < 200_000; i++) {
                            int id = writer * 1_000_000 + i * 2;
                            insert.setInt(1, id);
                            insert.setInt(2, id + 1);
                            insert.setInt(3, id + 1);
                            insert.setInt(4, id);
                            insert.executeUpdate();
                            acknowledged.add(id);
                            if (backupDone.get()) {
                                afterBackup.incrementAndGet();
                            }
                        }
                    } catch (SQLException e) {
                        throw new AssertionError("a writer failed while the backup ran", e);
                    }
                });
            }
            while (acknowledged.size() < 500) {
                Thread.sleep(10); // the writers are warming up; bounded by the writers' own limit
            }
            beforeBackup = new HashSet<>(acknowledged);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("backup to '" + copy + "'")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) > 0, "snapshot LSN");
                assertTrue(rs.getLong(3) > 0, "bytes copied");
            }
            backupDone.set(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (afterBackup.get() < 100 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(60));
                assertFalse(writer.isAlive());
            }
            assertTrue(afterBackup.get() >= 100, "the source kept serving writes after the backup");

            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                // A second backup into the same, now full, directory is refused.
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("backup to '" + copy + "'"));
                assertEquals("58P02", refused.getSQLState());
                refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> s.execute("backup to 'relative/dir'"));
                assertEquals("42602", refused.getSQLState());
            }
        }
        assertTrue(Files.isDirectory(copy.resolve("snapshot")));
        try (ServerProcess restored = ServerProcess.start(copy, 2);
             Connection c = DriverManager.getConnection(restored.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, pair from backup_rows")) {
            Set<Integer> found = new HashSet<>();
            while (rs.next()) {
                int id = rs.getInt(1);
                assertEquals(id % 2 == 0 ? id + 1 : id - 1, rs.getInt(2));
                found.add(id);
            }
            for (int id : beforeBackup) {
                assertTrue(found.contains(id) && found.contains(id + 1), "committed before the backup but missing: " + id);
            }
            for (int id : found) {
                int even = id % 2 == 0 ? id : id - 1;
                assertTrue(found.contains(even) && found.contains(even + 1), "half a transaction in the backup: " + id);
            }
        }
    }
}
