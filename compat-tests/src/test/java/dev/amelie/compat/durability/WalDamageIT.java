package dev.amelie.compat.durability;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a real server does with a damaged WAL at start: a torn last record (a write cut short by
 * the crash) is cut and the server starts with every whole transaction; a flipped bit in a
 * record in the middle stops the start with a message naming the file and the offset, and
 * leaves the file as it was.
 */
class WalDamageIT {
    @TempDir
    Path temp;

    @Test
    void aTornLastRecordIsCutAndTheServerStarts() throws Exception {
        Path data = temp.resolve("torn");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            load(server);
            assertEquals(0, server.stop());
            Path segment = onlySegment(data);
            long size = Files.size(segment);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                // A frame header that announces 100 bytes, and only 10 of them: a torn write.
                ByteBuffer torn = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                torn.putInt(100).putInt(0x12345678).putLong(999).put(new byte[10]).flip();
                channel.write(torn);
            }
            server.restart();
            assertEquals(size, Files.size(segment), "the torn tail was cut back to the last whole record");
            assertEquals(200, count(server));
            assertTrue(Files.readString(server.log()).contains("torn tail"), "the log says what was cut");
        }
    }

    @Test
    void aFlippedBitInTheMiddleStopsTheStartNamingFileAndOffset() throws Exception {
        Path data = temp.resolve("flipped");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            load(server);
            assertEquals(0, server.stop());
            Path segment = onlySegment(data);
            long size = Files.size(segment);
            long middle = size / 2;
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, middle);
                one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
                channel.write(one, middle);
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, server::restart);
            assertTrue(refused.getMessage().contains(segment.getFileName().toString())
                    && refused.getMessage().contains("byte offset"), refused.getMessage());
            assertEquals(size, Files.size(segment), "nothing was cut from a log that has committed data after the damage");
        }
    }

    private static void load(ServerProcess server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("create table damage (id int primary key, v text)");
            for (int i = 0; i < 200; i++) {
                s.execute("insert into damage values (" + i + ", 'row " + i + "')");
            }
        }
    }

    private static int count(ServerProcess server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from damage")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Path onlySegment(Path data) throws Exception {
        try (var files = Files.list(data.resolve("wal"))) {
            return files.filter(f -> f.toString().endsWith(".wal")).findFirst().orElseThrow();
        }
    }
}
