package dev.amelie.compat.security;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client authentication against a real server, with pgjdbc and psql: SCRAM-SHA-256 required by
 * {@code --auth} and by hba rules, md5, trust and reject rules, and the failures PostgreSQL 15
 * reports (28P01 alike for a wrong password and an unknown role, 28000, 53300).
 */
class AuthenticationIT {
    @TempDir
    Path directory;

    @Test
    void scramRequiredByAuthFlagLetsInOnlyTheRightPassword() throws Exception {
        try (ServerProcess server = ServerProcess.start(directory.resolve("data"), 2, List.of("--auth", "scram-sha-256"),
                Map.of("AMELIE_PASSWORD", "first-secret"))) {
            try (Connection amelie = connect(server, "amelie", "first-secret"); Statement statement = amelie.createStatement()) {
                statement.execute("create role alice login password 'alice-secret'");
                statement.execute("create role nologin_role password 'x'");
                statement.execute("create role limited login password 'l' connection limit 1");
                assertEquals("amelie", single(statement, "select current_user"));
            }
            try (Connection alice = connect(server, "alice", "alice-secret")) {
                assertEquals("alice", single(alice.createStatement(), "select session_user"));
            }
            SQLException wrong = assertThrows(SQLException.class, () -> connect(server, "alice", "nope"));
            assertEquals("28P01", wrong.getSQLState());
            assertTrue(wrong.getMessage().contains("password authentication failed for user \"alice\""), wrong.getMessage());
            SQLException unknown = assertThrows(SQLException.class, () -> connect(server, "mallory", "nope"));
            assertEquals("28P01", unknown.getSQLState());
            assertTrue(unknown.getMessage().contains("password authentication failed for user \"mallory\""), unknown.getMessage());
            SQLException missing = assertThrows(SQLException.class, () -> connect(server, "alice", null));
            assertEquals("08004", missing.getSQLState(), missing.getMessage()); // pgjdbc: the server asked for a password
            SQLException noLogin = assertThrows(SQLException.class, () -> connect(server, "nologin_role", "x"));
            assertEquals("28000", noLogin.getSQLState());
            assertTrue(noLogin.getMessage().contains("role \"nologin_role\" is not permitted to log in"), noLogin.getMessage());
            try (Connection first = connect(server, "limited", "l")) {
                SQLException tooMany = assertThrows(SQLException.class, () -> connect(server, "limited", "l"));
                assertEquals("53300", tooMany.getSQLState());
                assertTrue(tooMany.getMessage().contains("too many connections for role \"limited\""), tooMany.getMessage());
            }
            try (Connection again = connect(server, "limited", "l")) {
                assertEquals("limited", single(again.createStatement(), "select current_user"));
            }

            assertEquals(new PsqlResult(0, "alice"), psql(server, "alice", "alice-secret", "select current_user"));
            PsqlResult refused = psql(server, "alice", "wrong", "select 1");
            assertEquals(2, refused.exitCode());
            assertTrue(refused.output().contains("FATAL:  password authentication failed for user \"alice\""), refused.output());
            PsqlResult nobody = psql(server, "mallory", "wrong", "select 1");
            assertTrue(nobody.output().contains("FATAL:  password authentication failed for user \"mallory\""), nobody.output());

            // ALTER ROLE … PASSWORD takes effect at the next login.
            try (Connection amelie = connect(server, "amelie", "first-secret")) {
                amelie.createStatement().execute("alter role alice password 'changed'");
            }
            assertEquals("28P01", assertThrows(SQLException.class, () -> connect(server, "alice", "alice-secret")).getSQLState());
            connect(server, "alice", "changed").close();
        }
    }

    @Test
    void hbaRulesChooseTrustScramMd5AndReject() throws Exception {
        Path data = directory.resolve("hba");
        Files.createDirectories(data);
        Files.writeString(data.resolve("amelie.conf"), String.join("\n",
                "hba = host all amelie 127.0.0.1/32 trust",
                "hba = host all old_client 127.0.0.1/32 md5",
                "hba = host all scram_via_md5 127.0.0.1/32 md5",
                "hba = host all blocked 127.0.0.1/32 reject",
                "hba = host all all 127.0.0.1/32 scram-sha-256",
                ""));
        try (ServerProcess server = ServerProcess.start(data, 2, List.of(), Map.of())) {
            try (Connection amelie = connect(server, "amelie", null); Statement statement = amelie.createStatement()) {
                // An md5 hash given as the password is stored as given, as PostgreSQL does.
                statement.execute("create role old_client login password '" + md5Hash("old-pw", "old_client") + "'");
                statement.execute("create role scram_via_md5 login password 'scram-pw'");
                statement.execute("create role blocked login password 'b'");
                statement.execute("create role bob login password 'bob-pw'");
            }
            connect(server, "old_client", "old-pw").close();
            assertEquals("28P01", assertThrows(SQLException.class, () -> connect(server, "old_client", "bad")).getSQLState());
            // md5 rule, SCRAM verifier stored: the server runs SCRAM instead (auth.c).
            connect(server, "scram_via_md5", "scram-pw").close();
            connect(server, "bob", "bob-pw").close();
            assertEquals("28P01", assertThrows(SQLException.class, () -> connect(server, "bob", "bad")).getSQLState());
            SQLException rejected = assertThrows(SQLException.class, () -> connect(server, "blocked", "b"));
            assertEquals("28000", rejected.getSQLState());
            assertTrue(rejected.getMessage().contains("pg_hba.conf rejects connection for host \"127.0.0.1\", user \"blocked\""),
                    rejected.getMessage());
            assertEquals(new PsqlResult(0, "old_client"), psql(server, "old_client", "old-pw", "select current_user"));
            assertEquals(new PsqlResult(0, "amelie"), psql(server, "amelie", null, "select current_user"));
        }
    }

    @Test
    void unknownRoleUnderTrustIsRefusedAsPostgresDoes() throws Exception {
        try (ServerProcess server = ServerProcess.start(directory.resolve("trust"), 2)) {
            SQLException unknown = assertThrows(SQLException.class, () -> connect(server, "ghost", null));
            assertEquals("28000", unknown.getSQLState());
            assertTrue(unknown.getMessage().contains("role \"ghost\" does not exist"), unknown.getMessage());
        }
    }

    private static String md5Hash(String password, String user) throws Exception {
        return "md5" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((password + user).getBytes(StandardCharsets.UTF_8)));
    }

    static Connection connect(ServerProcess server, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/amelie", properties);
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    record PsqlResult(int exitCode, String output) {}

    /** psql -tA with PGPASSWORD (none: no password at all, and never a prompt). */
    private static PsqlResult psql(ServerProcess server, String user, String password, String query) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-w", "-tA", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
                "-U", user, "-d", "amelie", "-c", query).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish");
        }
        return new PsqlResult(process.exitValue(), output);
    }
}
