package dev.amelie.planner.ddl;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;

import java.util.Set;

/**
 * The text of a column's DEFAULT expression in CREATE TABLE: from after DEFAULT up to the next
 * column constraint, comma or closing parenthesis outside parentheses. It is kept as text and
 * planned where it is used (INSERT), as PostgreSQL keeps it as an expression tree.
 */
final class DefaultExpression {
    /** Words that start the next column constraint, ending the expression. */
    private static final Set<String> CONSTRAINTS = Set.of("not", "null", "primary", "constraint", "unique", "check",
            "references", "generated", "collate", "default");

    private DefaultExpression() {}

    static String slice(String text, TokenStream in) {
        Token first = in.peek();
        int depth = 0;
        boolean any = false;
        while (!in.atEnd()) {
            Token token = in.peek();
            boolean ends = token.isSymbol(",") || token.isSymbol(")")
                    || token.kind() == Token.Kind.WORD && CONSTRAINTS.contains(token.text());
            if (depth == 0 && ends && (any || !token.isWord("null"))) {
                break;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            in.next();
            any = true;
        }
        if (!any) {
            throw in.syntaxError();
        }
        return text.substring(first.position() - 1, in.peek().position() - 1).strip();
    }
}
