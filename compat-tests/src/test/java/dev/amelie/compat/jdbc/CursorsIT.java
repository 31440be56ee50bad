package dev.amelie.compat.jdbc;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGStatement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SQL cursors through pgjdbc, which speaks the extended protocol: a FETCH's portal is described
 * with its cursor's columns (PostgreSQL describes it at Bind), DECLARE takes parameters, a
 * server-prepared FETCH is described again each time, and a cursor's rows are a read of its
 * transaction: a concurrent change before COMMIT aborts it with 40001.
 */
@Timeout(60)
class CursorsIT {
    @TempDir
    static Path temp;

    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(temp.resolve("data"), 2);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table cur_jdbc (id int primary key, name text, price numeric(6,2))");
            s.execute("insert into cur_jdbc select g, 'item ' || g, g * 1.5 from generate_series(1, 6) g");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    @Test
    void fetchThroughTheExtendedProtocolDescribesTheCursorsColumns() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement declare = c.prepareStatement(
                    "declare jc scroll cursor for select id, name, price from cur_jdbc where id > ? order by id")) {
                declare.setInt(1, 2);
                declare.execute();
            }
            try (PreparedStatement fetch = c.prepareStatement("fetch 2 from jc");
                 ResultSet rs = fetch.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                assertEquals(3, meta.getColumnCount());
                assertEquals("id", meta.getColumnName(1));
                assertEquals(Types.INTEGER, meta.getColumnType(1));
                assertEquals("name", meta.getColumnName(2));
                assertEquals(Types.NUMERIC, meta.getColumnType(3));
                assertEquals(List.of("3|item 3|4.50", "4|item 4|6.00"), rows(rs));
            }
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("move backward 1 in jc"));
                try (ResultSet rs = s.executeQuery("fetch prior from jc")) {
                    assertEquals(List.of(), rows(rs));
                }
                try (ResultSet rs = s.executeQuery("fetch all from jc")) {
                    assertEquals(List.of("3|item 3|4.50", "4|item 4|6.00", "5|item 5|7.50", "6|item 6|9.00"), rows(rs));
                }
                s.execute("close jc");
                SQLException gone = assertThrows(SQLException.class, () -> s.executeQuery("fetch jc"));
                assertEquals("34000", gone.getSQLState());
            }
            c.rollback();
        }
    }

    @Test
    void aServerPreparedFetchIsDescribedByItsCursorEachTime() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("declare jp no scroll cursor for select id, name from cur_jdbc order by id");
            }
            List<String> seen = new ArrayList<>();
            try (PreparedStatement fetch = c.prepareStatement("fetch forward 2 from jp")) {
                fetch.unwrap(PGStatement.class).setPrepareThreshold(1);
                for (int i = 0; i < 4; i++) {
                    try (ResultSet rs = fetch.executeQuery()) {
                        seen.addAll(rows(rs));
                    }
                }
            }
            assertEquals(List.of("1|item 1", "2|item 2", "3|item 3", "4|item 4", "5|item 5", "6|item 6"), seen);
            try (Statement s = c.createStatement()) {
                SQLException backward = assertThrows(SQLException.class, () -> s.executeQuery("fetch prior from jp"));
                assertEquals("55000", backward.getSQLState());
            }
            c.rollback();
        }
    }

    @Test
    void declareWithoutHoldOutsideATransactionBlockIs25P01AndWithHoldOutlivesCommit() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException outside = assertThrows(SQLException.class, () -> s.execute("declare jn cursor for select 1"));
            assertEquals("25P01", outside.getSQLState());
            s.execute("declare jh cursor with hold for select id from cur_jdbc where id <= 3 order by id");
            try (ResultSet rs = s.executeQuery("fetch 2 from jh")) {
                assertEquals(List.of("1", "2"), rows(rs));
            }
            try (ResultSet rs = s.executeQuery("fetch next from jh")) {
                assertEquals(List.of("3"), rows(rs));
            }
            s.execute("close jh");
        }
    }

    @Test
    void aConcurrentChangeToTheCursorsRowsBeforeCommitAbortsWith40001() throws Exception {
        try (Connection reader = connect(); Connection writer = connect()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("declare jr cursor for select id, name from cur_jdbc where id > 4 order by id");
                try (ResultSet rs = s.executeQuery("fetch next from jr")) {
                    assertEquals(List.of("5|item 5"), rows(rs));
                }
            }
            try (Statement w = writer.createStatement()) {
                w.executeUpdate("insert into cur_jdbc values (7, 'item 7', 1)");
            }
            try (Statement s = reader.createStatement()) {
                try (ResultSet rs = s.executeQuery("fetch all from jr")) {
                    // Taken at DECLARE: the insert is not among them.
                    assertEquals(List.of("6|item 6"), rows(rs));
                }
            }
            SQLException conflict = assertThrows(SQLException.class, reader::commit);
            assertEquals("40001", conflict.getSQLState());
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from cur_jdbc where id = 7");
            }
        }
    }

    @Test
    void anUnchangedCursorCommits() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("declare ju cursor for select id from cur_jdbc where id between 2 and 3 order by id");
                try (ResultSet rs = s.executeQuery("fetch all from ju")) {
                    assertEquals(List.of("2", "3"), rows(rs));
                }
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                SQLException closed = assertThrows(SQLException.class, () -> s.executeQuery("fetch ju"));
                assertEquals("34000", closed.getSQLState());
                assertFalse(closed.getMessage().isEmpty());
            }
            c.rollback();
        }
    }
}
