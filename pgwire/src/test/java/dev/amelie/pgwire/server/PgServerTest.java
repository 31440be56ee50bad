package dev.amelie.pgwire.server;

import dev.amelie.pgwire.session.FakeQueryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PgServer on a real socket, driven by pgjdbc; the engine completes its futures on other threads. */
class PgServerTest {
    private ExecutorService engineThreads;
    private FakeQueryEngine engine;
    private PgServer server;

    @BeforeEach
    void startServer() {
        engineThreads = Executors.newFixedThreadPool(2);
        engine = new FakeQueryEngine(engineThreads);
        server = new PgServer("127.0.0.1", 0, 2, engine);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
        engineThreads.shutdownNow();
    }

    private Connection connect(String extraProperties) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/db?" + extraProperties,
                "tester", "");
    }

    @Test
    void pgjdbcQueriesAndSwitchesToServerPreparedStatementsAfterFiveRuns() throws SQLException {
        try (Connection connection = connect("ApplicationName=wire-test")) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            try (PreparedStatement ps = connection.prepareStatement("select ?::int4, ?::text")) {
                for (int i = 0; i < 8; i++) {
                    ps.setInt(1, i * 1000);
                    ps.setString(2, "run " + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(i * 1000, rs.getInt(1));
                        assertEquals("run " + i, rs.getString(2));
                        assertFalse(rs.next());
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("show application_name")) {
                assertTrue(rs.next());
                assertEquals("wire-test", rs.getString(1));
            }
        }
    }

    @Test
    void pgjdbcForcedBinaryRoundTripsEveryType() throws SQLException {
        try (Connection connection = connect("prepareThreshold=-1");
             PreparedStatement ps = connection.prepareStatement(
                     "select ?::bool, ?::int2, ?::int4, ?::int8, ?::float8, ?::numeric, ?::text")) {
            for (int run = 0; run < 3; run++) {
                ps.setBoolean(1, true);
                ps.setShort(2, (short) -3);
                ps.setInt(3, 77);
                ps.setLong(4, 1L << 40);
                ps.setDouble(5, 0.1);
                ps.setBigDecimal(6, new BigDecimal("-1234.5600"));
                ps.setString(7, "ünïcode");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1));
                    assertEquals(-3, rs.getShort(2));
                    assertEquals(77, rs.getInt(3));
                    assertEquals(1L << 40, rs.getLong(4));
                    assertEquals(0.1, rs.getDouble(5));
                    assertEquals(new BigDecimal("-1234.5600"), rs.getBigDecimal(6));
                    assertEquals("ünïcode", rs.getString(7));
                }
            }
        }
        try (Connection connection = connect("prepareThreshold=-1");
             PreparedStatement ps = connection.prepareStatement("typed");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(new BigDecimal("12345.678"), rs.getBigDecimal("n"));
            assertEquals(1.5, rs.getDouble("d"));
            assertEquals("héllo", rs.getString("t"));
            assertTrue(rs.next());
            assertNull(rs.getBigDecimal("n"));
            assertNull(rs.getObject("i"));
        }
    }

    @Test
    void pgjdbcBatchAndErrorsKeepTheConnectionUsable() throws SQLException {
        try (Connection connection = connect("")) {
            try (PreparedStatement ps = connection.prepareStatement("insert into t values (?)")) {
                for (int i = 0; i < 3; i++) {
                    ps.setInt(1, i);
                    ps.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            }
            try (Statement statement = connection.createStatement()) {
                SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("fail"));
                assertEquals("22012", error.getSQLState());
                try (ResultSet rs = statement.executeQuery("rows 3")) {
                    int count = 0;
                    while (rs.next()) {
                        count++;
                    }
                    assertEquals(3, count);
                }
            }
        }
    }

    @Test
    void startOnATakenPortThrows() {
        PgServer second = new PgServer("127.0.0.1", server.port(), 1, engine);
        assertThrows(UncheckedIOException.class, second::start);
        second.close();
    }

    @Test
    void closeEndsClientConnections() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] user = "user\0u\0\0".getBytes(StandardCharsets.US_ASCII);
            out.write(ByteBuffer.allocate(8 + user.length).putInt(8 + user.length).putInt(196608).put(user).array());
            out.flush();
            InputStream in = socket.getInputStream();
            // Read up to ReadyForQuery ('Z', length 5, 'I'), which ends the startup answer.
            int last = -1;
            int previous;
            do {
                previous = last;
                last = in.read();
            } while (!(previous == 5 && last == 'I') && last != -1);
            assertEquals('I', last);

            server.close();
            // As PostgreSQL's fast shutdown: FATAL 57P01, then the end of the stream.
            assertEquals('E', in.read(), "an ErrorResponse before the close");
            byte[] rest = in.readAllBytes();
            String fields = new String(rest, StandardCharsets.US_ASCII);
            assertTrue(fields.contains("SFATAL") && fields.contains("C57P01"), fields);
        }
    }
}
