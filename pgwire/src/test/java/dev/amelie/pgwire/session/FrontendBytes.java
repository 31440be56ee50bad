package dev.amelie.pgwire.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds frontend messages byte by byte, as a driver would send them. */
public final class FrontendBytes {
    private FrontendBytes() {
    }

    public static ByteBuf startup(Map<String, String> parameters) {
        return startup(3, 0, parameters);
    }

    public static ByteBuf startup(int major, int minor, Map<String, String> parameters) {
        ByteBuf body = Unpooled.buffer();
        body.writeInt((major << 16) | minor);
        parameters.forEach((k, v) -> {
            cstring(body, k);
            cstring(body, v);
        });
        body.writeByte(0);
        return untyped(body);
    }

    public static ByteBuf sslRequest() {
        return untyped(Unpooled.buffer().writeInt(80877103));
    }

    public static ByteBuf gssEncRequest() {
        return untyped(Unpooled.buffer().writeInt(80877104));
    }

    public static ByteBuf cancelRequest(int processId, int secret) {
        return untyped(Unpooled.buffer().writeInt(80877102).writeInt(processId).writeInt(secret));
    }

    public static ByteBuf query(String text) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, text);
        return typed('Q', body);
    }

    public static ByteBuf parse(String name, String text, int... oids) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, name);
        cstring(body, text);
        body.writeShort(oids.length);
        for (int oid : oids) {
            body.writeInt(oid);
        }
        return typed('P', body);
    }

    /** Bind with text parameters (null = NULL) and the given result format codes. */
    public static ByteBuf bind(String portal, String statement, String[] textValues, int... resultFormats) {
        byte[][] values = new byte[textValues.length][];
        for (int i = 0; i < values.length; i++) {
            values[i] = textValues[i] == null ? null : textValues[i].getBytes(StandardCharsets.UTF_8);
        }
        return bind(portal, statement, new int[0], values, resultFormats);
    }

    public static ByteBuf bind(String portal, String statement, int[] parameterFormats, byte[][] values,
                               int... resultFormats) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, portal);
        cstring(body, statement);
        body.writeShort(parameterFormats.length);
        for (int f : parameterFormats) {
            body.writeShort(f);
        }
        body.writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                body.writeInt(-1);
            } else {
                body.writeInt(v.length).writeBytes(v);
            }
        }
        body.writeShort(resultFormats.length);
        for (int f : resultFormats) {
            body.writeShort(f);
        }
        return typed('B', body);
    }

    public static ByteBuf describe(char kind, String name) {
        ByteBuf body = Unpooled.buffer().writeByte(kind);
        cstring(body, name);
        return typed('D', body);
    }

    public static ByteBuf execute(String portal, int maxRows) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, portal);
        body.writeInt(maxRows);
        return typed('E', body);
    }

    public static ByteBuf close(char kind, String name) {
        ByteBuf body = Unpooled.buffer().writeByte(kind);
        cstring(body, name);
        return typed('C', body);
    }

    public static ByteBuf sync() {
        return typed('S', Unpooled.buffer());
    }

    public static ByteBuf flush() {
        return typed('H', Unpooled.buffer());
    }

    public static ByteBuf terminate() {
        return typed('X', Unpooled.buffer());
    }

    public static ByteBuf typed(char type, ByteBuf body) {
        ByteBuf out = Unpooled.buffer().writeByte(type).writeInt(body.readableBytes() + 4).writeBytes(body);
        body.release();
        return out;
    }

    private static ByteBuf untyped(ByteBuf body) {
        ByteBuf out = Unpooled.buffer().writeInt(body.readableBytes() + 4).writeBytes(body);
        body.release();
        return out;
    }

    private static void cstring(ByteBuf out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }

    /** Concatenates messages, to send them in one read as a pipelining client does. */
    public static ByteBuf all(ByteBuf... messages) {
        return Unpooled.wrappedBuffer(messages);
    }
}
