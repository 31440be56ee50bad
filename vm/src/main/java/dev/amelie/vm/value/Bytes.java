package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A bytea value. A byte[] has identity equality, so rows, hash joins and keys would treat equal
 * values as different; this wrapper compares by content, unsigned and bytewise as PostgreSQL's
 * byteacmp (memcmp, then the shorter first). The array is never changed after construction.
 */
public record Bytes(byte[] bytes) implements Comparable<Bytes> {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The hex output form (bytea_output = hex): {@code \x} and two lowercase digits a byte. */
    @Override
    public String toString() {
        return "\\x" + HEX.formatHex(bytes);
    }

    /**
     * byteain: {@code \x} followed by hex digit pairs (whitespace between pairs allowed), or the
     * escape form where {@code \\} is a backslash, {@code \ooo} an octal byte, and anything else
     * its UTF-8 bytes.
     */
    public static Bytes parse(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\\' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            return parseHex(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c != '\\') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '\\') {
                    end++;
                }
                out.writeBytes(text.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                i = end;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < text.length() && isOctal(text.charAt(i + 1), '3') && isOctal(text.charAt(i + 2), '7')
                    && isOctal(text.charAt(i + 3), '7')) {
                out.write((text.charAt(i + 1) - '0') * 64 + (text.charAt(i + 2) - '0') * 8 + (text.charAt(i + 3) - '0'));
                i += 4;
            } else {
                throw TextInput.invalid(text, "bytea");
            }
        }
        return new Bytes(out.toByteArray());
    }

    private static boolean isOctal(char c, char max) {
        return c >= '0' && c <= max;
    }

    private static Bytes parseHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int high = Character.digit(c, 16);
            if (high < 0) {
                throw invalidHexDigit(c);
            }
            if (i + 1 >= text.length()) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int low = Character.digit(text.charAt(i + 1), 16);
            if (low < 0) {
                if (isSpace(text.charAt(i + 1))) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
                }
                throw invalidHexDigit(text.charAt(i + 1));
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return new Bytes(out.toByteArray());
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static SqlException invalidHexDigit(char c) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
    }
}
