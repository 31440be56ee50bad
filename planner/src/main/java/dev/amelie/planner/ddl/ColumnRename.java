package dev.amelie.planner.ddl;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;

import java.util.List;

/**
 * RENAME COLUMN inside stored expression text (CHECK constraints): PostgreSQL stores parsed
 * expressions that point at columns by number, so a rename changes nothing in them; we keep text,
 * so each reference to the old name is rewritten to the new one, quoted. A reference is an
 * identifier that is not a function name (followed by "(") nor a type name (after "::").
 */
public final class ColumnRename {
    private ColumnRename() {}

    public static String inExpression(String expression, String from, String to) {
        List<Token> tokens = Tokenizer.tokenize(expression);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean reference = token.isIdentifier() && token.text().equals(from)
                    && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("("))
                    && !(i > 0 && tokens.get(i - 1).isSymbol("::"));
            if (!reference) {
                continue;
            }
            int start = token.position() - 1;
            int end = token.kind() == Token.Kind.QUOTED_IDENTIFIER
                    ? dev.amelie.planner.sql.SqlLexer.skipQuotedOrComment(expression, start) : start + token.text().length();
            out.append(expression, copied, start).append('"').append(to.replace("\"", "\"\"")).append('"');
            copied = end;
        }
        return out.append(expression.substring(copied)).toString();
    }
}
