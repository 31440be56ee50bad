package dev.amelie.compat.durability;

import dev.amelie.compat.server.AmelieCommand;
import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code amelie checkpoint} and {@code amelie backup --to DIR}, run as an operator would, against a running server. */
class DurabilityCommandsIT {
    @TempDir
    Path temp;

    @Test
    void checkpointAndBackupFromTheCommandLine() throws Exception {
        Path data = temp.resolve("data");
        Path copy = temp.resolve("copy");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table cli_rows (id int primary key, v text)");
                s.execute("insert into cli_rows values (1, 'one'), (2, 'two'), (3, 'three')");
            }
            String listen = "127.0.0.1:" + server.port();
            AmelieCommand.Result checkpoint = amelie("checkpoint", "--listen", listen);
            assertEquals(0, checkpoint.exit(), checkpoint.output());
            assertTrue(checkpoint.output().contains("checkpoint complete"), checkpoint.output());
            try (var snapshots = Files.list(data.resolve("snapshot"))) {
                assertEquals(1, snapshots.filter(Files::isDirectory).count());
            }
            AmelieCommand.Result backup = amelie("backup", "--listen", listen, "--to", copy.toString());
            assertEquals(0, backup.exit(), backup.output());
            assertTrue(backup.output().contains("backup written to " + copy), backup.output());

            AmelieCommand.Result again = amelie("backup", "--listen", listen, "--to", copy.toString());
            assertEquals(1, again.exit(), again.output());
            assertTrue(again.output().contains("not empty"), again.output());
        }
        try (ServerProcess restored = ServerProcess.start(copy, 2);
             Connection c = DriverManager.getConnection(restored.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from cli_rows order by id")) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            assertEquals(List.of("one", "two", "three"), values);
        }
    }

    private AmelieCommand.Result amelie(String... args) throws Exception {
        return AmelieCommand.run(temp, args);
    }
}
