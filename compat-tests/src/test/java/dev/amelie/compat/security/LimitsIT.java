package dev.amelie.compat.security;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource limits on a real server (max_connections = 500, query_memory_limit = 32MB): a
 * statement materializing too much gets 53200 and the session and server go on; statement_timeout
 * (57014); idle_in_transaction_session_timeout (FATAL 25P03); the 501st connection gets 53300.
 */
@Timeout(300) // a hang guard
class LimitsIT {
    @TempDir
    static Path temp;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("amelie.conf"), "max_connections = 500\nquery_memory_limit = 32MB\n");
        server = ServerProcess.start(data, 2);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static long single(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void aStatementMaterializingTooMuchGets53200AndTheSessionAndServerGoOn() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             Connection bystander = connect(); Statement other = bystander.createStatement()) {
            statement.execute("create table wide (id int primary key, pad text)");
            statement.execute("insert into wide select g, repeat('w', 100) from generate_series(1, 100000) g");
            // A sort, a join and a result set, each far beyond 32MB once materialized.
            for (String huge : List.of(
                    "select g, repeat('x', 200) from generate_series(1, 2000000) g order by 2 desc, 1",
                    "select count(*) from wide a join wide b on a.pad = b.pad",
                    "select a.id, b.pad from wide a, wide b where a.id < 50")) {
                SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery(huge).close(), huge);
                assertEquals("53200", e.getSQLState(), huge + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith("ERROR: out of memory"), e.getMessage());
                assertEquals(100000, single(statement, "select count(*) from wide"), "the same session goes on");
            }
            assertEquals(7, single(other, "select 7"), "another session was never touched");
            assertEquals(5000050000L, single(statement, "select sum(g) from generate_series(1, 100000) g"),
                    "a statement within the limit still runs");
        }
    }

    @Test
    void statementTimeoutCancelsWith57014() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = '200ms'");
            SQLException e = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select count(*) from generate_series(1, 1000000000) g where g % 7 = 3").close());
            assertEquals("57014", e.getSQLState());
            assertEquals("ERROR: canceling statement due to statement timeout", e.getMessage());
            statement.execute("set statement_timeout = 0");
            assertEquals(1, single(statement, "select 1"));
        }
    }

    @Test
    void idleInTransactionSessionTimeoutEndsTheSessionWithFatal25P03() throws Exception {
        String out = TlsIT.psql(server.port(), "", "set idle_in_transaction_session_timeout = '300ms';\nbegin;\nselect 1;\n"
                + "\\! sleep 1.5\nselect 2;\n");
        assertTrue(out.contains("FATAL:  terminating connection due to idle-in-transaction timeout"), out);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(1, single(statement, "select 1"), "the server goes on");
        }
    }

    @Test
    void the501stConnectionGets53300() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            // Wait until the other tests' sessions are gone: they hold slots until the server sees their close.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (open.size() < 500) {
                try {
                    open.add(connect());
                } catch (SQLException e) {
                    if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.onSpinWait();
                }
            }
            SQLException refused = assertThrows(SQLException.class, LimitsIT::connect);
            assertEquals("53300", refused.getSQLState());
            assertEquals("FATAL: sorry, too many clients already", refused.getMessage());
            try (Statement statement = open.getLast().createStatement()) {
                assertEquals(1, single(statement, "select 1"), "the 500 are served");
            }
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
    }
}
