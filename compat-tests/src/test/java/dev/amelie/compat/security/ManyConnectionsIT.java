package dev.amelie.compat.security;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosts are event loops, not a thread per connection: 500 idle connections and 32 busy ones
 * are served at once by a server with two host threads, and the idle ones still answer after.
 */
@Timeout(300) // a hang guard
class ManyConnectionsIT {
    private static final int IDLE = 500;
    private static final int BUSY = 32;
    private static final int QUERIES_EACH = 200;

    @TempDir
    Path temp;

    @Test
    void fiveHundredIdleAndThirtyTwoBusyConnectionsAreServedAtOnce() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("amelie.conf"), "max_connections = " + (IDLE + BUSY) + "\n");
        List<Connection> idle = new ArrayList<>();
        ExecutorService busyThreads = Executors.newFixedThreadPool(BUSY);
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection setup = DriverManager.getConnection(server.jdbcUrl()); Statement statement = setup.createStatement()) {
                statement.execute("create table counters (id int primary key, n bigint)");
                statement.execute("insert into counters select g, 0 from generate_series(0, " + (BUSY - 1) + ") g");
            }
            for (int i = 0; i < IDLE; i++) {
                idle.add(DriverManager.getConnection(server.jdbcUrl()));
            }
            List<Future<Long>> busy = new ArrayList<>();
            for (int worker = 0; worker < BUSY; worker++) {
                int id = worker;
                busy.add(busyThreads.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                         PreparedStatement update = connection.prepareStatement("update counters set n = n + 1 where id = ?");
                         PreparedStatement read = connection.prepareStatement("select n from counters where id = ?")) {
                        for (int q = 0; q < QUERIES_EACH; q++) {
                            update.setInt(1, id);
                            update.executeUpdate();
                        }
                        read.setInt(1, id);
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                }));
            }
            for (Future<Long> result : busy) {
                assertEquals(QUERIES_EACH, result.get(240, TimeUnit.SECONDS));
            }
            int answered = 0;
            for (Connection connection : idle) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select 1")) {
                    assertTrue(rs.next());
                    answered++;
                }
            }
            assertEquals(IDLE, answered);
        } finally {
            busyThreads.shutdownNow();
            for (Connection connection : idle) {
                try {
                    connection.close();
                } catch (java.sql.SQLException e) {
                    // the server is gone already
                }
            }
        }
    }
}
