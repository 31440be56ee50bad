package dev.amelie.pgwire.session;

import dev.amelie.pgwire.type.FormatCode;
import dev.amelie.pgwire.type.PgType;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns Bind's parameter bytes into Java values of the statement's parameter types, in the
 * format the client chose for each (postgres.c exec_bind_message: zero format codes means all
 * text, one applies to all, otherwise one per parameter).
 */
final class BindParameters {
    private BindParameters() {
    }

    /** {@code zone}: the session's TimeZone, in which a timestamptz parameter's text without offset is read. */
    static Object[] decode(PgType[] types, short[] formats, byte[][] values, java.time.ZoneId zone) {
        Object[] decoded = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            FormatCode format = formats.length == 0 ? FormatCode.TEXT
                    : FormatCode.of(formats.length == 1 ? formats[0] : formats[i]);
            decoded[i] = format == FormatCode.TEXT
                    ? types[i].codec().readText(utf8(values[i]), zone)
                    : readBinary(types[i], values[i], i + 1);
        }
        return decoded;
    }

    private static Object readBinary(PgType type, byte[] bytes, int parameterNumber) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        Object value = type.codec().readBinary(in);
        if (value == null || in.isReadable()) {
            throw new SqlException(SqlState.INVALID_BINARY_REPRESENTATION,
                    "incorrect binary data format in bind parameter " + parameterNumber);
        }
        return value;
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Text parameters must be valid UTF-8, the only client encoding we speak. */
    private static String utf8(byte[] bytes) {
        if (ascii(bytes)) {
            // Most parameters (numbers, keys, dates) are ASCII, valid UTF-8 as they are: no decoder.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SqlException(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\"");
        }
    }
}
