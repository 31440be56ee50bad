package dev.amelie.pgwire.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One message the server sent, split out of the byte stream, with readers for its fields. */
public record BackendMessage(char type, byte[] body) {

    /** Splits a stream of typed backend messages. */
    public static List<BackendMessage> split(byte[] stream) {
        List<BackendMessage> messages = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.hasRemaining()) {
            char type = (char) in.get();
            int length = in.getInt();
            byte[] body = new byte[length - 4];
            in.get(body);
            messages.add(new BackendMessage(type, body));
        }
        return messages;
    }

    /** CommandComplete's tag, or a ParameterStatus's or any single-string message's text. */
    public String text() {
        return cstrings().getFirst();
    }

    /** ParameterStatus as name → value. */
    public Map.Entry<String, String> parameterStatus() {
        List<String> s = cstrings();
        return Map.entry(s.get(0), s.get(1));
    }

    /** ErrorResponse / NoticeResponse fields by code. */
    public Map<Character, String> fields() {
        Map<Character, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (body[i] != 0) {
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

    public String sqlState() {
        return fields().get('C');
    }

    /** DataRow values as raw bytes (null for NULL). */
    public List<byte[]> values() {
        ByteBuffer in = ByteBuffer.wrap(body);
        int count = in.getShort();
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.getInt();
            if (length < 0) {
                values.add(null);
            } else {
                byte[] v = new byte[length];
                in.get(v);
                values.add(v);
            }
        }
        return values;
    }

    /** DataRow values decoded as UTF-8 text. */
    public List<String> textValues() {
        return values().stream().map(v -> v == null ? null : new String(v, StandardCharsets.UTF_8)).toList();
    }

    /** RowDescription fields: name, type OID, typlen, format code. */
    public List<Field> rowDescription() {
        ByteBuffer in = ByteBuffer.wrap(body);
        int count = in.getShort();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = in.position();
            while (in.get() != 0) {
                // find the terminator
            }
            String name = new String(body, start, in.position() - start - 1, StandardCharsets.UTF_8);
            int tableOid = in.getInt();
            int attnum = in.getShort();
            int typeOid = in.getInt();
            int typlen = in.getShort();
            int typmod = in.getInt();
            int format = in.getShort();
            fields.add(new Field(name, tableOid, attnum, typeOid, typlen, typmod, format));
        }
        return fields;
    }

    /** ParameterDescription's OIDs. */
    public List<Integer> parameterOids() {
        ByteBuffer in = ByteBuffer.wrap(body);
        int count = in.getShort();
        List<Integer> oids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            oids.add(in.getInt());
        }
        return oids;
    }

    private List<String> cstrings() {
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                strings.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return strings;
    }

    public record Field(String name, int tableOid, int attnum, int typeOid, int typlen, int typmod, int format) {
    }

    @Override
    public String toString() {
        return type + switch (type) {
            case 'C', 'S' -> cstrings().toString();
            case 'E', 'N' -> fields().toString();
            case 'D' -> textValues().toString();
            default -> "(" + body.length + " bytes)";
        };
    }
}
