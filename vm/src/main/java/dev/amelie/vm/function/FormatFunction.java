package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.Values;

/**
 * format(formatstr, arg, …) as PostgreSQL 15's text_format (varlena.c): {@code %[position$][-][width]type}
 * with the types s (the value's text, NULL as nothing), I (quote_ident; NULL an error) and L
 * (quote_literal; NULL as NULL), {@code %%} a percent sign; the width may be {@code *} or
 * {@code *n$}, an argument's value, negative for left-justified. An unnumbered specifier takes
 * the argument after the one the previous specifier took.
 */
final class FormatFunction {
    private FormatFunction() {}

    private static final String HINT = "For a single \"%\" use \"%%\".";

    /** r[first] is the format, r[first + 1 …] the arguments; NULL when the format is. */
    static String format(Object[] r, int first, int count, java.time.ZoneId zone) {
        if (r[first] == null) {
            return null;
        }
        String format = Values.toText(r[first]);
        int arguments = count - 1;
        StringBuilder out = new StringBuilder(format.length() + 16);
        int next = 0; // the next unnumbered argument, 0-based
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= format.length()) {
                throw unterminated();
            }
            if (format.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            // [position$]
            int position = -1;
            int digitsEnd = digits(format, i);
            if (digitsEnd > i && digitsEnd < format.length() && format.charAt(digitsEnd) == '$') {
                position = number(format, i, digitsEnd) - 1;
                if (position < 0) {
                    throw invalidParameter("format specifies argument 0, but arguments are numbered from 1");
                }
                i = digitsEnd + 1;
            }
            boolean leftJustify = false;
            while (i < format.length() && format.charAt(i) == '-') {
                leftJustify = true;
                i++;
            }
            Integer width = null;
            if (i < format.length() && format.charAt(i) == '*') {
                i++;
                int widthArgument;
                int end = digits(format, i);
                if (end > i && end < format.length() && format.charAt(end) == '$') {
                    widthArgument = number(format, i, end) - 1;
                    if (widthArgument < 0) {
                        throw invalidParameter("format specifies argument 0, but arguments are numbered from 1");
                    }
                    i = end + 1;
                } else {
                    widthArgument = next++;
                }
                if (widthArgument >= arguments) {
                    throw invalidParameter("too few arguments for format()");
                }
                Object value = r[first + 1 + widthArgument];
                width = value == null ? 0 : ((Number) value).intValue();
                if (width < 0) {
                    leftJustify = true;
                    width = -width;
                }
            } else {
                int end = digits(format, i);
                if (end > i) {
                    width = number(format, i, end);
                    i = end;
                }
            }
            if (i >= format.length()) {
                throw unterminated();
            }
            char type = format.charAt(i++);
            if (type != 's' && type != 'I' && type != 'L') {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized format() type specifier \"" + type + "\"", null, HINT, 0, null);
            }
            int argument = position >= 0 ? position : next;
            next = argument + 1;
            if (argument >= arguments) {
                throw invalidParameter("too few arguments for format()");
            }
            Object value = r[first + 1 + argument];
            String text = switch (type) {
                case 's' -> value == null ? "" : output(value, zone);
                case 'I' -> {
                    if (value == null) {
                        throw new SqlException(SqlState.NULL_VALUE_NOT_ALLOWED, "null values cannot be formatted as an SQL identifier");
                    }
                    yield TextFunctions.quoteIdent(output(value, zone));
                }
                default -> value == null ? "NULL" : TextFunctions.quoteLiteral(output(value, zone));
            };
            append(out, text, width, leftJustify);
        }
        return out.toString();
    }

    private static String output(Object value, java.time.ZoneId zone) {
        return value instanceof Boolean b ? (b ? "t" : "f") : Values.toText(value, zone);
    }

    /** The text padded with spaces to width characters (text_format_append_string). */
    private static void append(StringBuilder out, String text, Integer width, boolean leftJustify) {
        int length = text.codePointCount(0, text.length());
        int padding = width == null ? 0 : Math.max(0, width - length);
        if (!leftJustify) {
            out.repeat(' ', padding);
        }
        out.append(text);
        if (leftJustify) {
            out.repeat(' ', padding);
        }
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int number(String s, int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            value = value * 10 + (s.charAt(k) - '0');
            if (value > Integer.MAX_VALUE) {
                throw invalidParameter("number is out of range");
            }
        }
        return (int) value;
    }

    private static SqlException unterminated() {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE, "unterminated format() type specifier", null, HINT, 0, null);
    }

    private static SqlException invalidParameter(String message) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
