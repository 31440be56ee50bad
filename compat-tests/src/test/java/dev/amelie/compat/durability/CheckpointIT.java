package dev.amelie.compat.durability;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHECKPOINT writes a snapshot and drops the WAL before it; a restart (after SIGKILL) loads the
 * snapshot and replays the WAL after it, and ends with exactly the data it had; a damaged
 * snapshot stops the start with a message naming the file.
 */
class CheckpointIT {
    /** The whole content of the test's tables, in a fixed order, as text. */
    private static final String[] DUMP = {
            "select id, name, amount, created from ck_keyed order by id",
            "select a, b from ck_heap order by a, b",
            "select id, label from ck_serial order by id",
            "select n, total from ck_view order by n",
            "select id, note from ck_s.items order by id",
            "select v from ck_after.items order by v",
            "select n, total from ck_mv order by n",
            "select * from ck_wide order by id",
            "select nextval('ck_seq')",
    };

    @TempDir
    Path temp;

    @Test
    void restartAfterCheckpointAndKillHasEverything() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        // Small segments so that a checkpoint has whole segments to drop.
        Files.writeString(data.resolve("amelie.conf"), "wal_segment_size = 16384\ncheckpoint_interval = 0\n");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table ck_keyed (id int primary key, name text not null, amount numeric, created timestamp)");
                s.execute("create table ck_heap (a int, b text)");
                s.execute("create table ck_serial (id serial primary key, label text default 'none')");
                s.execute("create sequence ck_seq start 100");
                s.execute("create view ck_view as select id % 7 as n, count(*) as total from ck_keyed group by id % 7");
                s.execute("create table ck_wide (id int primary key, a text)");
                s.execute("insert into ck_wide values (1, 'x'), (2, 'y')");
                s.execute("alter table ck_wide add column before_checkpoint int default 7");
                s.execute("create schema ck_s");
                s.execute("create schema ck_gone");
                s.execute("create table ck_s.items (id int primary key, note text)");
                s.execute("create table ck_gone.items (id int)");
                s.execute("insert into ck_s.items select id, name from ck_keyed where id < 20");
                for (int i = 0; i < 400; i++) {
                    s.execute("insert into ck_keyed values (" + i + ", 'name " + i + "', " + i + ".25, '2024-01-02 03:04:05')");
                    s.execute("insert into ck_heap values (" + (i % 13) + ", 'h" + i + "')");
                }
                s.execute("insert into ck_serial (label) select name from ck_keyed where id < 50");
                s.execute("select nextval('ck_seq')");
                s.execute("select nextval('ck_seq')");
                long segmentsBefore = countFiles(data.resolve("wal"), ".wal");
                assertTrue(segmentsBefore > 3, "the load should span several 16 KiB segments, found " + segmentsBefore);

                s.execute("checkpoint");
                assertEquals(1, countDirectories(data.resolve("snapshot")), "one complete snapshot");
                assertTrue(countFiles(data.resolve("wal"), ".wal") < segmentsBefore, "the checkpoint removed WAL segments");

                // Changes after the snapshot live only in the WAL.
                s.execute("update ck_keyed set name = 'changed' where id % 5 = 0");
                s.execute("delete from ck_keyed where id % 11 = 0");
                s.execute("delete from ck_heap where a = 3");
                s.execute("insert into ck_heap values (99, 'after')");
                s.execute("insert into ck_serial (label) values ('after')");
                s.execute("insert into ck_keyed values (1000, 'late', null, null)");
                s.execute("select nextval('ck_seq')");
                s.execute("alter table ck_wide add column after_checkpoint numeric(4,1) default 2.25, add column empty text");
                s.execute("insert into ck_wide (id, a) values (3, 'z')");
                s.execute("create materialized view ck_mv as select id % 3 as n, count(*) as total from ck_keyed group by id % 3");
                s.execute("create schema ck_after");
                s.execute("create table ck_after.items (v text)");
                s.execute("insert into ck_after.items values ('only in the log')");
                s.execute("drop schema ck_gone cascade");
            }
            List<String> before = dump(server);
            server.kill();
            server.restart();
            assertEquals(before.subList(0, before.size() - 1), dump(server).subList(0, before.size() - 1));
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                assertEquals("42P06", assertThrows(SQLException.class, () -> s.execute("create schema ck_s")).getSQLState());
                s.execute("create schema ck_gone"); // its drop was replayed
                s.execute("drop schema ck_gone");
            }

            // A second checkpoint after the restart, then a clean stop and start: still the same.
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("checkpoint");
                s.execute("insert into ck_heap values (100, 'after second')");
            }
            List<String> second = dump(server);
            assertEquals(0, server.stop());
            server.restart();
            List<String> afterStop = dump(server);
            assertEquals(second.subList(0, second.size() - 1), afterStop.subList(0, afterStop.size() - 1));
            assertTrue(Long.parseLong(afterStop.getLast()) > Long.parseLong(second.getLast()),
                    "a sequence never hands out a number twice: " + second.getLast() + " then " + afterStop.getLast());
            assertEquals(1, countDirectories(data.resolve("snapshot")), "older snapshots are removed");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("checkpoint");
            }
            assertEquals(0, server.stop());
        }
        // The snapshot was written by 2 nodes; 3 nodes route every row by its hash again.
        List<String> expected;
        try (ServerProcess two = ServerProcess.start(data, 2)) {
            expected = dump(two);
            assertEquals(0, two.stop());
        }
        try (ServerProcess three = ServerProcess.start(data, 3)) {
            List<String> found = dump(three);
            assertEquals(expected.subList(0, expected.size() - 1), found.subList(0, found.size() - 1));
        }
    }

    @Test
    void aDamagedSnapshotStopsTheStartAndNamesTheFile() throws Exception {
        Path data = temp.resolve("damaged");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table ck_damaged (id int primary key, v text)");
                try (PreparedStatement insert = c.prepareStatement("insert into ck_damaged values (?, ?)")) {
                    for (int i = 1; i <= 5000; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "value " + i);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                s.execute("checkpoint");
            }
            assertEquals(0, server.stop());
            Path snapshot;
            try (Stream<Path> dirs = Files.list(data.resolve("snapshot"))) {
                snapshot = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            Path victim;
            try (Stream<Path> files = Files.list(snapshot)) {
                victim = files.filter(f -> f.getFileName().toString().startsWith("t")).max((a, b) ->
                        Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
            }
            long size = Files.size(victim);
            try (FileChannel channel = FileChannel.open(victim, StandardOpenOption.WRITE)) {
                channel.truncate(size / 2);
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, server::restart);
            assertTrue(refused.getMessage().contains(victim.getFileName().toString()),
                    "the message names the damaged file:\n" + refused.getMessage());
        }
    }

    private static List<String> dump(ServerProcess server) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            for (String query : DUMP) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rs = s.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(rs.getString(i)).append(i == columns ? "\n" : "|");
                        }
                    }
                }
                lines.add(query.startsWith("select nextval") ? text.toString().trim() : text.toString());
            }
        }
        return lines;
    }

    private static long countFiles(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static long countDirectories(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isDirectory).count();
        }
    }
}
