package dev.amelie.compat.differential;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A minimal PostgreSQL v3 protocol client over a plain socket, enough to capture a statement's
 * answer byte for byte ({@link Capture}) from our server and from PostgreSQL alike: trust
 * authentication only, one statement at a time, every answer read up to ReadyForQuery.
 * Message layouts: PostgreSQL 15 docs, 55.7 "Message Formats". Confined to the test's thread.
 */
final class WireClient implements AutoCloseable {
    private static final int PROTOCOL_3_0 = 196_608;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** Connects to 127.0.0.1:port as user amelie with these startup parameters (database among them). */
    static WireClient connect(int port, Map<String, String> startupParameters) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        WireClient client = new WireClient(socket);
        try {
            client.startup(startupParameters);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return client;
    }

    private void startup(Map<String, String> startupParameters) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, PROTOCOL_3_0);
        writeCString(body, "user");
        writeCString(body, "amelie");
        for (Map.Entry<String, String> parameter : startupParameters.entrySet()) {
            writeCString(body, parameter.getKey());
            writeCString(body, parameter.getValue());
        }
        body.write(0);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
        out.flush();
        while (true) {
            char type = (char) in.readUnsignedByte();
            byte[] message = readBody();
            switch (type) {
                case 'R' -> {
                    int request = readInt(message, 0);
                    if (request != 0) {
                        throw new IllegalStateException("server asks for authentication " + request + "; only trust is supported");
                    }
                }
                case 'E' -> throw new IllegalStateException("startup refused: " + errorField(message, 'C') + " " + errorField(message, 'M'));
                case 'Z' -> {
                    return;
                }
                default -> {
                    // ParameterStatus, BackendKeyData, NoticeResponse: not part of what is compared.
                }
            }
        }
    }

    /**
     * Extended protocol: Parse (unnamed, no declared parameter types), Bind with the parameters as
     * text (null for NULL) and every result column in {@code resultFormat} (0 text, 1 binary),
     * Describe portal, Execute, Sync.
     */
    Capture extended(String sql, List<String> parameters, short resultFormat) throws IOException {
        ByteArrayOutputStream parse = new ByteArrayOutputStream();
        writeCString(parse, "");
        writeCString(parse, sql);
        writeShort(parse, 0);
        send('P', parse);

        ByteArrayOutputStream bind = new ByteArrayOutputStream();
        writeCString(bind, "");
        writeCString(bind, "");
        writeShort(bind, 0); // no parameter format codes: all text
        writeShort(bind, parameters.size());
        for (String parameter : parameters) {
            if (parameter == null) {
                writeInt(bind, -1);
            } else {
                byte[] bytes = parameter.getBytes(StandardCharsets.UTF_8);
                writeInt(bind, bytes.length);
                bind.writeBytes(bytes);
            }
        }
        writeShort(bind, 1); // one result format code applies to every column
        writeShort(bind, resultFormat);
        send('B', bind);

        ByteArrayOutputStream describe = new ByteArrayOutputStream();
        describe.write('P');
        writeCString(describe, "");
        send('D', describe);

        ByteArrayOutputStream execute = new ByteArrayOutputStream();
        writeCString(execute, "");
        writeInt(execute, 0);
        send('E', execute);

        send('S', new ByteArrayOutputStream());
        out.flush();
        return readAnswer();
    }

    /** Simple protocol: one Query message holding one statement; results are text. */
    Capture simple(String sql) throws IOException {
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        writeCString(query, sql);
        send('Q', query);
        out.flush();
        return readAnswer();
    }

    /** Reads up to ReadyForQuery; the first error wins (the rest of the batch is skipped anyway). */
    private Capture readAnswer() throws IOException {
        List<Capture.Field> fields = null;
        List<byte[][]> rows = new ArrayList<>();
        String tag = null;
        Capture error = null;
        while (true) {
            char type = (char) in.readUnsignedByte();
            byte[] message = readBody();
            switch (type) {
                case 'T' -> fields = rowDescription(message);
                case 'D' -> rows.add(dataRow(message));
                case 'C' -> tag = cString(message, 0);
                case 'I' -> tag = "";
                case 'E' -> {
                    if (error == null) {
                        error = Capture.error(errorField(message, 'C'), errorField(message, 'M'));
                    }
                }
                case 'Z' -> {
                    return error != null ? error : new Capture(fields, rows, tag, null, null);
                }
                default -> {
                    // ParseComplete, BindComplete, NoData, NoticeResponse, ParameterStatus.
                }
            }
        }
    }

    private static List<Capture.Field> rowDescription(byte[] message) {
        int count = readShort(message, 0);
        List<Capture.Field> fields = new ArrayList<>(count);
        int at = 2;
        for (int i = 0; i < count; i++) {
            String name = cString(message, at);
            at += name.getBytes(StandardCharsets.UTF_8).length + 1;
            at += 4 + 2; // table OID and column number: not compared (see Capture.Field)
            int typeOid = readInt(message, at);
            short typlen = readShort(message, at + 4);
            int typmod = readInt(message, at + 6);
            short format = readShort(message, at + 10);
            at += 12;
            fields.add(new Capture.Field(name, typeOid, typlen, typmod, format));
        }
        return fields;
    }

    private static byte[][] dataRow(byte[] message) {
        int count = readShort(message, 0);
        byte[][] columns = new byte[count][];
        int at = 2;
        for (int i = 0; i < count; i++) {
            int length = readInt(message, at);
            at += 4;
            if (length >= 0) {
                columns[i] = Arrays.copyOfRange(message, at, at + length);
                at += length;
            }
        }
        return columns;
    }

    private static String errorField(byte[] message, char code) {
        int at = 0;
        while (at < message.length && message[at] != 0) {
            char field = (char) message[at];
            String value = cString(message, at + 1);
            if (field == code) {
                return value;
            }
            at += 1 + value.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return "?";
    }

    private void send(char type, ByteArrayOutputStream body) throws IOException {
        out.writeByte(type);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
    }

    private byte[] readBody() throws IOException {
        int length = in.readInt();
        if (length < 4) {
            throw new EOFException("message length " + length);
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return body;
    }

    private static String cString(byte[] message, int from) {
        int end = from;
        while (message[end] != 0) {
            end++;
        }
        return new String(message, from, end - from, StandardCharsets.UTF_8);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static short readShort(byte[] b, int at) {
        return (short) ((b[at] & 0xff) << 8 | (b[at + 1] & 0xff));
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeCString(ByteArrayOutputStream out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    @Override
    public void close() throws IOException {
        try {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
        } finally {
            socket.close();
        }
    }
}
