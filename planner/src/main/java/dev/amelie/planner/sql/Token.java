package dev.amelie.planner.sql;

/**
 * A lexical token. Unquoted identifiers and keywords are folded to lower case, as PostgreSQL
 * does; {@code position} is the 1-based character offset for error positions.
 */
public record Token(Kind kind, String text, int position) {
    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** An identifier: an unquoted word or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
