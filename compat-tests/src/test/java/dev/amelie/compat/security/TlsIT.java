package dev.amelie.compat.security;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS as an operator sets it up: a CA and a server certificate for 127.0.0.1 and localhost made
 * with openssl, configured with ssl_cert_file / ssl_key_file and require_tls = on; psql and pgjdbc
 * connect with verify-full against the CA, and a plain connection is refused with PostgreSQL's text.
 */
@Timeout(240) // a hang guard
class TlsIT {
    @TempDir
    Path temp;

    @Test
    void psqlAndPgjdbcVerifyFullAgainstAGeneratedCaAndPlainConnectionsAreRefused() throws Exception {
        Path pki = Files.createDirectories(temp.resolve("pki"));
        makeCaAndServerCertificate(pki);
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("amelie.conf"), "ssl_cert_file = '" + pki.resolve("server.crt") + "'\n"
                + "ssl_key_file = '" + pki.resolve("server.key") + "'\n" + "require_tls = on\n");
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            String ca = pki.resolve("ca.crt").toString();
            String verified = psql(server.port(), "sslmode=verify-full sslrootcert=" + ca, "select 40 + 2 as answer;\n\\conninfo\n");
            assertTrue(verified.contains("42"), verified);
            assertTrue(verified.contains("SSL connection (protocol: TLSv1."), verified);
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                String out = psqlOn(host, server.port(), "sslmode=verify-full sslrootcert=" + ca, "select 1 as one;\n");
                assertTrue(out.contains("(1 row)"), host + ": " + out);
            }

            String plain = psql(server.port(), "sslmode=disable", "select 1;\n");
            assertTrue(plain.contains("FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"amelie\", database \"amelie\", no encryption"),
                    plain);

            // A CA that did not sign the server's certificate: verify-full must fail in the client.
            Path otherPki = Files.createDirectories(temp.resolve("other"));
            makeCaAndServerCertificate(otherPki);
            String untrusted = psql(server.port(), "sslmode=verify-full sslrootcert=" + otherPki.resolve("ca.crt"), "select 1;\n");
            assertTrue(untrusted.contains("certificate verify failed"), untrusted);

            String url = "jdbc:postgresql://localhost:" + server.port() + "/amelie?user=amelie";
            try (Connection connection = DriverManager.getConnection(url + "&sslmode=verify-full&sslrootcert=" + ca);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select 6 * 7")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url + "&sslmode=disable"));
            assertEquals("28000", refused.getSQLState());
        }
    }

    /** ca.crt, and server.crt / server.key (PKCS#8) signed by it for 127.0.0.1 and localhost. */
    static void makeCaAndServerCertificate(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName = DNS:localhost, IP:127.0.0.1\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=amelie test CA",
                "-keyout", "ca.key", "-out", "ca.crt");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
                "-out", "server.csr");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    static String psql(int port, String sslOptions, String script) throws IOException, InterruptedException {
        return psqlOn("127.0.0.1", port, sslOptions, script);
    }

    static String psqlOn(String host, int port, String sslOptions, String script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-f", "-",
                "host=" + host + " port=" + port + " user=amelie dbname=amelie " + sslOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish");
        }
        return output;
    }
}
