package dev.amelie.compat.copy;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * COPY FROM STDIN / TO STDOUT through real clients: pgjdbc's CopyManager, psql (inline data,
 * {@code \copy}, a COPY inside a multi-statement Query) and a raw CopyFail. Expected outputs and
 * messages are PostgreSQL 15.18's for the same input (resources/copy/psql-copy.expected was
 * printed by psql against it).
 */
class CopyIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static CopyManager copyManager(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void copyManagerLoadsManyRowsAndReadsThemBack() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table copy_jdbc_bulk (aid int primary key, bid int, abalance int, filler text)");
            StringBuilder data = new StringBuilder();
            for (int i = 1; i <= 20_000; i++) {
                data.append(i).append('\t').append(i % 7).append("\t0\t").append(" ".repeat(20)).append("x\n");
            }
            long loaded = copyManager(c).copyIn("copy copy_jdbc_bulk from stdin with (freeze on)", new StringReader(data.toString()));
            assertEquals(20_000, loaded);
            try (ResultSet rs = s.executeQuery("select count(*), sum(aid), sum(bid) from copy_jdbc_bulk")) {
                rs.next();
                assertEquals(20_000, rs.getLong(1));
                assertEquals(200_010_000L, rs.getLong(2));
            }
            StringWriter out = new StringWriter();
            long written = copyManager(c).copyOut("copy (select aid, filler from copy_jdbc_bulk where aid <= 3 order by aid) to stdout with csv header", out);
            assertEquals(3, written);
            String filler = " ".repeat(20) + "x";
            assertEquals("aid,filler\n1," + filler + "\n2," + filler + "\n3," + filler + "\n", out.toString());
        }
    }

    @Test
    void rowsCrossingCopyDataBoundariesAndTableCopyOut() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table copy_jdbc_pieces (id int, v int, s text)");
            // A byte per CopyData: rows, escapes and the two bytes of "ü" are cut apart.
            byte[] text = "1\t10\tone\\ttab\n2\t\\N\tü\n".getBytes(StandardCharsets.UTF_8);
            CopyIn in = copyManager(c).copyIn("copy copy_jdbc_pieces from stdin");
            for (byte b : text) {
                in.writeToCopy(new byte[] {b}, 0, 1);
            }
            assertEquals(2, in.endCopy());
            StringWriter out = new StringWriter();
            copyManager(c).copyOut("copy copy_jdbc_pieces to stdout", out);
            List<String> lines = new ArrayList<>(Arrays.asList(out.toString().split("\n")));
            lines.sort(null);
            assertEquals(List.of("1\t10\tone\\ttab", "2\t\\N\tü"), lines);
        }
    }

    @Test
    void badRowAnswers22P02NamingLineAndColumnAndLoadsNothing() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table copy_jdbc_bad (id int, v int)");
            PSQLException e = assertThrows(PSQLException.class, () -> copyManager(c).copyIn(
                    "copy copy_jdbc_bad from stdin", new StringReader("1\t1\n2\t2\n3\tzz\n4\t4\n")));
            assertEquals("22P02", e.getSQLState());
            assertEquals("invalid input syntax for type integer: \"zz\"", e.getServerErrorMessage().getMessage());
            assertEquals("COPY copy_jdbc_bad, line 3, column v: \"zz\"", e.getServerErrorMessage().getWhere());
            assertEquals(0, count(s, "copy_jdbc_bad"));
        }
    }

    @Test
    void copyInsideATransactionBlockCommitsOrRollsBackWithIt() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table copy_jdbc_block (id int primary key, v text)");
            c.setAutoCommit(false);
            s.execute("insert into copy_jdbc_block values (1, 'one')");
            assertEquals(2, copyManager(c).copyIn("copy copy_jdbc_block from stdin with (format csv)", new StringReader("2,two\n3,three\n")));
            assertEquals(3, count(s, "copy_jdbc_block"));
            c.rollback();
            assertEquals(0, count(s, "copy_jdbc_block"));
            assertEquals(2, copyManager(c).copyIn("copy copy_jdbc_block from stdin with (format csv)", new StringReader("2,two\n3,three\n")));
            s.execute("insert into copy_jdbc_block values (4, 'four')");
            c.commit();
            c.setAutoCommit(true);
            assertEquals(3, count(s, "copy_jdbc_block"));
            // A duplicate key fails the whole COPY: none of its rows stay.
            PSQLException e = assertThrows(PSQLException.class, () -> copyManager(c).copyIn(
                    "copy copy_jdbc_block from stdin with (format csv)", new StringReader("5,five\n2,again\n")));
            assertEquals("23505", e.getSQLState());
            assertEquals(3, count(s, "copy_jdbc_block"));
        }
    }

    @Test
    void cancelledCopyKeepsNothingAndTheConnectionGoesOn() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table copy_jdbc_cancel (id int)");
            CopyIn in = copyManager(c).copyIn("copy copy_jdbc_cancel from stdin");
            byte[] rows = "1\n2\n".getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(rows, 0, rows.length);
            in.cancelCopy();
            assertEquals(0, count(s, "copy_jdbc_cancel"));
        }
    }

    /** CopyFail by hand, to see the ErrorResponse fields PostgreSQL 15 sends for it. */
    @Test
    void copyFailAnswers57014WithTheClientsMessage() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table copy_raw_fail (id int)");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] startup = "user\0amelie\0database\0amelie\0\0".getBytes(StandardCharsets.UTF_8);
            out.writeInt(8 + startup.length);
            out.writeInt(196608);
            out.write(startup);
            out.flush();
            readUntil(in, 'Z');
            message(out, 'Q', "copy copy_raw_fail from stdin\0");
            assertEquals('G', readUntil(in, 'G').type());
            message(out, 'd', "1\n2\n");
            message(out, 'f', "client gave up\0");
            Message error = readUntil(in, 'E');
            Map<Character, String> fields = errorFields(error.body());
            assertEquals("57014", fields.get('C'));
            assertEquals("COPY from stdin failed: client gave up", fields.get('M'));
            assertEquals('I', readUntil(in, 'Z').body()[0]);
            // CopyData after the COPY ended is ignored, as PostgreSQL ignores it.
            message(out, 'd', "3\n");
            message(out, 'Q', "select count(*) from copy_raw_fail\0");
            Message row = readUntil(in, 'D');
            assertEquals("0", new String(row.body(), 6, row.body().length - 6, StandardCharsets.UTF_8));
        }
    }

    @Test
    void psqlConversationPrintsWhatPostgresPrints(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("psql-copy-data.csv");
        Files.writeString(data, resource("psql-copy-data.csv"));
        String script = resource("psql-copy.sql").replace("@DATAFILE@", data.toString());
        Process process = new ProcessBuilder(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
                "-U", "amelie", "-d", "amelie", "-f", "-"))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish");
        }
        assertEquals(resource("psql-copy.expected"), output);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = CopyIT.class.getResourceAsStream("/copy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Message(char type, byte[] body) {}

    private static void message(DataOutputStream out, char type, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.writeByte(type);
        out.writeInt(4 + bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** Reads messages until one of {@code type}; an unexpected ErrorResponse fails the test. */
    private static Message readUntil(DataInputStream in, char type) throws Exception {
        while (true) {
            char actual = (char) in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            if (actual == type) {
                return new Message(actual, body);
            }
            if (actual == 'E') {
                throw new AssertionError("unexpected error: " + errorFields(body));
            }
        }
    }

    private static Map<Character, String> errorFields(byte[] body) {
        Map<Character, String> fields = new HashMap<>();
        int i = 0;
        while (i < body.length && body[i] != 0) {
            char code = (char) body[i++];
            int end = i;
            while (body[end] != 0) {
                end++;
            }
            fields.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
            i = end + 1;
        }
        return fields;
    }
}
