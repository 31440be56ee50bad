package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

/**
 * Finds where the lexical pieces of PostgreSQL SQL end: quoted strings ('…' with '' escapes,
 * E'…' with backslash escapes), quoted identifiers, dollar-quoted strings, -- and nested block
 * comments. Shared by the statement splitter, the parameter rewriter and the tokenizer so they
 * agree on what is code and what is text (PostgreSQL scan.l is the reference).
 */
public final class SqlLexer {
    private SqlLexer() {}

    /**
     * If a string, quoted identifier, dollar quote or comment starts at {@code i}, returns the
     * index just after it; otherwise returns {@code i}.
     */
    public static int skipQuotedOrComment(String s, int i) {
        char ch = s.charAt(i);
        if (ch == '\'') {
            boolean backslashEscapes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
                    && (i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)));
            return skipString(s, i, '\'', backslashEscapes);
        }
        if (ch == '"') {
            return skipString(s, i, '"', false);
        }
        if (ch == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
            int depth = 0;
            int j = i;
            while (j < s.length()) {
                if (s.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (s.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            throw new SqlException(SqlState.SYNTAX_ERROR, "unterminated /* comment at or near \"" + s.substring(i, Math.min(s.length(), i + 10)) + "\"");
        }
        if (ch == '$' && (i == 0 || !isIdentifierPart(s.charAt(i - 1)))) {
            int close = s.indexOf('$', i + 1);
            if (close > 0) {
                String tag = s.substring(i, close + 1);
                if (tag.length() == 2 || isDollarTag(tag)) {
                    int end = s.indexOf(tag, close + 1);
                    if (end < 0) {
                        throw new SqlException(SqlState.SYNTAX_ERROR, "unterminated dollar-quoted string at or near \"" + tag + "\"");
                    }
                    return end + tag.length();
                }
            }
        }
        return i;
    }

    private static boolean isDollarTag(String tag) {
        for (int k = 1; k < tag.length() - 1; k++) {
            char c = tag.charAt(k);
            if (!(Character.isLetter(c) || c == '_' || (k > 1 && Character.isDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    private static int skipString(String s, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        throw new SqlException(SqlState.SYNTAX_ERROR, quote == '\''
                ? "unterminated quoted string at or near \"" + s.substring(i, Math.min(s.length(), i + 20)) + "\""
                : "unterminated quoted identifier at or near \"" + s.substring(i, Math.min(s.length(), i + 20)) + "\"");
    }

    public static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
