package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The value of an escape string constant E'…' as PostgreSQL's lexer reads it ("4.1.2.2. String
 * Constants with C-Style Escapes", scan.l): \b \f \n \r \t, octal \o \oo \ooo and hex \xh \xhh
 * bytes, backslash-u XXXX and backslash-U XXXXXXXX code points (surrogate pairs joined), and a backslash before any
 * other character is that character. The bytes must then be UTF-8, without NUL. Calcite's
 * parser knows only some of these, so SpecialFunctionSyntax writes the value as a plain literal.
 */
public final class EscapeStrings {
    private EscapeStrings() {}

    /**
     * The value of the escape string whose body (between the quotes, as written) follows the E
     * and quote at {@code literalAt} of the statement; errors point into it.
     */
    public static String value(String body, int literalAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        int pendingHighSurrogate = -1;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                bytes.write('\'');
                i += 2;
                continue;
            }
            if (c != '\\' || i + 1 >= body.length()) {
                if (pendingHighSurrogate >= 0) {
                    throw surrogate(literalAt);
                }
                writeUtf8(bytes, body.codePointAt(i));
                i += Character.charCount(body.codePointAt(i));
                continue;
            }
            char next = body.charAt(i + 1);
            if (next == 'u' || next == 'U') {
                int digits = next == 'u' ? 4 : 8;
                if (i + 2 + digits > body.length() || !hex(body, i + 2, i + 2 + digits)) {
                    throw new SqlException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape", null,
                            "Unicode escapes must be \\" + "uXXXX or \\" + "UXXXXXXXX.", literalAt + 3 + i, null);
                }
                long code = Long.parseLong(body, i + 2, i + 2 + digits, 16);
                if (code == 0 || code > Character.MAX_CODE_POINT) {
                    throw new SqlException(SqlState.SYNTAX_ERROR, "invalid Unicode escape value at or near \""
                            + body.substring(i, i + 2 + digits) + "\"", null, null, literalAt + 3 + i, null);
                }
                if (code >= 0xd800 && code <= 0xdbff) {
                    if (pendingHighSurrogate >= 0) {
                        throw surrogate(literalAt);
                    }
                    pendingHighSurrogate = (int) code;
                } else if (code >= 0xdc00 && code <= 0xdfff) {
                    if (pendingHighSurrogate < 0) {
                        throw surrogate(literalAt);
                    }
                    writeUtf8(bytes, Character.toCodePoint((char) pendingHighSurrogate, (char) code));
                    pendingHighSurrogate = -1;
                } else {
                    if (pendingHighSurrogate >= 0) {
                        throw surrogate(literalAt);
                    }
                    writeUtf8(bytes, (int) code);
                }
                i += 2 + digits;
                continue;
            }
            if (pendingHighSurrogate >= 0) {
                throw surrogate(literalAt);
            }
            if (next >= '0' && next <= '7') {
                int end = i + 1;
                int value = 0;
                while (end < body.length() && end < i + 4 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                    value = value * 8 + body.charAt(end) - '0';
                    end++;
                }
                bytes.write(value & 0xff);
                i = end;
            } else if (next == 'x' && i + 2 < body.length() && Character.digit(body.charAt(i + 2), 16) >= 0) {
                int end = i + 2;
                int value = 0;
                while (end < body.length() && end < i + 4 && Character.digit(body.charAt(end), 16) >= 0) {
                    value = value * 16 + Character.digit(body.charAt(end), 16);
                    end++;
                }
                bytes.write(value);
                i = end;
            } else {
                switch (next) {
                    case 'b' -> bytes.write('\b');
                    case 'f' -> bytes.write('\f');
                    case 'n' -> bytes.write('\n');
                    case 'r' -> bytes.write('\r');
                    case 't' -> bytes.write('\t');
                    default -> writeUtf8(bytes, body.codePointAt(i + 1));
                }
                i += 1 + Character.charCount(body.codePointAt(i + 1));
            }
        }
        if (pendingHighSurrogate >= 0) {
            throw surrogate(literalAt);
        }
        return utf8(bytes.toByteArray());
    }

    private static boolean hex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SqlException surrogate(int literalAt) {
        return new SqlException(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", null, null, literalAt + 1, null);
    }

    private static void writeUtf8(ByteArrayOutputStream out, int codePoint) {
        out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes as UTF-8; PostgreSQL's pg_verifymbstr error at the first that are not (NUL included). */
    private static String utf8(byte[] bytes) {
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] == 0) {
                throw invalid(bytes, k);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            // Find the first bad sequence for the message.
            for (int k = 0; k < bytes.length; ) {
                int lead = bytes[k] & 0xff;
                int length = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
                if (length == 0 || k + length > bytes.length
                        || !new String(bytes, k, length, StandardCharsets.UTF_8).equals(validPrefix(bytes, k, length))) {
                    throw invalid(bytes, k);
                }
                k += length;
            }
            throw invalid(bytes, 0);
        }
    }

    private static String validPrefix(byte[] bytes, int at, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, at, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static SqlException invalid(byte[] bytes, int at) {
        int lead = bytes[at] & 0xff;
        int length = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        StringBuilder hex = new StringBuilder();
        for (int k = at; k < Math.min(bytes.length, at + length); k++) {
            hex.append(k > at ? " " : "").append(String.format("0x%02x", bytes[k] & 0xff));
        }
        return new SqlException(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": " + hex);
    }
}
