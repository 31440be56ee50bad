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
