package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.value.Bytes;
import dev.amelie.vm.value.TypeModifiers;
import dev.amelie.vm.value.Values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL's string functions (varlena.c, oracle_compat.c). Positions and lengths count
 * characters (code points), not UTF-16 units; octet_length and bit_length count UTF-8 bytes, the
 * server encoding. Errors carry PostgreSQL's SQLSTATEs and messages.
 */
public final class TextFunctions {
    private TextFunctions() {}

    /** MaxAllocSize less the varlena header: the longest text PostgreSQL builds. */
    private static final long MAX_TEXT_BYTES = 0x3fffffff - 4;

    static Object call(Function function, Object[] r, int first, int count, java.time.ZoneId zone) {
        return switch (function) {
            case CONCAT -> concat("", r, first, first + count, zone);
            case CONCAT_WS -> r[first] == null ? null : concat(text(r[first]), r, first + 1, first + count, zone);
            case FORMAT -> FormatFunction.format(r, first, count, zone);
            case GREATEST -> extreme(r, first, count, 1);
            case LEAST -> extreme(r, first, count, -1);
            case TO_CHAR -> r[first] instanceof Number ? NumberFormat.format(r[first], text(r[first + 1]))
                    : DateTimeFormat.format(r[first], text(r[first + 1]), zone);
            default -> strictCall(function, r, first, count);
        };
    }

    private static Object strictCall(Function function, Object[] r, int first, int count) {
        if (r[first] instanceof Bytes bytes && (function == Function.BTRIM || function == Function.LTRIM || function == Function.RTRIM)) {
            return ByteaFunctions.trim(bytes, (Bytes) r[first + 1], function != Function.RTRIM, function != Function.LTRIM);
        }
        String s = text(r[first]);
        return switch (function) {
            case VARCHAR_TYPMOD -> TypeModifiers.fitCharacters(s, CharacterType.VARCHAR, integer(r[first + 1]), true);
            case BPCHAR_TYPMOD -> TypeModifiers.fitCharacters(s, CharacterType.BPCHAR, integer(r[first + 1]), true);
            case NAME_TYPMOD -> TypeModifiers.fitName(s);
            case BTRIM -> trim(s, count > 1 ? text(r[first + 1]) : " ", true, true);
            case LTRIM -> trim(s, count > 1 ? text(r[first + 1]) : " ", true, false);
            case RTRIM -> trim(s, count > 1 ? text(r[first + 1]) : " ", false, true);
            case OVERLAY -> overlay(s, text(r[first + 1]), integer(r[first + 2]),
                    count > 3 ? integer(r[first + 3]) : length(text(r[first + 1])));
            case REPEAT -> repeat(s, integer(r[first + 1]));
            case SPLIT_PART -> splitPart(s, text(r[first + 1]), integer(r[first + 2]));
            case SUBSTR -> count > 2 ? substring(s, integer(r[first + 1]), integer(r[first + 2]))
                    : substring(s, integer(r[first + 1]));
            case LEFT -> left(s, integer(r[first + 1]));
            case RIGHT -> right(s, integer(r[first + 1]));
            case LPAD -> pad(s, integer(r[first + 1]), count > 2 ? text(r[first + 2]) : " ", true);
            case RPAD -> pad(s, integer(r[first + 1]), count > 2 ? text(r[first + 2]) : " ", false);
            case REVERSE -> new StringBuilder(s).reverse().toString(); // StringBuilder keeps surrogate pairs
            case MD5 -> HexFormat.of().formatHex(md5().digest(r[first] instanceof Bytes b ? b.bytes() : s.getBytes(StandardCharsets.UTF_8)));
            case BIT_LENGTH -> r[first] instanceof Bytes b ? b.bytes().length * 8 : utf8Length(s) * 8;
            case OCTET_LENGTH -> r[first] instanceof Bytes b ? b.bytes().length : utf8Length(s);
            case CHR -> chr(integer(r[first]));
            case ASCII -> s.isEmpty() ? 0 : s.codePointAt(0);
            case INITCAP -> initcap(s);
            case STARTS_WITH -> s.startsWith(text(r[first + 1]));
            case STRPOS -> position(s, text(r[first + 1]));
            case TRANSLATE -> translate(s, text(r[first + 1]), text(r[first + 2]));
            case REPLACE -> text(r[first + 1]).isEmpty() ? s : s.replace(text(r[first + 1]), text(r[first + 2]));
            // to_hex of a negative number shows its two's complement in the argument's width.
            case TO_HEX -> r[first] instanceof Integer i ? Integer.toHexString(i) : Long.toHexString(((Number) r[first]).longValue());
            case QUOTE_LITERAL -> quoteLiteral(s);
            case QUOTE_IDENT -> quoteIdent(s);
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    /** quote_literal: in single quotes, quotes doubled; with a backslash, E'' and backslashes doubled. */
    static String quoteLiteral(String s) {
        String quoted = "'" + s.replace("'", "''").replace("\\", "\\\\") + "'";
        return s.indexOf('\\') >= 0 ? "E" + quoted : quoted;
    }

    /** quote_ident: as is when it is a lower-case identifier that is no keyword, else in double quotes. */
    public static String quoteIdent(String s) {
        boolean plain = !s.isEmpty() && (Character.isLowerCase(s.charAt(0)) || s.charAt(0) == '_');
        for (int k = 0; k < s.length() && plain; k++) {
            char c = s.charAt(k);
            plain = Character.isLowerCase(c) && c < 128 || Character.isDigit(c) || c == '_';
        }
        if (plain && !RESERVED.contains(s)) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The keywords quote_ident quotes (PostgreSQL's reserved and type-function-name keywords most met). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "analyse", "analyze", "and", "any",
            "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign",
            "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
            "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary",
            "references", "returning", "select", "session_user", "some", "symmetric", "table", "then", "to", "trailing",
            "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with", "authorization",
            "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is",
            "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample",
            "verbose");

    private static String text(Object value) {
        return value instanceof String s ? s : Values.toText(value);
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A value as its type's output function prints it (concat uses output, not casts: true is t). */
    private static String output(Object value, java.time.ZoneId zone) {
        return value instanceof Boolean b ? (b ? "t" : "f") : Values.toText(value, zone);
    }

    private static String concat(String separator, Object[] r, int from, int to, java.time.ZoneId zone) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (r[i] != null) {
                if (any) {
                    out.append(separator);
                }
                out.append(output(r[i], zone));
                any = true;
            }
        }
        return out.toString();
    }

    /** GREATEST (direction 1) or LEAST (-1) of the non-NULL arguments. */
    private static Object extreme(Object[] r, int first, int count, int direction) {
        Object best = null;
        for (int i = first; i < first + count; i++) {
            if (r[i] != null && (best == null || Values.compare(r[i], best) * direction > 0)) {
                best = r[i];
            }
        }
        return best;
    }

    /** btrim/ltrim/rtrim: remove the characters of the set from the chosen ends. */
    static String trim(String s, String characters, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        if (leading) {
            while (start < end && characters.indexOf(s.codePointAt(start)) >= 0) {
                start += Character.charCount(s.codePointAt(start));
            }
        }
        if (trailing) {
            while (end > start && characters.indexOf(s.codePointBefore(end)) >= 0) {
                end -= Character.charCount(s.codePointBefore(end));
            }
        }
        return s.substring(start, end);
    }

    /** substring(s from start for count) as text_substring: start may be before the string. */
    static String substring(String s, int start, int count) {
        if (count < 0) {
            throw negativeLength();
        }
        long end = (long) start + count; // one past the last character, 1-based
        if (end < 1) {
            return "";
        }
        return slice(s, Math.max(start, 1), end);
    }

    static String substring(String s, int start) {
        return slice(s, Math.max(start, 1), Long.MAX_VALUE);
    }

    /** Characters [from, to) of s, 1-based, clipped to the string. */
    private static String slice(String s, long from, long to) {
        int length = length(s);
        if (from > length) {
            return "";
        }
        int begin = s.offsetByCodePoints(0, (int) from - 1);
        int end = to > length ? s.length() : s.offsetByCodePoints(begin, (int) (to - from));
        return s.substring(begin, end);
    }

    private static String overlay(String s, String replacement, int start, int count) {
        if (start <= 0) {
            throw negativeLength(); // what the standard's definition of OVERLAY implies
        }
        long after = (long) start + count;
        if (after != (int) after) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        return substring(s, 1, start - 1) + replacement + substring(s, (int) after);
    }

    private static String repeat(String s, int count) {
        if (count <= 0 || s.isEmpty()) {
            return "";
        }
        if ((long) utf8Length(s) * count > MAX_TEXT_BYTES) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        return s.repeat(count);
    }

    /** split_part: the n-th field, counting from the end when n is negative (PostgreSQL 14 and later). */
    private static String splitPart(String s, String separator, int n) {
        if (n == 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (s.isEmpty()) {
            return "";
        }
        if (separator.isEmpty()) {
            return n == 1 || n == -1 ? s : "";
        }
        java.util.List<String> fields = new java.util.ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            fields.add(s.substring(from, at));
            from = at + separator.length();
        }
        fields.add(s.substring(from));
        int index = n > 0 ? n - 1 : fields.size() + n;
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    private static String left(String s, int n) {
        int length = length(s);
        int keep = n >= 0 ? Math.min(n, length) : Math.max(length + n, 0);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    private static String right(String s, int n) {
        int length = length(s);
        int keep = n >= 0 ? Math.min(n, length) : Math.max(length + n, 0);
        return s.substring(s.offsetByCodePoints(0, length - keep));
    }

    /** lpad/rpad: to exactly n characters, truncating s or repeating the fill. */
    private static String pad(String s, int n, String fill, boolean leading) {
        int target = Math.max(n, 0);
        int length = length(s);
        if (length >= target || fill.isEmpty()) {
            return s.substring(0, s.offsetByCodePoints(0, Math.min(length, target)));
        }
        if ((long) utf8Length(fill) * (target - length) > MAX_TEXT_BYTES) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        StringBuilder padding = new StringBuilder();
        int[] fillPoints = fill.codePoints().toArray();
        for (int i = 0; i < target - length; i++) {
            padding.appendCodePoint(fillPoints[i % fillPoints.length]);
        }
        return leading ? padding + s : s + padding;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static String chr(int code) {
        if (code < 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive");
        }
        if (code == 0) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code > Character.MAX_CODE_POINT) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + code);
        }
        if (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: " + code);
        }
        return Character.toString(code);
    }

    /** initcap: upper case after a non-alphanumeric character, lower case after an alphanumeric one. */
    /**
     * upper() as PostgreSQL's: each character mapped on its own (towupper), so 'ß' stays 'ß'
     * where Java's String.toUpperCase would make it "SS".
     */
    public static String upper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.toUpperCase(c)));
        return out.toString();
    }

    /** lower() as PostgreSQL's: each character mapped on its own (towlower). */
    public static String lower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    private static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean afterAlphanumeric = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out.appendCodePoint(afterAlphanumeric ? Character.toLowerCase(c) : Character.toUpperCase(c));
            afterAlphanumeric = Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** strpos/position: 1-based character position of the first occurrence, 0 if none. */
    static int position(String s, String part) {
        int at = s.indexOf(part);
        return at < 0 ? 0 : s.codePointCount(0, at) + 1;
    }

    private static String translate(String s, String from, String to) {
        int[] source = from.codePoints().toArray();
        int[] target = to.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int index = 0;
            while (index < source.length && source[index] != c) {
                index++;
            }
            if (index == source.length) {
                index = -1;
            }
            if (index < 0) {
                out.appendCodePoint(c);
            } else if (index < target.length) {
                out.appendCodePoint(target[index]);
            }
        }
        return out.toString();
    }

    private static SqlException negativeLength() {
        return new SqlException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
    }
}
