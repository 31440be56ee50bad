package dev.amelie.planner.relational;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;

import java.util.List;

/** What a RETURNING list asks for, read from its tokens. */
final class ReturningLists {
    private ReturningLists() {}

    /** Whether the list has an unqualified {@code *} item (not {@code t.*}, not a product). */
    static boolean hasBareStar(String list) {
        List<Token> tokens = Tokenizer.tokenize(list);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isSymbol("*")) {
                boolean starts = i == 0 || tokens.get(i - 1).isSymbol(",");
                Token next = tokens.get(i + 1);
                if (starts && (next.kind() == Token.Kind.END || next.isSymbol(",") || next.isSymbol(";"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
