package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * LIKE, ILIKE and SIMILAR TO as PostgreSQL 15 (9.7.1, 9.7.2): the pattern matches the whole
 * string; in LIKE {@code %} is any sequence and {@code _} any one character; the escape character
 * (backslash unless ESCAPE says otherwise, none with ESCAPE '') makes the next one literal.
 * SIMILAR TO adds {@code | * + ? {m,n} ( ) [...]} of regular expressions, with {@code %} and
 * {@code _} as in LIKE and {@code .} literal. Patterns become java.util.regex patterns, cached:
 * a statement's pattern is usually a parameter, the same for every row.
 */
final class LikePatterns {
    private static final int CACHE_LIMIT = 512;
    private static final Map<Key, Pattern> CACHE = new ConcurrentHashMap<>();

    private enum Kind { LIKE, ILIKE, SIMILAR }

    private record Key(Kind kind, String pattern, String escape) {}

    private LikePatterns() {}

    static boolean like(String text, String pattern, String escape) {
        return likeMatch(Kind.LIKE, text, pattern, escape);
    }

    static boolean ilike(String text, String pattern, String escape) {
        return likeMatch(Kind.ILIKE, text, pattern, escape);
    }

    /**
     * PostgreSQL finds a pattern's dangling escape character only when matching reaches it with
     * text left ('abc' LIKE 'abc\' is false, 'abc\' LIKE 'abc\' an error): so here too.
     */
    private static boolean likeMatch(Kind kind, String text, String pattern, String escape) {
        int escapeChar = escapeOf(escape);
        if (escapeChar >= 0 && endsWithDanglingEscape(pattern, escapeChar)) {
            String prefix = pattern.substring(0, pattern.length() - Character.charCount(escapeChar));
            if (compile(kind, prefix + TEXT_TO_SPARE, escape).matcher(text).matches()) {
                throw new SqlException(SqlState.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
            }
            return false;
        }
        return compile(kind, pattern, escape).matcher(text).matches();
    }

    /** After a prefix: at least one more character of text. */
    private static final String TEXT_TO_SPARE = "_%";

    private static boolean endsWithDanglingEscape(String pattern, int escape) {
        boolean escaped = false;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            escaped = !escaped && c == escape;
        }
        return escaped;
    }

    static boolean similar(String text, String pattern, String escape) {
        return compile(Kind.SIMILAR, pattern, escape).matcher(text).matches();
    }

    private static Pattern compile(Kind kind, String pattern, String escape) {
        Key key = new Key(kind, pattern, escape);
        Pattern cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        int escapeChar = escapeOf(escape);
        String regex = kind == Kind.SIMILAR ? similarToRegex(pattern, escapeChar) : likeToRegex(pattern, escapeChar);
        // DOTALL: % and _ match newlines too. Case folding of ILIKE is ASCII only, as PostgreSQL's in the C locale.
        Pattern compiled = Pattern.compile(regex, Pattern.DOTALL | (kind == Kind.ILIKE ? Pattern.CASE_INSENSITIVE : 0));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, compiled);
        return compiled;
    }

    /** -1: no escape character (ESCAPE ''). */
    private static int escapeOf(String escape) {
        if (escape == null) {
            return '\\';
        }
        if (escape.isEmpty()) {
            return -1;
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw new SqlException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string",
                    null, "Escape string must be empty or one character.", 0, null);
        }
        return escape.codePointAt(0);
    }

    private static String likeToRegex(String pattern, int escape) {
        StringBuilder regex = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                i = escaped(pattern, i, regex, "LIKE");
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                quote(regex, c);
            }
        }
        return regex.toString();
    }

    private static String similarToRegex(String pattern, int escape) {
        StringBuilder regex = new StringBuilder(pattern.length() + 8);
        boolean inBracket = false;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                i = escaped(pattern, i, regex, "SIMILAR TO");
            } else if (inBracket) {
                if (c == ']') {
                    inBracket = false;
                }
                if (c == '\\' || c == '[' && (i >= pattern.length() || pattern.charAt(i) != ':')) {
                    regex.append('\\');
                }
                regex.appendCodePoint(c);
            } else {
                switch (c) {
                    case '%' -> regex.append(".*");
                    case '_' -> regex.append('.');
                    case '|', '*', '+', '?', '(', ')', '{', '}' -> regex.appendCodePoint(c);
                    case '[' -> {
                        inBracket = true;
                        regex.append('[');
                        if (i < pattern.length() && pattern.charAt(i) == '^') {
                            regex.append('^');
                            i++;
                        }
                        if (i < pattern.length() && pattern.charAt(i) == ']') {
                            regex.append("\\]"); // a leading ] is a literal one
                            i++;
                        }
                    }
                    default -> quote(regex, c);
                }
            }
        }
        if (inBracket) {
            throw new SqlException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: brackets [] not balanced");
        }
        return regex.toString();
    }

    /** The character after an escape, taken literally; returns the index after it. */
    private static int escaped(String pattern, int i, StringBuilder regex, String operator) {
        if (i >= pattern.length()) {
            throw new SqlException(SqlState.INVALID_ESCAPE_SEQUENCE, operator + " pattern must not end with escape character");
        }
        int literal = pattern.codePointAt(i);
        quote(regex, literal);
        return i + Character.charCount(literal);
    }

    private static void quote(StringBuilder regex, int c) {
        if ("\\.[]{}()*+?^$|-&~#".indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.appendCodePoint(c);
    }
}
