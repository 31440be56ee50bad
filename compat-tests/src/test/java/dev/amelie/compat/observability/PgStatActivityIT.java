package dev.amelie.compat.observability;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pg_stat_activity, pg_cancel_backend and pg_terminate_backend across two real sessions, and
 * the pg_stat_statements and pg_stat_database counts, as an operator uses them.
 */
@Timeout(180) // a hang guard
class PgStatActivityIT {
    private static final String SLOW = "select count(*) from activity_rows a, activity_rows b where a.id + b.id < 0";

    @TempDir
    Path temp;

    @Test
    void anotherSessionsQueryIsSeenCancelledAndTerminated() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2);
             Connection operator = connect(server, "operator"); Statement admin = operator.createStatement()) {
            admin.execute("create table activity_rows (id int primary key)");
            for (int first = 0; first < 6000; first += 1000) {
                StringBuilder insert = new StringBuilder("insert into activity_rows values ");
                for (int i = first; i < first + 1000; i++) {
                    insert.append(i == first ? "" : ",").append('(').append(i).append(')');
                }
                admin.execute(insert.toString());
            }

            try (Connection worker = connect(server, "worker"); Statement work = worker.createStatement()) {
                int workerPid = pid(work);
                // A statement that runs for seconds (a 36-million-row join), seen while it runs, then cancelled.
                CompletableFuture<SQLException> slow = CompletableFuture.supplyAsync(() -> {
                    try {
                        work.executeQuery(SLOW).close();
                        return null;
                    } catch (SQLException e) {
                        return e;
                    }
                });
                String seen = awaitState(admin, workerPid, "active");
                assertEquals(SLOW, seen);
                try (ResultSet rs = admin.executeQuery("select usename, application_name, client_addr, backend_type, "
                        + "query_start is not null, xact_start is not null from pg_stat_activity where pid = " + workerPid)) {
                    assertTrue(rs.next());
                    assertEquals("amelie", rs.getString(1));
                    assertEquals("worker", rs.getString(2));
                    assertEquals("127.0.0.1", rs.getString(3));
                    assertEquals("client backend", rs.getString(4));
                    assertTrue(rs.getBoolean(5) && rs.getBoolean(6));
                }
                try (ResultSet rs = admin.executeQuery("select pg_cancel_backend(" + workerPid + ")")) {
                    assertTrue(rs.next() && rs.getBoolean(1));
                }
                SQLException cancelled = slow.get(60, TimeUnit.SECONDS);
                assertTrue(cancelled != null, "the slow statement was cancelled");
                assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());

                // The session goes on; in an open block it is "idle in transaction".
                worker.setAutoCommit(false);
                try (ResultSet rs = work.executeQuery("select count(*) from activity_rows")) {
                    assertTrue(rs.next());
                    assertEquals(6000, rs.getInt(1));
                }
                assertEquals("select count(*) from activity_rows", awaitState(admin, workerPid, "idle in transaction"));

                try (ResultSet rs = admin.executeQuery("select pg_terminate_backend(" + workerPid + ")")) {
                    assertTrue(rs.next() && rs.getBoolean(1));
                }
                SQLException terminated = assertThrows(SQLException.class, () -> work.executeQuery("select 1"));
                assertEquals("57P01", terminated.getSQLState(), terminated.getMessage());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (count(admin, "select count(*) from pg_stat_activity where pid = " + workerPid) > 0) {
                    assertTrue(System.nanoTime() < deadline, "the terminated session left pg_stat_activity");
                    Thread.sleep(20);
                }
            }
            try (ResultSet rs = admin.executeQuery("select pg_terminate_backend(999999), pg_backend_pid() = pid "
                    + "from pg_stat_activity where application_name = 'operator'")) {
                assertTrue(rs.next());
                assertFalse(rs.getBoolean(1), "no session has that pid");
                assertTrue(rs.getBoolean(2));
            }
            assertEquals(1, count(admin, "select numbackends from pg_stat_database where datname = 'amelie'"));
            assertTrue(count(admin, "select sessions_killed from pg_stat_database") >= 1);
            assertTrue(count(admin, "select xact_commit from pg_stat_database") > 0);
            assertEquals(6, count(admin, "select calls from pg_stat_statements where left(query, 32) = 'insert into activity_rows values'")
, "the six inserts are one statement with their constants taken out");
            SQLException readOnly = assertThrows(SQLException.class, () -> admin.execute("delete from pg_stat_activity"));
            assertEquals("55000", readOnly.getSQLState());
        }
    }

    private static Connection connect(ServerProcess server, String application) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", application);
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static int pid(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    /** Polls pg_stat_activity until the session is in the state; returns its query. */
    private static String awaitState(Statement admin, int pid, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (ResultSet rs = admin.executeQuery("select state, query from pg_stat_activity where pid = " + pid)) {
                if (rs.next() && rs.getString(1).equals(state)) {
                    return rs.getString(2);
                }
            }
            assertTrue(System.nanoTime() < deadline, "session " + pid + " never was " + state);
            Thread.sleep(10);
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
