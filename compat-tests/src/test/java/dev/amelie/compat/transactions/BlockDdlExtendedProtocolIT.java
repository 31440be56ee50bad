package dev.amelie.compat.transactions;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * pgjdbc (extended protocol, one statement per round trip) inside a transaction block that ran
 * DDL, as migration tools do: a later statement sees the tables and columns the block made, as
 * PostgreSQL plans with the transaction's own uncommitted changes, whether it writes, reads
 * (its columns described as they now are) or takes parameters; ROLLBACK takes all of it back.
 */
@Timeout(60)
class BlockDdlExtendedProtocolIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

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
    void aTableCreatedInTheBlockTakesRowsAndShowsThem() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create table bd_created (id int primary key, name text)");
            s.execute("insert into bd_created (id, name) values (1, 'one')");
            try (ResultSet rs = s.executeQuery("select id, name from bd_created")) {
                assertEquals(List.of("1|one"), rows(rs));
            }
            c.commit();
            try (ResultSet rs = s.executeQuery("select count(*) from bd_created")) {
                assertEquals(List.of("1"), rows(rs));
            }
        }
    }

    @Test
    void aColumnAddedInTheBlockIsWrittenAndDescribed() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table bd_altered (id int primary key, name text)");
            s.execute("insert into bd_altered values (1, 'one')");
            c.setAutoCommit(false);
            s.execute("alter table bd_altered add column email text");
            s.execute("insert into bd_altered (id, name, email) values (2, 'two', 'two@example.com')");
            try (ResultSet rs = s.executeQuery("select * from bd_altered order by id")) {
                assertEquals(3, rs.getMetaData().getColumnCount());
                assertEquals("email", rs.getMetaData().getColumnName(3));
                assertEquals(List.of("1|one|null", "2|two|two@example.com"), rows(rs));
            }
            c.commit();
        }
    }

    @Test
    void aParameterizedStatementAfterTheBlocksDdlBindsItsParameters() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create table bd_params (id int primary key, name text, amount numeric(6,2))");
            try (PreparedStatement insert = c.prepareStatement("insert into bd_params values (?, ?, ?)")) {
                insert.setInt(1, 7);
                insert.setString(2, "seven");
                insert.setBigDecimal(3, new java.math.BigDecimal("7.50"));
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = c.prepareStatement("select name, amount from bd_params where id = ?")) {
                select.setInt(1, 7);
                try (ResultSet rs = select.executeQuery()) {
                    assertEquals(List.of("seven|7.50"), rows(rs));
                }
            }
            c.commit();
        }
    }

    @Test
    void rollbackTakesTheBlocksTableAway() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create table bd_rolled_back (id int primary key)");
            s.execute("insert into bd_rolled_back values (1)");
            c.rollback();
            SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("select * from bd_rolled_back"));
            assertEquals("42P01", missing.getSQLState());
        }
    }

    @Test
    void aMissingTableInABlockWithDdlIsStill42P01() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create table bd_present (id int primary key)");
            SQLException missing = assertThrows(SQLException.class, () -> s.execute("insert into bd_absent values (1)"));
            assertEquals("42P01", missing.getSQLState());
            c.rollback();
        }
    }
}
