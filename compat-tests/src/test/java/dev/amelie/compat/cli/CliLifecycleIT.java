package dev.amelie.compat.cli;

import dev.amelie.compat.server.AmelieCommand;
import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a server as an operator runs it: amelie init, start --print-config, start
 * --detach, status, a second start refused, stop (a connected client gets 57P01), status again.
 */
@Timeout(300) // a hang guard
class CliLifecycleIT {
    @TempDir
    Path temp;

    @Test
    void initStartStatusStopFromTheCommandLine() throws Exception {
        Path data = temp.resolve("data");
        int port = ServerProcess.freePort();
        String listen = "127.0.0.1:" + port;
        try {
            AmelieCommand.Result init = AmelieCommand.run(temp, "init", "--data", data.toString(), "--listen", listen,
                    "--compute", "3");
            assertEquals(0, init.exit(), init.output());
            assertTrue(init.output().contains("with 3 compute nodes"), init.output());
            AmelieCommand.Result again = AmelieCommand.run(temp, "init", "--data", data.toString());
            assertEquals(1, again.exit(), again.output());
            assertTrue(again.output().contains("not empty"), again.output());

            AmelieCommand.Result config = AmelieCommand.run(temp, "start", "--data", data.toString(), "--print-config",
                    "--hosts", "1");
            assertEquals(0, config.exit(), config.output());
            assertTrue(config.output().matches("(?s).*listen\\s+= " + listen + "\\s+# .*amelie\\.conf.*"), config.output());
            assertTrue(config.output().matches("(?s).*hosts\\s+= 1\\s+# command line.*"), config.output());

            Path conf = data.resolve("amelie.conf");
            String original = Files.readString(conf);
            Files.writeString(conf, original + "chekpoint_interval = 10s\n");
            AmelieCommand.Result typo = AmelieCommand.run(temp, "start", "--data", data.toString());
            assertEquals(1, typo.exit(), typo.output());
            assertTrue(typo.output().contains("unknown setting 'chekpoint_interval'"), typo.output());
            Files.writeString(conf, original);

            assertEquals(3, AmelieCommand.run(temp, "status", "--data", data.toString()).exit());
            AmelieCommand.Result start = AmelieCommand.run(temp, "start", "--data", data.toString(), "--detach");
            assertEquals(0, start.exit(), start.output());
            assertTrue(start.output().contains("listening on " + listen), start.output());
            AmelieCommand.Result status = AmelieCommand.run(temp, "status", "--data", data.toString());
            assertEquals(0, status.exit(), status.output());
            assertTrue(status.output().contains("3 compute nodes"), status.output());

            AmelieCommand.Result second = AmelieCommand.run(temp, "start", "--data", data.toString());
            assertEquals(1, second.exit(), second.output());
            assertTrue(second.output().contains("is in use by another Amelie server"), second.output());

            try (Connection client = DriverManager.getConnection("jdbc:postgresql://" + listen + "/amelie?user=amelie");
                 Statement s = client.createStatement()) {
                s.execute("create table lifecycle (id int primary key)");
                s.execute("insert into lifecycle values (1), (2)");
                AmelieCommand.Result stop = AmelieCommand.run(temp, "stop", "--data", data.toString());
                assertEquals(0, stop.exit(), stop.output());
                SQLException shutdown = assertThrows(SQLException.class, () -> s.execute("select 1"));
                assertEquals("57P01", shutdown.getSQLState(), shutdown.getMessage());
            }
            assertEquals(3, AmelieCommand.run(temp, "status", "--data", data.toString()).exit());
            assertTrue(!Files.exists(data.resolve("amelie.pid")), "the pid file goes with the server");
            assertTrue(Files.readString(data.resolve("log/amelie.log")).contains("ready to accept connections"));
            AmelieCommand.Result stopAgain = AmelieCommand.run(temp, "stop", "--data", data.toString());
            assertEquals(1, stopAgain.exit(), stopAgain.output());

            AmelieCommand.Result version = AmelieCommand.run(temp, "version");
            assertEquals(0, version.exit(), version.output());
            assertTrue(version.output().startsWith("Amelie "), version.output());
        } finally {
            // Whatever failed above, no detached server outlives the test.
            Optional<String> pid = Files.exists(data.resolve("amelie.pid"))
                    ? Optional.of(Files.readAllLines(data.resolve("amelie.pid")).getFirst().trim()) : Optional.empty();
            pid.flatMap(p -> ProcessHandle.of(Long.parseLong(p))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
