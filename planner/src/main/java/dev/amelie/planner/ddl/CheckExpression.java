package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;

/**
 * CHECK (expression) of a column, a table or ALTER TABLE … ADD: the text between the
 * parentheses, kept as text and planned where writes need it, as DEFAULT expressions are.
 */
final class CheckExpression {
    private CheckExpression() {}

    /** After the word CHECK: {@code (expression) [NO INHERIT] [NOT VALID]}. */
    static PlannedStatement.NewCheck parse(String text, TokenStream in, String name) {
        in.expectSymbol("(");
        Token first = in.peek();
        int depth = 1;
        while (!in.atEnd()) {
            Token token = in.peek();
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0) {
                break;
            }
            in.next();
        }
        if (first == in.peek()) {
            throw in.syntaxError();
        }
        String expression = text.substring(first.position() - 1, in.peek().position() - 1).strip();
        in.expectSymbol(")");
        in.acceptWords("no", "inherit");
        in.acceptWords("not", "valid");
        return new PlannedStatement.NewCheck(name, expression);
    }
}
