package dev.amelie.compat.security;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GRANT and REVOKE on a real server: a matrix of roles × tables × verbs, each verdict checked
 * against what the grants say (42501 "permission denied for table t" when denied), views read
 * with their owner's rights, and roles and grants surviving a clean restart, a crash (WAL
 * replay) and a checkpoint (snapshot). Clients connect over loopback, trusted by default.
 */
class PrivilegesIT {
    private static final List<String> VERBS = List.of("select", "insert", "update", "delete");

    @TempDir
    Path directory;

    @Test
    void everyVerdictOfTheMatrixIsWhatTheGrantsSay() throws Exception {
        try (ServerProcess server = ServerProcess.start(directory.resolve("matrix"), 2)) {
            try (Connection amelie = AuthenticationIT.connect(server, "amelie", null); Statement s = amelie.createStatement()) {
                for (String role : List.of("owner_role", "reader", "writer", "nobody")) {
                    s.execute("create role " + role + " login");
                }
                s.execute("create schema app");
                s.execute("grant usage, create on schema app to owner_role");
                s.execute("grant usage on schema app to reader, writer");
                s.execute("create table public.shared (id int primary key, v int)");
            }
            try (Connection owner = AuthenticationIT.connect(server, "owner_role", null); Statement s = owner.createStatement()) {
                s.execute("create table app.orders (id int primary key, v int)");
                s.execute("grant select on app.orders to reader");
                s.execute("grant insert, update, delete on app.orders to writer");
                s.execute("create view app.order_ids as select id from app.orders");
                s.execute("grant select on app.order_ids to nobody");
            }
            try (Connection amelie = AuthenticationIT.connect(server, "amelie", null); Statement s = amelie.createStatement()) {
                s.execute("grant select, insert on shared to public");
                s.execute("grant all on shared to writer");
                s.execute("revoke insert on shared from public");
            }
            // Expected verdicts: role -> table -> verbs allowed.
            Map<String, Map<String, List<String>>> allowed = new LinkedHashMap<>();
            allowed.put("owner_role", Map.of("app.orders", VERBS, "shared", List.of("select")));
            allowed.put("reader", Map.of("app.orders", List.of("select"), "shared", List.of("select")));
            allowed.put("writer", Map.of("app.orders", List.of("insert", "update", "delete"), "shared", VERBS));
            allowed.put("nobody", Map.of("app.orders", List.of(), "shared", List.of("select")));
            int id = 100;
            for (var role : allowed.entrySet()) {
                try (Connection c = AuthenticationIT.connect(server, role.getKey(), null); Statement s = c.createStatement()) {
                    for (var table : role.getValue().entrySet()) {
                        for (String verb : VERBS) {
                            String sql = switch (verb) {
                                case "select" -> "select count(*) from " + table.getKey();
                                case "insert" -> "insert into " + table.getKey() + " values (" + (id++) + ", 1)";
                                case "update" -> "update " + table.getKey() + " set v = 2";
                                default -> "delete from " + table.getKey() + " where false";
                            };
                            boolean expected = table.getValue().contains(verb);
                            String what = role.getKey() + " " + verb + " " + table.getKey();
                            if (expected) {
                                s.execute(sql);
                            } else {
                                SQLException denied = assertThrows(SQLException.class, () -> s.execute(sql), what);
                                assertEquals("42501", denied.getSQLState(), what + ": " + denied.getMessage());
                                String name = table.getKey().substring(table.getKey().indexOf('.') + 1);
                                // nobody may not use schema app at all: PostgreSQL says so before looking at the table.
                                String expectedMessage = role.getKey().equals("nobody") && table.getKey().startsWith("app.")
                                        ? "permission denied for schema app" : "permission denied for table " + name;
                                assertEquals(expectedMessage, message(denied), what);
                            }
                            assertEquals(expected, hasPrivilege(s, table.getKey(), verb), what + " (has_table_privilege)");
                        }
                    }
                }
            }
            // The view is read with its owner's rights: nobody reads orders through it, not directly.
            try (Connection c = AuthenticationIT.connect(server, "nobody", null); Statement s = c.createStatement()) {
                SQLException schema = assertThrows(SQLException.class, () -> s.executeQuery("select * from app.order_ids"));
                assertEquals("permission denied for schema app", message(schema));
            }
            try (Connection amelie = AuthenticationIT.connect(server, "amelie", null); Statement s = amelie.createStatement()) {
                s.execute("grant usage on schema app to nobody");
            }
            try (Connection c = AuthenticationIT.connect(server, "nobody", null); Statement s = c.createStatement()) {
                s.executeQuery("select * from app.order_ids").close();
                assertEquals("permission denied for table orders",
                        message(assertThrows(SQLException.class, () -> s.executeQuery("select * from app.orders"))));
                assertEquals("must be owner of table shared",
                        message(assertThrows(SQLException.class, () -> s.execute("drop table shared"))));
                assertEquals("permission denied for schema public",
                        message(assertThrows(SQLException.class, () -> s.execute("create table mine (a int)"))));
            }
        }
    }

    @Test
    void rolesAndGrantsSurviveRestartCrashAndCheckpoint() throws Exception {
        try (ServerProcess server = ServerProcess.start(directory.resolve("durable"), 2)) {
            try (Connection amelie = AuthenticationIT.connect(server, "amelie", null); Statement s = amelie.createStatement()) {
                s.execute("create role keeper login connection limit 4 password 'kept'");
                s.execute("create table kept (a int)");
                s.execute("grant select, update on kept to keeper");
                s.execute("grant create on schema public to keeper");
            }
            try (Connection keeper = AuthenticationIT.connect(server, "keeper", null); Statement s = keeper.createStatement()) {
                s.execute("create table keepers_own (a int)");
            }
            List<String> before = state(server);
            server.stop();
            server.restart();
            assertEquals(before, state(server), "after a clean restart");
            server.kill();
            server.restart();
            assertEquals(before, state(server), "after a crash (WAL replay)");
            try (Connection amelie = AuthenticationIT.connect(server, "amelie", null)) {
                amelie.createStatement().execute("checkpoint");
            }
            server.kill();
            server.restart();
            assertEquals(before, state(server), "from the snapshot");
            try (Connection keeper = AuthenticationIT.connect(server, "keeper", null); Statement s = keeper.createStatement()) {
                s.executeQuery("select * from kept").close();
                assertThrows(SQLException.class, () -> s.execute("insert into kept values (1)"));
                s.execute("drop table keepers_own");
            }
        }
    }

    private static List<String> state(ServerProcess server) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = AuthenticationIT.connect(server, "amelie", null); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select rolname || ' ' || oid || ' ' || rolcanlogin || ' ' || rolconnlimit from pg_roles "
                     + "union all select relname || ' ' || pg_get_userbyid(relowner) || ' ' || coalesce(array_to_string(relacl, ','), '-') "
                     + "from pg_class where relname in ('kept', 'keepers_own') order by 1")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        assertFalse(rows.isEmpty());
        assertTrue(rows.contains("keeper 16384 true 4"), rows.toString());
        return rows;
    }

    private static boolean hasPrivilege(Statement s, String table, String verb) throws SQLException {
        try (ResultSet r = s.executeQuery("select has_table_privilege('" + table + "', '" + verb + "')")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static String message(SQLException e) {
        String text = e.getMessage();
        return text.startsWith("ERROR: ") ? text.substring(7) : text;
    }
}
