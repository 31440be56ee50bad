package dev.amelie.compat.jdbc;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pgjdbc 42.7.14, unchanged, against a real server process. */
class JdbcIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    @Test
    void statementsRunAndReturnRows() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table jdbc_items (id bigint primary key, name text, price double precision)");
            assertEquals(2, s.executeUpdate("insert into jdbc_items values (1, 'pen', 1.5), (2, 'ink', 7.25)"));
            assertEquals(1, s.executeUpdate("update jdbc_items set price = price * 2 where id = 1"));
            try (ResultSet rs = s.executeQuery("select id, name, price from jdbc_items order by id")) {
                assertTrue(rs.next());
                assertEquals(1L, rs.getLong(1));
                assertEquals("pen", rs.getString("name"));
                assertEquals(3.0, rs.getDouble(3));
                assertTrue(rs.next());
                assertEquals(7.25, rs.getDouble("price"));
                assertFalse(rs.next());
            }
            assertEquals(1, s.executeUpdate("delete from jdbc_items where name = 'ink'"));
        }
    }

    /** pgjdbc's generated keys (it appends RETURNING to the INSERT), single and batched, on a serial key. */
    @Test
    void generatedKeysComeBackFromASerialColumn() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table jdbc_keys (id bigserial primary key, name text not null)");
            try (PreparedStatement p = c.prepareStatement("insert into jdbc_keys (name) values (?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, "first");
                assertEquals(1, p.executeUpdate());
                try (ResultSet keys = p.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(1L, keys.getLong("id"));
                    assertEquals("first", keys.getString("name"));
                }
            }
            try (PreparedStatement p = c.prepareStatement("insert into jdbc_keys (name) values (?)", new String[] {"id"})) {
                for (String name : new String[] {"a", "b", "c"}) {
                    p.setString(1, name);
                    p.addBatch();
                }
                p.executeBatch();
                List<Long> ids = new java.util.ArrayList<>();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                assertEquals(List.of(2L, 3L, 4L), ids);
            }
        }
    }

    @Test
    void preparedStatementSurvivesTheSwitchToServerPreparedBinary() throws Exception {
        // pgjdbc switches to a named server-side statement and binary transfer after 5 executions.
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table jdbc_prepared (k int primary key, v text, big bigint, flag boolean)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into jdbc_prepared values (?, ?, ?, ?)")) {
                for (int k = 1; k <= 12; k++) {
                    insert.setInt(1, k);
                    insert.setString(2, "v" + k);
                    insert.setLong(3, k * 10_000_000_000L);
                    insert.setBoolean(4, k % 2 == 0);
                    assertEquals(1, insert.executeUpdate());
                }
            }
            try (PreparedStatement select = c.prepareStatement("select v, big, flag from jdbc_prepared where k = ?")) {
                for (int k = 1; k <= 12; k++) {
                    select.setInt(1, k);
                    try (ResultSet rs = select.executeQuery()) {
                        assertTrue(rs.next(), "row " + k);
                        assertEquals("v" + k, rs.getString(1));
                        assertEquals(k * 10_000_000_000L, rs.getLong(2));
                        assertEquals(k % 2 == 0, rs.getBoolean(3));
                        assertFalse(rs.next());
                    }
                }
            }
            try (PreparedStatement count = c.prepareStatement("select count(*) from jdbc_prepared where k > ?")) {
                for (int i = 0; i < 8; i++) {
                    count.setInt(1, 6);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        assertEquals(6, rs.getLong(1));
                    }
                }
            }
        }
    }

    @Test
    void errorsCarryTheirSqlStateAndTheSessionGoesOn() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table jdbc_errors (id int primary key)");
            s.execute("insert into jdbc_errors values (1)");
            assertEquals("23505", assertThrows(SQLException.class, () -> s.execute("insert into jdbc_errors values (1)")).getSQLState());
            assertEquals("42601", assertThrows(SQLException.class, () -> s.execute("selec 1")).getSQLState());
            assertEquals("42P01", assertThrows(SQLException.class, () -> s.executeQuery("select * from nowhere")).getSQLState());
            assertEquals("22P02", assertThrows(SQLException.class, () -> s.execute("insert into jdbc_errors values ('x')")).getSQLState());
            assertEquals("0A000", assertThrows(SQLException.class, () -> s.execute("lock table jdbc_errors")).getSQLState());
            try (PreparedStatement p = c.prepareStatement("insert into jdbc_errors values (?)")) {
                p.setInt(1, 1);
                assertEquals("23505", assertThrows(SQLException.class, p::executeUpdate).getSQLState());
                p.setInt(1, 2);
                assertEquals(1, p.executeUpdate());
            }
            try (ResultSet rs = s.executeQuery("select count(*) from jdbc_errors")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @Test
    void autocommitOffTransactionsCommitOrRollBackAsAWhole() throws Exception {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table jdbc_tx (id int primary key, v int)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into jdbc_tx values (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    p.setInt(1, i);
                    p.setInt(2, i * 10);
                    p.executeUpdate();
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from jdbc_tx")) {
                rs.next();
                assertEquals(3, rs.getInt(1), "a transaction sees its own writes");
            }
            c.rollback();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into jdbc_tx values (7, 70)");
                s.executeUpdate("update jdbc_tx set v = v + 1 where id = 7");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, v from jdbc_tx")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
                assertEquals(71, rs.getInt(2));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void aConflictingInteractiveTransactionFailsWith40001AndCanBeRetried() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            try (Statement s = a.createStatement()) {
                s.execute("create table jdbc_bank (id int primary key, balance int)");
                s.execute("insert into jdbc_bank values (1, 100)");
            }
            a.setAutoCommit(false);
            int seen;
            try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("select balance from jdbc_bank where id = 1")) {
                rs.next();
                seen = rs.getInt(1);
            }
            try (Statement s = b.createStatement()) {
                s.executeUpdate("update jdbc_bank set balance = 0 where id = 1");
            }
            SQLException conflict = assertThrows(SQLException.class, () -> {
                try (Statement s = a.createStatement()) {
                    s.executeUpdate("update jdbc_bank set balance = " + (seen - 10) + " where id = 1");
                }
                a.commit();
            });
            assertEquals("40001", conflict.getSQLState());
            a.rollback();
            a.setAutoCommit(true);
            try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("select balance from jdbc_bank where id = 1")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the conflicting update must not have been applied");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // without cancellation this statement would run for hours
    void aLongStatementIsCancelledWith57014AndTheSessionGoesOn() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table jdbc_big (id int primary key)");
            StringBuilder insert = new StringBuilder("insert into jdbc_big values ");
            for (int i = 0; i < 300; i++) {
                insert.append(i == 0 ? "" : ",").append('(').append(i).append(')');
            }
            s.execute(insert.toString());
            // 300^4 combinations: far longer than the timeout; pgjdbc cancels with a CancelRequest.
            s.setQueryTimeout(1);
            SQLException cancelled = assertThrows(SQLException.class,
                    () -> s.executeQuery("select count(*) from jdbc_big a, jdbc_big b, jdbc_big c, jdbc_big d"));
            assertEquals("57014", cancelled.getSQLState());
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery("select count(*) from jdbc_big")) {
                rs.next();
                assertEquals(300, rs.getInt(1));
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void statementTimeoutCancelsWithPostgresMessage() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table jdbc_slow (id int primary key)");
            StringBuilder insert = new StringBuilder("insert into jdbc_slow values ");
            for (int i = 0; i < 300; i++) {
                insert.append(i == 0 ? "" : ",").append('(').append(i).append(')');
            }
            s.execute(insert.toString());
            s.execute("set statement_timeout = '300ms'");
            SQLException timedOut = assertThrows(SQLException.class,
                    () -> s.executeQuery("select count(*) from jdbc_slow a, jdbc_slow b, jdbc_slow c, jdbc_slow d"));
            assertEquals("57014", timedOut.getSQLState());
            assertTrue(timedOut.getMessage().contains("canceling statement due to statement timeout"), timedOut.getMessage());
            s.execute("set statement_timeout = 0");
            try (ResultSet rs = s.executeQuery("select count(*) from jdbc_slow")) {
                rs.next();
                assertEquals(300, rs.getInt(1));
            }
        }
    }

    @Test
    void batchesInsertEveryRow() throws Exception {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table jdbc_batch (id int primary key, label text)");
            }
            try (PreparedStatement p = c.prepareStatement("insert into jdbc_batch values (?, ?)")) {
                for (int i = 0; i < 50; i++) {
                    p.setInt(1, i);
                    p.setString(2, "row " + i);
                    p.addBatch();
                }
                int[] counts = p.executeBatch();
                assertEquals(50, counts.length);
            }
            List<Integer> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from jdbc_batch order by id desc limit 3")) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            assertEquals(List.of(49, 48, 47), ids);
        }
    }
}
