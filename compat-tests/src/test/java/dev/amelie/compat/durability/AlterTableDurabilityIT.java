package dev.amelie.compat.durability;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import java.io.StringReader;
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
 * ALTER TABLE's changes (column defaults and NOT NULL, renames, dropped columns, CHECK
 * constraints) survive a checkpoint (they are in the snapshot's catalog) and a kill (they are
 * replayed from the WAL), on as many nodes as before or more.
 */
class AlterTableDurabilityIT {
    private static final String[] DUMP = {
            "select * from al_keyed order by id",
            "select * from al_renamed order by b, c",
            "select * from al_late order by k",
    };

    @TempDir
    Path temp;

    @Test
    void alteredTablesKeepTheirShapeAndConstraintsAcrossCheckpointAndRestart() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("amelie.conf"), "checkpoint_interval = 0\n");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                // Before the checkpoint: in the snapshot.
                s.execute("create table al_keyed (id int primary key, gone text, qty int check (qty >= 0), note text)");
                s.execute("insert into al_keyed select g, 'g' || g, g, null from generate_series(1, 200) g");
                s.execute("alter table al_keyed drop column gone");
                s.execute("alter table al_keyed alter column note set default 'fresh'");
                s.execute("alter table al_keyed alter column qty set not null");
                s.execute("create table al_heap (a int primary key, b int, c text)");
                s.execute("create index al_heap_b on al_heap (b)");
                s.execute("insert into al_heap select g, g % 10, 'c' || g from generate_series(1, 100) g");
                s.execute("alter table al_heap drop column a"); // the key goes with it: hidden row ids from now on
                s.execute("alter table al_heap rename to al_renamed");
                s.execute("alter table al_renamed add constraint al_small check (b < 10)");
                s.execute("checkpoint");

                // After the checkpoint: only in the WAL.
                s.execute("alter table al_keyed rename column qty to amount");
                s.execute("alter table al_keyed add check (amount < 1000)");
                s.execute("insert into al_keyed (id, amount) values (500, 5)");
                s.execute("insert into al_renamed values (3, 'after')");
                s.execute("create table al_late (k int primary key, v int check (v <> 13), w int)");
                s.execute("insert into al_late values (1, 1, 1), (2, 2, 2)");
                s.execute("alter table al_late drop column w");
                s.execute("alter table al_late alter column v set default 7");
                s.execute("alter table al_late drop constraint al_late_v_check");
                s.execute("insert into al_late (k) values (3)");
            }
            List<String> before = dump(server);
            server.kill();
            server.restart();
            assertEquals(before, dump(server));
            assertConstraintsHold(server);

            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("checkpoint");
            }
            assertEquals(0, server.stop());
            server.restart();
            assertEquals(before, dump(server));
            assertConstraintsHold(server);
            assertEquals(0, server.stop());
        }
        try (ServerProcess three = ServerProcess.start(data, 3)) {
            List<String> found = dump(three);
            assertEquals(3, found.size());
            assertConstraintsHold(three);
        }
    }

    @Test
    void foreignKeysAndUniqueConstraintsSurviveCheckpointAndRestart() throws Exception {
        Path data = temp.resolve("fk");
        Files.createDirectories(data);
        Files.writeString(data.resolve("amelie.conf"), "checkpoint_interval = 0\n");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                // Before the checkpoint: in the snapshot.
                s.execute("create table fk_p (id int primary key, name text)");
                s.execute("insert into fk_p select g, 'p' || g from generate_series(1, 50) g");
                s.execute("create table fk_c (id int primary key, p int references fk_p on delete cascade)");
                s.execute("insert into fk_c select g, g % 50 + 1 from generate_series(1, 200) g");
                s.execute("create table fk_u (k int, t text)");
                s.execute("insert into fk_u select g, 't' || g from generate_series(1, 20) g");
                s.execute("alter table fk_u add unique (k)");
                s.execute("alter table fk_u add constraint fk_u_t_uq unique (t)");
                s.execute("checkpoint");

                // After the checkpoint: only in the WAL.
                s.execute("create table fk_c2 (id int primary key, k int)");
                s.execute("insert into fk_c2 values (1, 1), (2, null)");
                s.execute("alter table fk_c2 add constraint fk_c2_k foreign key (k) references fk_u (k)");
                s.execute("alter table fk_u drop constraint fk_u_t_uq");
                s.execute("alter table fk_p rename to fk_parent");
                s.execute("create table fk_self (id int primary key, up int, foreign key (up) references fk_self)");
                s.execute("insert into fk_self values (1, null), (2, 1)");
            }
            assertForeignKeysHold(server);
            server.kill();
            server.restart();
            assertForeignKeysHold(server);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("checkpoint");
            }
            assertEquals(0, server.stop());
            server.restart();
            assertForeignKeysHold(server);
            assertEquals(0, server.stop());
        }
        try (ServerProcess three = ServerProcess.start(data, 3)) {
            assertForeignKeysHold(three);
        }
    }

    /** The constraints, by name, still hold; what a check would undo is rolled back. */
    private static void assertForeignKeysHold(ServerProcess server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            SQLException missing = assertThrows(SQLException.class, () -> s.execute("insert into fk_c values (1000, 51)"));
            assertEquals("23503", missing.getSQLState());
            assertTrue(missing.getMessage().contains("fk_c_p_fkey"), missing.getMessage());
            SQLException unique = assertThrows(SQLException.class, () -> s.execute("insert into fk_c2 values (3, 99)"));
            assertTrue(unique.getMessage().contains("fk_c2_k"), unique.getMessage());
            assertEquals("23503", assertThrows(SQLException.class,
                    () -> s.execute("insert into fk_self values (3, 7)")).getSQLState());
            assertEquals("23503", assertThrows(SQLException.class,
                    () -> s.execute("delete from fk_u where k = 1")).getSQLState());
            assertEquals("23505", assertThrows(SQLException.class,
                    () -> s.execute("insert into fk_u values (1, 'again')")).getSQLState());
            assertEquals("2BP01", assertThrows(SQLException.class, () -> s.execute("drop table fk_parent")).getSQLState());
            c.setAutoCommit(false);
            s.execute("insert into fk_u values (100, 't1')"); // the dropped UNIQUE (t) lets a repeat in
            assertEquals(1, s.executeUpdate("delete from fk_parent where id = 7"));
            try (ResultSet rs = s.executeQuery("select count(*) from fk_c")) {
                rs.next();
                assertEquals(196, rs.getInt(1)); // ON DELETE CASCADE
            }
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** What the altered definitions say, asked of the restarted server. */
    private static void assertConstraintsHold(ServerProcess server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            SQLException negative = assertThrows(SQLException.class, () -> s.execute("insert into al_keyed values (900, -1, 'x')"));
            assertEquals("23514", negative.getSQLState());
            assertTrue(negative.getMessage().contains("al_keyed_qty_check"), negative.getMessage());
            SQLException large = assertThrows(SQLException.class, () -> s.execute("update al_keyed set amount = 5000 where id = 1"));
            assertTrue(large.getMessage().contains("al_keyed_amount_check"), large.getMessage());
            assertEquals("23502", assertThrows(SQLException.class,
                    () -> s.execute("insert into al_keyed (id) values (901)")).getSQLState());
            assertEquals("23514", assertThrows(SQLException.class,
                    () -> s.execute("insert into al_renamed values (10, 'big')")).getSQLState());
            assertEquals("42703", assertThrows(SQLException.class, () -> s.execute("select gone from al_keyed")).getSQLState());
            assertEquals("42P01", assertThrows(SQLException.class, () -> s.execute("select * from al_heap")).getSQLState());
            // COPY is checked as INSERT is; the dropped check lets 13 in (the insert is rolled back).
            c.setAutoCommit(false);
            SQLException copied = assertThrows(SQLException.class, () -> ((PGConnection) c).getCopyAPI()
                    .copyIn("copy al_renamed from stdin", new StringReader("1\tok\n42\tbad\n")));
            assertEquals("23514", copied.getSQLState());
            c.rollback();
            s.execute("insert into al_late values (13, 13)");
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static List<String> dump(ServerProcess server) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            for (String query : DUMP) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rs = s.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= columns; i++) {
                        text.append(rs.getMetaData().getColumnName(i)).append(i == columns ? "\n" : "|");
                    }
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(rs.getString(i)).append(i == columns ? "\n" : "|");
                        }
                    }
                }
                lines.add(text.toString());
            }
        }
        return lines;
    }
}
