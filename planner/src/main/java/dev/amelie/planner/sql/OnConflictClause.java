package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code INSERT … ON CONFLICT …} into the INSERT and its conflict clause: Calcite's
 * grammar has no ON CONFLICT, so the planner plans the INSERT as written and the clause apart.
 * The clause is PostgreSQL's:
 * <pre>
 * ON CONFLICT [ ( column [, …] ) | ON CONSTRAINT name ]
 *   DO NOTHING
 * | DO UPDATE SET column = expression [, …] [ WHERE condition ]
 * </pre>
 * Expressions are kept as text (positions into the statement kept for errors).
 */
public final class OnConflictClause {

    /** The INSERT without its ON CONFLICT clause; {@code conflict} is null when it had none. */
    public record Split(String statement, Conflict conflict) {}

    /**
     * @param targetColumns the inference columns, empty when none were given
     * @param targetPositions where each of them is in the statement (1-based, as error positions)
     * @param constraint the ON CONSTRAINT name, or null
     * @param assignments DO UPDATE's SET list; empty for DO NOTHING
     * @param where DO UPDATE's WHERE condition, or null
     */
    public record Conflict(List<String> targetColumns, List<Integer> targetPositions, String constraint, boolean doUpdate,
                           List<Assignment> assignments, Expression where) {}

    /** {@code column = value}; {@code columnPosition} is 1-based, as error positions. */
    public record Assignment(String column, int columnPosition, Expression value) {}

    /** An expression's text and where it starts in the statement (0-based). */
    public record Expression(String text, int position) {}

    private OnConflictClause() {
    }

    public static Split split(String sql) {
        List<Token> tokens = Tokenizer.tokenize(sql);
        int depth = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("on") && tokens.get(i + 1).isWord("conflict")) {
                int start = token.position() - 1;
                return new Split(sql.substring(0, start), parse(sql, tokens, i + 2, token.position()));
            }
        }
        return new Split(sql, null);
    }

    private static Conflict parse(String sql, List<Token> tokens, int at, int clausePosition) {
        Cursor in = new Cursor(tokens, at);
        List<String> target = new ArrayList<>();
        List<Integer> targetPositions = new ArrayList<>();
        String constraint = null;
        if (in.accept("(")) {
            int listPosition = in.previous().position(); // PostgreSQL points at the list for an unknown column
            do {
                targetPositions.add(listPosition);
                target.add(in.identifier());
            } while (in.accept(","));
            in.expect(")");
            if (in.peek().isWord("where")) {
                throw unsupported("ON CONFLICT with a partial index predicate", in.peek());
            }
        } else if (in.peek().isWord("on")) {
            in.next();
            in.expectWord("constraint");
            constraint = in.identifier();
        }
        in.expectWord("do");
        if (in.peek().isWord("nothing")) {
            in.next();
            in.expectEnd();
            return new Conflict(target, targetPositions, constraint, false, List.of(), null);
        }
        in.expectWord("update");
        if (target.isEmpty() && constraint == null) {
            throw new SqlException(SqlState.SYNTAX_ERROR,
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name", null,
                    "For example, ON CONFLICT (column_name).", clausePosition, null);
        }
        in.expectWord("set");
        List<Assignment> assignments = new ArrayList<>();
        Expression where = null;
        while (true) {
            if (in.peek().isSymbol("(")) {
                throw unsupported("a multiple-column assignment in ON CONFLICT DO UPDATE", in.peek());
            }
            int columnPosition = in.peek().position();
            String column = in.identifier();
            if (in.peek().isSymbol(".")) {
                throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \".\"", null, null,
                        in.peek().position(), null);
            }
            Token equals = in.expect("=");
            Expression value = expressionUntilCommaOrWhere(sql, in, equals);
            assignments.add(new Assignment(column, columnPosition, value));
            if (in.accept(",")) {
                continue;
            }
            if (in.peek().isWord("where")) {
                Token keyword = in.next();
                where = expressionUntilCommaOrWhere(sql, in, keyword);
                if (!in.atEnd()) {
                    throw in.syntaxError();
                }
            }
            break;
        }
        in.expectEnd();
        return new Conflict(target, targetPositions, constraint, true, assignments, where);
    }

    /** The text after {@code before} up to a top-level comma, WHERE or the end. */
    private static Expression expressionUntilCommaOrWhere(String sql, Cursor in, Token before) {
        int start = before.position() - 1 + before.text().length();
        int depth = 0;
        while (!in.atEnd()) {
            Token token = in.peek();
            if (depth == 0 && (token.isSymbol(",") || token.isWord("where") || token.isSymbol(";"))) {
                break;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            in.next();
        }
        int end = Math.min(in.peek().position() - 1, sql.length());
        while (start < end && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        String text = sql.substring(start, end).strip();
        if (text.isEmpty()) {
            throw in.syntaxError();
        }
        return new Expression(text, start);
    }

    private static SqlException unsupported(String what, Token at) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet", null, null,
                at.position(), null);
    }

    /** The few token helpers this clause needs, over tokens of the whole statement. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int index;

        Cursor(List<Token> tokens, int index) {
            this.tokens = tokens;
            this.index = index;
        }

        Token peek() {
            return tokens.get(index);
        }

        Token previous() {
            return tokens.get(index - 1);
        }

        Token next() {
            Token token = tokens.get(index);
            if (token.kind() != Token.Kind.END) {
                index++;
            }
            return token;
        }

        boolean atEnd() {
            Token token = peek();
            return token.kind() == Token.Kind.END
                    || token.isSymbol(";") && tokens.get(index + 1).kind() == Token.Kind.END;
        }

        boolean accept(String symbol) {
            if (peek().isSymbol(symbol)) {
                index++;
                return true;
            }
            return false;
        }

        Token expect(String symbol) {
            if (!peek().isSymbol(symbol)) {
                throw syntaxError();
            }
            return next();
        }

        void expectWord(String word) {
            if (!peek().isWord(word)) {
                throw syntaxError();
            }
            next();
        }

        void expectEnd() {
            if (!atEnd()) {
                throw syntaxError();
            }
        }

        String identifier() {
            Token token = peek();
            if (token.kind() != Token.Kind.WORD && token.kind() != Token.Kind.QUOTED_IDENTIFIER) {
                throw syntaxError();
            }
            next();
            return token.text();
        }

        SqlException syntaxError() {
            Token token = peek();
            String near = token.kind() == Token.Kind.END ? "end of input" : "\"" + token.text() + "\"";
            return new SqlException(SqlState.SYNTAX_ERROR, "syntax error at " + (token.kind() == Token.Kind.END ? "" : "or near ")
                    + near, null, null, token.position(), null);
        }
    }
}
