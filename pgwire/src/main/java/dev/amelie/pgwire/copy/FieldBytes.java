package dev.amelie.pgwire.copy;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A field's bytes as they are collected after unescaping, turned into a String at the end.
 * Input must be valid UTF-8 without NUL bytes, as PostgreSQL checks it (pg_verifymbstr), with
 * PostgreSQL's message. Reused for every field of one COPY; confined to its thread.
 */
final class FieldBytes {
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] bytes = new byte[256];
    private int length;
    private boolean suspicious;

    void clear() {
        length = 0;
        suspicious = false;
    }

    void add(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
        if (b <= 0) {
            suspicious = true; // NUL or a byte of a multi-byte sequence
        }
    }

    String value() {
        if (!suspicious) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw invalidByteSequence(i);
            }
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw invalidByteSequence(firstInvalid());
        }
    }

    /** Where UTF-8 decoding fails: the start of the first malformed sequence. */
    private int firstInvalid() {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            int size = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            if (size == 0 || i + size > length) {
                return i;
            }
            for (int k = 1; k < size; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += size;
        }
        return 0;
    }

    /** PostgreSQL's report_invalid_encoding: the bad sequence's bytes in hex, up to its expected length. */
    private SqlException invalidByteSequence(int at) {
        int b = bytes[at] & 0xFF;
        int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < size && at + k < length; k++) {
            hex.append(k == 0 ? "" : " ").append(String.format("0x%02x", bytes[at + k] & 0xFF));
        }
        return new SqlException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                "invalid byte sequence for encoding \"UTF8\": " + hex);
    }
}
