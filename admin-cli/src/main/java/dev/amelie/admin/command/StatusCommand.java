package dev.amelie.admin.command;

import dev.amelie.admin.server.PidFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code amelie status}: whether a server runs on the data directory, and if so where and with
 * how many compute nodes. Exit status as pg_ctl status: 0 running, 3 not running.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Tell whether a server runs on the data directory (exit 0), or not (exit 3).")
public final class StatusCommand implements Callable<Integer> {
    static final int NOT_RUNNING = 3;

    @Mixin
    ServerConnection server;

    @Override
    public Integer call() throws Exception {
        Path data = server.settings().dataDirectory();
        Optional<PidFile> pidFile = PidFile.read(data);
        if (pidFile.isEmpty() || pidFile.get().process().isEmpty()) {
            System.out.println("no server running on " + data);
            return NOT_RUNNING;
        }
        PidFile running = pidFile.get();
        int colon = running.listen().lastIndexOf(':');
        String host = running.listen().substring(0, colon);
        int port = Integer.parseInt(running.listen().substring(colon + 1));
        StringBuilder line = new StringBuilder("server running (pid " + running.pid() + ") on " + running.listen()
                + ", data " + data);
        try (Connection connection = ServerConnection.connect(host, port, server.user, true);
             Statement statement = connection.createStatement()) {
            int nodes = 0;
            try (ResultSet rs = statement.executeQuery("SHOW COMPUTE")) {
                while (rs.next()) {
                    nodes++;
                }
            }
            line.append("; ").append(nodes).append(" compute nodes");
        } catch (SQLException e) {
            line.append("; not answering: ").append(e.getMessage());
        }
        System.out.println(line);
        return 0;
    }
}
