package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.Bytes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * PostgreSQL's binary string functions: btrim/ltrim/rtrim of bytea (varlena.c), encode and
 * decode in the hex, base64 and escape formats (encode.c, whose error messages and leniencies
 * these keep), and convert_from/convert_to between the server encoding (UTF8) and UTF8, LATIN1
 * or SQL_ASCII.
 */
final class ByteaFunctions {
    private ByteaFunctions() {}

    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    static Object call(Function function, Object[] r, int first, int count) {
        return switch (function) {
            case ENCODE -> encode(((Bytes) r[first]).bytes(), (String) r[first + 1]);
            case DECODE -> decode((String) r[first], (String) r[first + 1]);
            case CONVERT_FROM -> convertFrom(((Bytes) r[first]).bytes(), (String) r[first + 1]);
            case CONVERT_TO -> convertTo((String) r[first], (String) r[first + 1]);
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    /** byteatrim: the bytes of the set removed from the chosen ends. */
    static Bytes trim(Bytes value, Bytes set, boolean leading, boolean trailing) {
        byte[] bytes = value.bytes();
        int start = 0;
        int end = bytes.length;
        while (leading && start < end && contains(set.bytes(), bytes[start])) {
            start++;
        }
        while (trailing && end > start && contains(set.bytes(), bytes[end - 1])) {
            end--;
        }
        return new Bytes(java.util.Arrays.copyOfRange(bytes, start, end));
    }

    private static boolean contains(byte[] set, byte b) {
        for (byte candidate : set) {
            if (candidate == b) {
                return true;
            }
        }
        return false;
    }

    private enum Format { HEX, BASE64, ESCAPE }

    /** pg_find_encoding: the format's name in any case. */
    private static Format format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hex" -> Format.HEX;
            case "base64" -> Format.BASE64;
            case "escape" -> Format.ESCAPE;
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + name + "\"");
        };
    }

    static String encode(byte[] bytes, String formatName) {
        return switch (format(formatName)) {
            case HEX -> HexFormat.of().formatHex(bytes);
            case BASE64 -> base64Encode(bytes);
            case ESCAPE -> escapeEncode(bytes);
        };
    }

    static Bytes decode(String text, String formatName) {
        return new Bytes(switch (format(formatName)) {
            case HEX -> hexDecode(text);
            case BASE64 -> base64Decode(text);
            case ESCAPE -> escapeDecode(text);
        });
    }

    /** pg_base64_encode: a newline after every 76 characters of output, padding with '='. */
    private static String base64Encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 4 / 3 + 4);
        int lineEnd = 76;
        int buffer = 0;
        int position = 2;
        for (byte b : bytes) {
            buffer |= (b & 0xff) << (position << 3);
            position--;
            if (position < 0) {
                out.append(BASE64[buffer >> 18 & 0x3f]).append(BASE64[buffer >> 12 & 0x3f])
                        .append(BASE64[buffer >> 6 & 0x3f]).append(BASE64[buffer & 0x3f]);
                position = 2;
                buffer = 0;
            }
            if (out.length() >= lineEnd) {
                out.append('\n');
                lineEnd = out.length() + 76;
            }
        }
        if (position != 2) {
            out.append(BASE64[buffer >> 18 & 0x3f]).append(BASE64[buffer >> 12 & 0x3f])
                    .append(position == 0 ? BASE64[buffer >> 6 & 0x3f] : '=').append('=');
        }
        return out.toString();
    }

    /**
     * pg_base64_decode: whitespace is skipped, '=' ends the data after two or three symbols of
     * a group, and a group left incomplete is an error.
     */
    private static byte[] base64Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int buffer = 0;
        int position = 0;
        int end = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            int bits;
            if (c == '=') {
                if (end == 0) {
                    if (position == 2) {
                        end = 1;
                    } else if (position == 3) {
                        end = 2;
                    } else {
                        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "unexpected \"=\" while decoding base64 sequence");
                    }
                }
                bits = 0;
            } else {
                bits = base64Value(c);
                if (bits < 0) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid symbol \"" + Character.toString(c) + "\" found while decoding base64 sequence");
                }
            }
            buffer = (buffer << 6) + bits;
            position++;
            if (position == 4) {
                out.write(buffer >> 16 & 0xff);
                if (end == 0 || end > 1) {
                    out.write(buffer >> 8 & 0xff);
                }
                if (end == 0 || end > 2) {
                    out.write(buffer & 0xff);
                }
                buffer = 0;
                position = 0;
            }
        }
        if (position != 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid base64 end sequence", null,
                    "Input data is missing padding, is truncated, or is otherwise corrupted.", 0, null);
        }
        return out.toByteArray();
    }

    private static int base64Value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** hex_decode: pairs of hex digits, whitespace between pairs. */
    private static byte[] hexDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int high = hexDigit(c);
            i += Character.charCount(c);
            if (i >= text.length()) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int second = text.codePointAt(i);
            int low = hexDigit(second);
            i += Character.charCount(second);
            out.write(high << 4 | low);
        }
        return out.toByteArray();
    }

    private static int hexDigit(int c) {
        int digit = c < 128 ? Character.digit(c, 16) : -1;
        if (digit < 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + Character.toString(c) + "\"");
        }
        return digit;
    }

    /** esc_encode: NUL and bytes with the high bit as \ooo, a backslash doubled, other bytes as they are. */
    private static String escapeEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v == 0 || v >= 0x80) {
                out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + (v >> 3 & 7))).append((char) ('0' + (v & 7)));
            } else if (v == '\\') {
                out.append("\\\\");
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    /** esc_decode: \ooo is a byte, \\ a backslash, any other backslash an error; the rest its UTF-8 bytes. */
    private static byte[] escapeDecode(String text) {
        byte[] source = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length);
        for (int i = 0; i < source.length; ) {
            if (source[i] != '\\') {
                out.write(source[i++]);
            } else if (i + 3 < source.length && isOctal(source[i + 1], '3') && isOctal(source[i + 2], '7')
                    && isOctal(source[i + 3], '7')) {
                out.write((source[i + 1] - '0') << 6 | (source[i + 2] - '0') << 3 | (source[i + 3] - '0'));
                i += 4;
            } else if (i + 1 < source.length && source[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else {
                throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte c, char max) {
        return c >= '0' && c <= max;
    }

    /** The encodings we convert between, by PostgreSQL's names. */
    private enum Encoding {
        UTF8, LATIN1, SQL_ASCII
    }

    /**
     * pg_char_to_encoding: the name with everything but letters and digits dropped, in any case
     * (clean_encoding_name), so UTF-8 and utf8 are UTF8; null for one we do not know.
     */
    private static Encoding encoding(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return switch (clean) {
            case "utf8", "unicode" -> Encoding.UTF8;
            case "latin1", "iso88591" -> Encoding.LATIN1;
            case "sqlascii" -> Encoding.SQL_ASCII;
            default -> null;
        };
    }

    /** convert_from(bytes, source encoding): the bytes read in that encoding, checked as the server's (UTF8). */
    static String convertFrom(byte[] bytes, String name) {
        Encoding source = encoding(name);
        if (source == null) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid source encoding name \"" + name + "\"");
        }
        if (source == Encoding.LATIN1) {
            for (byte b : bytes) {
                if (b == 0) {
                    throw invalidByteSequence("LATIN1", bytes, 0, 1);
                }
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        // From UTF8 and SQL_ASCII nothing is converted: the bytes must be valid UTF8 as they are.
        return utf8(bytes);
    }

    /** convert_to(text, destination encoding). */
    static Bytes convertTo(String text, String name) {
        Encoding destination = encoding(name);
        if (destination == null) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid destination encoding name \"" + name + "\"");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (destination != Encoding.LATIN1) {
            return new Bytes(utf8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c > 0xff) {
                byte[] character = text.substring(i, next).getBytes(StandardCharsets.UTF_8);
                StringBuilder hex = new StringBuilder();
                for (byte b : character) {
                    hex.append(hex.isEmpty() ? "" : " ").append(String.format("0x%02x", b & 0xff));
                }
                throw new SqlException(SqlState.UNTRANSLATABLE_CHARACTER, "character with byte sequence " + hex
                        + " in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\"");
            }
            out.write(c);
            i = next;
        }
        return new Bytes(out.toByteArray());
    }

    /** The bytes as UTF-8 text; PostgreSQL's error at the first byte sequence that is not UTF-8 (or is NUL). */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw invalidByteSequence("UTF8", bytes, i, 1);
            }
        }
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int lead = bytes[at] & 0xff;
            int length = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
            throw invalidByteSequence("UTF8", bytes, at, length);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** report_invalid_encoding: the bad character's bytes, as far as the data goes. */
    private static SqlException invalidByteSequence(String encoding, byte[] bytes, int at, int length) {
        StringBuilder hex = new StringBuilder();
        for (int k = at; k < Math.min(bytes.length, at + length); k++) {
            hex.append(k > at ? " " : "").append(String.format("0x%02x", bytes[k] & 0xff));
        }
        return new SqlException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                "invalid byte sequence for encoding \"" + encoding + "\": " + hex);
    }
}
