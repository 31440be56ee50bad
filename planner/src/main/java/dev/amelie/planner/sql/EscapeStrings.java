package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The body of an E'…' string as PostgreSQL reads it: {@code \b \f \n \r \t}, octal {@code \o},
 * {@code \oo}, {@code \ooo}, hex {@code \xh}, {@code \xhh}, backslash-u and 4 hex digits, backslash-U and 8,
 * {@code ''} and any other escaped character as itself. Octal and hex escapes are bytes, which
 * together must be valid UTF-8 (22021 otherwise).
 */
final class EscapeStrings {
    private EscapeStrings() {}

    /** {@code raw} is the text between the quotes as written; {@code position} (1-based) is for errors. */
    static String decode(String raw, int position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
                bytes.write('\'');
                i++;
                continue;
            }
            if (c != '\\' || i + 1 >= raw.length()) {
                writeUtf8(bytes, String.valueOf(c));
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'x' -> {
                    int end = i + 1;
                    while (end < raw.length() && end < i + 3 && Character.digit(raw.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        bytes.write('x'); // \x without digits is the letter
                    } else {
                        bytes.write(Integer.parseInt(raw.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    String hex = raw.substring(i + 1, Math.min(raw.length(), i + 1 + digits));
                    if (hex.length() < digits || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        throw invalidUnicode(position);
                    }
                    int code = Integer.parseInt(hex, 16);
                    if (!Character.isValidCodePoint(code) || code == 0 || (code >= 0xD800 && code <= 0xDFFF)) {
                        throw invalidUnicode(position);
                    }
                    writeUtf8(bytes, new String(Character.toChars(code)));
                    i += digits;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        bytes.write(Integer.parseInt(raw.substring(i, end), 8) & 0xff);
                        i = end - 1;
                    } else {
                        writeUtf8(bytes, String.valueOf(e));
                    }
                }
            }
        }
        byte[] decoded = bytes.toByteArray();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            throw new SqlException(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": "
                    + firstInvalid(decoded)); // PostgreSQL gives no position here
        }
    }

    private static String firstInvalid(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            boolean valid = length > 0 && i + length <= bytes.length;
            for (int k = 1; valid && k < length; k++) {
                valid = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (!valid) {
                StringBuilder shown = new StringBuilder("0x" + String.format("%02x", b));
                for (int k = 1; k < Math.max(length, 1) && i + k < bytes.length; k++) {
                    shown.append(String.format(" 0x%02x", bytes[i + k] & 0xff));
                }
                return shown.toString();
            }
            i += length - 1;
        }
        return "";
    }

    private static void writeUtf8(ByteArrayOutputStream bytes, String s) {
        bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static SqlException invalidUnicode(int position) {
        return new SqlException(SqlState.SYNTAX_ERROR, "invalid Unicode escape", null,
                "Unicode escapes must be \\" + "uXXXX or \\" + "UXXXXXXXX.", position, null);
    }
}
