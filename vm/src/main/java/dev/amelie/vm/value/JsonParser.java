package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON reader (RFC 8259, as PostgreSQL's json_lex accepts it) into the tree {@link Jsonb}
 * holds: {@link Jsonb.Obj}, {@link List}, {@link String}, {@link BigDecimal}, {@link Boolean}
 * and {@link Jsonb#NULL}. Errors are 22P02 "invalid input syntax for type json" with
 * PostgreSQL's detail line where it is cheap to say.
 */
final class JsonParser {
    private final String text;
    private int i;

    private JsonParser(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipSpace();
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.i != text.length()) {
            throw parser.error("Token \"" + parser.token() + "\" is invalid.");
        }
        return value;
    }

    /** A member of the top-level container: its key (null in an array) and where its value's text is. */
    record Member(String key, int start, int end) {}

    /** The members of the top-level object or array of (valid) JSON text; null for a scalar. */
    static List<Member> members(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipSpace();
        boolean object = parser.accept('{');
        if (!object && !parser.accept('[')) {
            return null;
        }
        List<Member> members = new ArrayList<>();
        parser.skipSpace();
        if (parser.accept(object ? '}' : ']')) {
            return members;
        }
        do {
            parser.skipSpace();
            String key = null;
            if (object) {
                key = parser.string();
                parser.skipSpace();
                parser.accept(':');
                parser.skipSpace();
            }
            int start = parser.i;
            parser.value(1);
            members.add(new Member(key, start, parser.i));
            parser.skipSpace();
        } while (parser.accept(','));
        return members;
    }

    private Object value(int depth) {
        if (depth > 6400) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded");
        }
        if (i >= text.length()) {
            throw error("The input string ended unexpectedly.");
        }
        char c = text.charAt(i);
        switch (c) {
            case '{' -> {
                i++;
                Jsonb.Obj object = new Jsonb.Obj();
                skipSpace();
                if (accept('}')) {
                    return object;
                }
                do {
                    skipSpace();
                    if (i >= text.length() || text.charAt(i) != '"') {
                        throw error(i >= text.length() ? "The input string ended unexpectedly."
                                : validToken(token()) ? "Expected string, but found \"" + token() + "\"."
                                : "Token \"" + token() + "\" is invalid.");
                    }
                    String key = string();
                    skipSpace();
                    if (!accept(':')) {
                        throw error(i >= text.length() ? "The input string ended unexpectedly."
                                : "Expected \":\", but found \"" + token() + "\".");
                    }
                    skipSpace();
                    object.put(key, value(depth + 1));
                    skipSpace();
                } while (accept(','));
                if (!accept('}')) {
                    throw error(i >= text.length() ? "The input string ended unexpectedly."
                            : "Expected \",\" or \"}\", but found \"" + token() + "\".");
                }
                return object;
            }
            case '[' -> {
                i++;
                List<Object> array = new ArrayList<>();
                skipSpace();
                if (accept(']')) {
                    return array;
                }
                do {
                    skipSpace();
                    array.add(value(depth + 1));
                    skipSpace();
                } while (accept(','));
                if (!accept(']')) {
                    throw error(i >= text.length() ? "The input string ended unexpectedly."
                            : "Expected \",\" or \"]\", but found \"" + token() + "\".");
                }
                return array;
            }
            case '"' -> {
                return string();
            }
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                String word = token();
                Object literal = switch (word) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "null" -> Jsonb.NULL;
                    default -> throw error("Token \"" + word + "\" is invalid.");
                };
                i += word.length();
                return literal;
            }
        }
    }

    private BigDecimal number() {
        int start = i;
        accept('-');
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        boolean ok = i > digits && !(text.charAt(digits) == '0' && i - digits > 1);
        if (ok && accept('.')) {
            int fraction = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            ok = i > fraction;
        }
        if (ok && (accept('e') || accept('E'))) {
            if (!accept('+')) {
                accept('-');
            }
            int exponent = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            ok = i > exponent;
        }
        if (!ok || i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i = start;
            throw error("Token \"" + token() + "\" is invalid.");
        }
        BigDecimal value = new BigDecimal(text.substring(start, i));
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private String string() {
        i++; // the opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= text.length()) {
                throw error("The input string ended unexpectedly.");
            }
            char c = text.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("Character with value 0x" + String.format("%02x", (int) c) + " must be escaped.");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= text.length()) {
                throw error("The input string ended unexpectedly.");
            }
            char e = text.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > text.length()) {
                        throw error("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    int code;
                    try {
                        code = Integer.parseInt(text, i, i + 4, 16);
                    } catch (NumberFormatException bad) {
                        throw error("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    if (code == 0) {
                        throw new SqlException(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence",
                                "\\u0000 cannot be converted to text.", null, 0, null);
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> throw error("Escape sequence \"\\" + e + "\" is invalid.");
            }
        }
    }

    private boolean accept(char c) {
        if (i < text.length() && text.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
                || text.charAt(i) == '\r')) {
            i++;
        }
    }

    /** The token at the cursor, for messages: a word, or the single character there. */
    private String token() {
        if (i >= text.length()) {
            return "";
        }
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                || text.charAt(end) == '-' || text.charAt(end) == '+')) {
            end++;
        }
        return end == i ? text.substring(i, i + 1) : text.substring(i, end);
    }

    /** Whether the lexer would take this token (so the parser, not the lexer, rejects it). */
    private static boolean validToken(String token) {
        return token.equals("true") || token.equals("false") || token.equals("null") || token.length() == 1
                && "{}[],:".contains(token) || token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    /** PostgreSQL's CONTEXT: the line of the input up to the end of the offending token. */
    private SqlException error(String detail) {
        int lineStart = text.lastIndexOf('\n', Math.max(i - 1, 0)) + 1;
        int line = 1 + (int) text.substring(0, Math.min(i, text.length())).chars().filter(c -> c == '\n').count();
        int end = Math.min(text.length(), i + Math.max(token().length(), i < text.length() ? 1 : 0));
        return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json",
                detail, null, 0, "JSON data, line " + line + ": " + text.substring(Math.min(lineStart, end), end)
                        + (end < text.length() && text.charAt(end) != '\n' ? "..." : ""), null);
    }
}
