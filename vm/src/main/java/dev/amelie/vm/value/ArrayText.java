package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of one-dimensional arrays as array_in and array_out have it: {@code {1,2,NULL}},
 * {@code {a,"b c","say \"hi\""}}. An element is quoted on output when it is empty, is NULL in
 * any case, or holds a brace, comma, quote, backslash or white space; input takes both forms
 * and white space around elements. Multidimensional arrays and explicit bounds are not taken yet.
 */
public final class ArrayText {
    private ArrayText() {}

    public static String format(SqlArray array) {
        return format(array, java.time.ZoneOffset.UTC);
    }

    /** array_out: timestamptz elements in the session's {@code zone}. */
    public static String format(SqlArray array, java.time.ZoneId zone) {
        StringBuilder out = new StringBuilder("{");
        Object[] elements = array.elements();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (elements[i] == null) {
                out.append("NULL");
            } else {
                appendElement(out, elementText(elements[i], zone));
            }
        }
        return out.append('}').toString();
    }

    /** An element's output text: the type's output function (bool is t/f, as boolout prints it). */
    private static String elementText(Object element, java.time.ZoneId zone) {
        return element instanceof Boolean b ? (b ? "t" : "f") : Values.toText(element, zone);
    }

    private static void appendElement(StringBuilder out, String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int k = 0; k < text.length() && !quote; k++) {
            char c = text.charAt(k);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** array_in for an array of {@code element}. */
    public static SqlArray parse(String text, SqlType element, java.time.ZoneId zone) {
        List<String> items = elements(text);
        Object[] values = new Object[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = items.get(i) == null ? null : Values.cast(items.get(i), element, zone);
        }
        return new SqlArray(values);
    }

    /** The elements' texts, null for an unquoted NULL. */
    public static List<String> elements(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "arrays with explicit bounds are not supported yet");
        }
        if (s.isEmpty() || s.charAt(0) != '{') {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        skipSpace(s, i);
        i = skipSpace(s, i);
        if (i < s.length() && s.charAt(i) == '}') {
            if (i + 1 != s.length()) {
                throw malformed(text, "Junk after closing right brace.");
            }
            return items;
        }
        while (true) {
            i = skipSpace(s, i);
            if (i >= s.length()) {
                throw malformed(text, "Unexpected end of input.");
            }
            char c = s.charAt(i);
            if (c == '{') {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported yet");
            }
            StringBuilder item = new StringBuilder();
            boolean quoted = false;
            if (c == '"') {
                quoted = true;
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    item.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                i++;
                i = skipSpace(s, i);
            } else {
                while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '}') {
                    char d = s.charAt(i);
                    if (d == '"' || d == '{') {
                        throw malformed(text, "Unexpected \"" + d + "\" character.");
                    }
                    if (d == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    item.append(s.charAt(i++));
                }
                String bare = item.toString().strip();
                item.setLength(0);
                item.append(bare);
                if (bare.isEmpty()) {
                    throw malformed(text, "Unexpected \"" + (i < s.length() ? s.charAt(i) : ' ') + "\" character.");
                }
            }
            items.add(!quoted && item.toString().equalsIgnoreCase("NULL") ? null : item.toString());
            if (i >= s.length()) {
                throw malformed(text, "Unexpected end of input.");
            }
            if (s.charAt(i) == '}') {
                if (i + 1 != s.length()) {
                    throw malformed(text, "Junk after closing right brace.");
                }
                return items;
            }
            if (s.charAt(i) != ',') {
                throw malformed(text, "Unexpected array element.");
            }
            i++;
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static SqlException malformed(String text, String detail) {
        return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"",
                detail, null, 0, null);
    }
}
