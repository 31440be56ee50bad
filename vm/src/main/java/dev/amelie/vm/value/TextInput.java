package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The types' text input functions as PostgreSQL 15 has them (boolin, int2in/int4in/int8in,
 * float8in, numeric_in), with PostgreSQL's exact error messages. Shared by casts from text and
 * by the protocol's text-format parameters.
 */
public final class TextInput {
    /** What strtod accepts for finite decimal numbers (hex floats left out on purpose). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private TextInput() {}

    /**
     * parse_bool_with_len (bool.c): surrounding whitespace ignored, any case, any unambiguous
     * prefix of true/false/yes/no; "on"/"off" need two letters. Null when the text is no boolean.
     */
    public static Boolean tryParseBoolean(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("1") || (s.length() >= 2 && "on".startsWith(s))) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(s) || "no".startsWith(s) || s.equals("0") || (s.length() >= 2 && "off".startsWith(s))) {
            return Boolean.FALSE;
        }
        return null;
    }

    public static boolean parseBoolean(String text) {
        Boolean value = tryParseBoolean(text);
        if (value == null) {
            throw invalid(text, "boolean");
        }
        return value;
    }

    /** int2in/int4in/int8in (numutils.c): C-locale whitespace around an optional sign and digits. */
    public static Object parseIntegral(String text, SqlType type) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i == end) {
            throw invalid(text, type.sqlName());
        }
        // Accumulate negatively so that the minimum value parses without overflow.
        long value = 0;
        boolean overflow = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text, type.sqlName());
            }
            int digit = c - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                overflow = true;
            } else {
                value = value * 10 - digit;
            }
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        long min = type == SqlType.SMALLINT ? Short.MIN_VALUE : type == SqlType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = type == SqlType.SMALLINT ? Short.MAX_VALUE : type == SqlType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (overflow || value < min || value > max) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type " + type.sqlName());
        }
        return switch (type) {
            case SMALLINT -> (short) value;
            case INTEGER -> (int) value;
            default -> value;
        };
    }

    /**
     * float8in/float4in: surrounding whitespace allowed, NaN, Infinity and inf in any case with
     * an optional sign; a finite number that overflows or underflows to zero is 22003
     * (PostgreSQL checks ERANGE from strtod). {@code real} parses with float precision.
     */
    public static double parseDouble(String text, boolean real) {
        String typeName = real ? "real" : "double precision";
        String s = text.strip();
        String word = s.toLowerCase(Locale.ROOT);
        String unsigned = word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word;
        if (unsigned.equals("infinity") || unsigned.equals("inf")) {
            return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) { // strtod takes a sign on NaN too; float8in keeps no sign
            return Double.NaN;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw invalid(text, typeName);
        }
        double value = real ? Float.parseFloat(s) : Double.parseDouble(s);
        if (Double.isInfinite(value) || (value == 0 && !isZero(s))) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type " + typeName);
        }
        return value;
    }

    /**
     * oidin: a decimal number in 32 unsigned bits; a negative one down to -2147483648 counts
     * as its two's complement, as PostgreSQL's strtoul-based reading does.
     */
    public static long parseOid(String text) {
        String s = text.strip();
        long value;
        try {
            value = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw invalid(text, "oid");
        }
        if (value < Integer.MIN_VALUE || value > 0xffffffffL) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type oid");
        }
        return value & 0xffffffffL;
    }

    /** numeric_in for finite values; NaN and infinities are not values of ours yet. */
    public static BigDecimal parseNumeric(String text) {
        String s = text.strip();
        if (DECIMAL.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        String word = s.toLowerCase(Locale.ROOT);
        if (word.equals("nan") || word.matches("[+-]?(infinity|inf)")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "numeric value \"" + text + "\" is not supported");
        }
        throw invalid(text, "numeric");
    }

    private static boolean isZero(String decimal) {
        int e = decimal.toLowerCase(Locale.ROOT).indexOf('e');
        String mantissa = e < 0 ? decimal : decimal.substring(0, e);
        for (int i = 0; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** C isspace() in the C locale, which is what numutils.c uses. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static SqlException invalid(String text, String typeName) {
        return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
