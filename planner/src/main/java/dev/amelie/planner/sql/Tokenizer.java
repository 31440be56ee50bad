package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns statement text into {@link Token}s for the hand-written parsers (DDL, utility statements). */
public final class Tokenizer {
    private Tokenizer() {}

    /**
     * The tokens, or null when the text does not tokenize (an unterminated string or comment):
     * a rewrite then leaves the text as it is, and the parser reports the error at its place.
     */
    public static List<Token> tokenizeOrNull(String s) {
        try {
            return tokenize(s);
        } catch (RuntimeException notTokenizable) {
            return null;
        }
    }

    /**
     * The first token alone, without tokenizing the rest: a word or an opening parenthesis is read
     * in place (what decides how a statement is planned); anything else the full tokenizer reads.
     */
    public static Token first(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && s.startsWith("--", i) || c == '/' && s.startsWith("/*", i)) {
                i = SqlLexer.skipQuotedOrComment(s, i);
            } else {
                break;
            }
        }
        if (i == s.length()) {
            return new Token(Token.Kind.END, "", s.length() + 1);
        }
        char c = s.charAt(i);
        boolean escapeString = (c == 'E' || c == 'e') && i + 1 < s.length() && s.charAt(i + 1) == '\'';
        if ((Character.isLetter(c) || c == '_') && !escapeString) {
            int end = i;
            while (end < s.length() && SqlLexer.isIdentifierPart(s.charAt(end))) {
                end++;
            }
            return new Token(Token.Kind.WORD, s.substring(i, end).toLowerCase(Locale.ROOT), i + 1);
        }
        if (c == '(') {
            return new Token(Token.Kind.SYMBOL, "(", i + 1);
        }
        return tokenize(s).getFirst();
    }

    public static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && s.startsWith("--", i) || c == '/' && s.startsWith("/*", i)) {
                i = SqlLexer.skipQuotedOrComment(s, i);
                continue;
            }
            int start = i;
            if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < s.length() && s.charAt(i + 1) == '\'')) {
                int quote = c == '\'' ? i : i + 1;
                int end = SqlLexer.skipQuotedOrComment(s, quote);
                String body = s.substring(quote + 1, end - 1).replace("''", "'");
                tokens.add(new Token(Token.Kind.STRING, body, start + 1));
                i = end;
            } else if (c == '"') {
                int end = SqlLexer.skipQuotedOrComment(s, i);
                String name = s.substring(i + 1, end - 1).replace("\"\"", "\"");
                if (name.isEmpty()) {
                    throw new SqlException(SqlState.SYNTAX_ERROR, "zero-length delimited identifier at or near \"\"\"\"",
                            null, null, start + 1, null);
                }
                tokens.add(new Token(Token.Kind.QUOTED_IDENTIFIER, name, start + 1));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && SqlLexer.isIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, s.substring(start, i).toLowerCase(Locale.ROOT), start + 1));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, s.substring(start, i), start + 1));
            } else if (c == '$' && SqlLexer.skipQuotedOrComment(s, i) != i) {
                int end = SqlLexer.skipQuotedOrComment(s, i);
                int tagEnd = s.indexOf('$', i + 1) + 1;
                tokens.add(new Token(Token.Kind.STRING, s.substring(tagEnd, end - (tagEnd - i)), start + 1));
                i = end;
            } else {
                String symbol = s.startsWith("::", i) ? "::" : String.valueOf(c);
                tokens.add(new Token(Token.Kind.SYMBOL, symbol, start + 1));
                i += symbol.length();
            }
        }
        tokens.add(new Token(Token.Kind.END, "", s.length() + 1));
        return tokens;
    }
}
