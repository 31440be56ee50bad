package dev.amelie.pgwire.server;

import dev.amelie.pgwire.admission.ConnectionPolicy;
import dev.amelie.pgwire.session.FakeQueryEngine;
import dev.amelie.pgwire.tls.GeneratedCertificate;
import dev.amelie.pgwire.tls.ServerTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS and max_connections on a real socket, driven by pgjdbc. */
class PgServerTlsTest {
    @TempDir
    static Path data;
    private static ServerTls tls;

    private final ExecutorService engineThreads = Executors.newFixedThreadPool(2);
    private PgServer server;

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = ServerTls.fromPem(GeneratedCertificate.ensure(data), data.resolve(GeneratedCertificate.KEY_FILE));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        engineThreads.shutdownNow();
    }

    private void start(ConnectionPolicy policy) {
        server = new PgServer("127.0.0.1", 0, 2, new FakeQueryEngine(engineThreads), policy);
        server.start();
    }

    private Connection connect(String properties) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/db?" + properties, "tester", "");
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select 7")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void pgjdbcVerifiesTheCertificateAndHostWithVerifyFull() throws SQLException {
        start(new ConnectionPolicy(tls, true, 10));
        String root = data.resolve(GeneratedCertificate.CERTIFICATE_FILE).toString();
        try (Connection connection = connect("sslmode=verify-full&sslrootcert=" + root)) {
            assertEquals(7, selectOne(connection));
        }
        try (Connection connection = connect("sslmode=require")) {
            assertEquals(7, selectOne(connection));
        }
    }

    @Test
    void requireTlsRefusesSslmodeDisableWith28000() {
        start(new ConnectionPolicy(tls, true, 10));
        SQLException refused = assertThrows(SQLException.class, () -> connect("sslmode=disable"));
        assertEquals("28000", refused.getSQLState());
        assertTrue(refused.getMessage().contains("no pg_hba.conf entry for host \"127.0.0.1\", user \"tester\", database \"db\", no encryption"),
                refused.getMessage());
    }

    @Test
    void withoutACertificateSslmodeRequireIsRefusedByTheClientAndPreferFallsBackToPlain() throws SQLException {
        start(ConnectionPolicy.DEFAULT);
        assertThrows(SQLException.class, () -> connect("sslmode=require"));
        try (Connection connection = connect("sslmode=prefer")) {
            assertEquals(7, selectOne(connection));
        }
    }

    @Test
    void theConnectionBeyondMaxConnectionsGets53300UntilOneCloses() throws Exception {
        start(new ConnectionPolicy(null, false, 3));
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(connect(""));
        }
        SQLException refused = assertThrows(SQLException.class, () -> connect(""));
        assertEquals("53300", refused.getSQLState());
        open.removeFirst().close();
        // The slot comes back when the server sees the close: wait for that, bounded.
        long deadline = System.nanoTime() + 10_000_000_000L;
        Connection again = null;
        while (again == null) {
            try {
                again = connect("");
            } catch (SQLException e) {
                if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
        open.add(again);
        assertEquals(7, selectOne(again));
        for (Connection connection : open) {
            connection.close();
        }
    }
}
