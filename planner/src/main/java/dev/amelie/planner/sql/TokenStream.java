package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.List;

/** A cursor over tokens with the accept/expect helpers recursive-descent parsers need. */
public final class TokenStream {
    private final List<Token> tokens;
    private int index;

    public TokenStream(String text) {
        this.tokens = Tokenizer.tokenize(text);
    }

    public Token peek() {
        return tokens.get(index);
    }

    public Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    public Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    public boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    public boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    public boolean acceptWords(String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!peek(k).isWord(words[k])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    public boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    public void expectWord(String word) {
        if (!acceptWord(word)) {
            throw syntaxError();
        }
    }

    public void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw syntaxError();
        }
    }

    /** An identifier (unquoted words are already lower case). */
    public String expectIdentifier() {
        Token token = peek();
        if (!token.isIdentifier()) {
            throw syntaxError();
        }
        index++;
        return token.text();
    }

    public void expectEnd() {
        if (!atEnd()) {
            throw syntaxError();
        }
    }

    /** PostgreSQL's message: syntax error at or near "token" (or at end of input). */
    public SqlException syntaxError() {
        Token token = peek();
        String where = token.kind() == Token.Kind.END ? "at end of input" : "at or near \"" + token.text() + "\"";
        return new SqlException(SqlState.SYNTAX_ERROR, "syntax error " + where, null, null, token.position(), null);
    }
}
