package dev.amelie.planner.relational;

import dev.amelie.planner.sql.SqlLexer;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SELECT's locking clauses, {@code FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF name, …]
 * [NOWAIT | SKIP LOCKED]} (sql-select.html#SQL-FOR-UPDATE-SHARE), which ORMs send for pessimistic
 * locks and Calcite's grammar lacks. They are accepted and have nothing to do: every transaction
 * here is strict serializable, and an interactive one that read rows another transaction changed
 * before it committed aborts with 40001 at COMMIT, which is what the row lock was for. Nothing
 * ever waits for a lock, so NOWAIT and SKIP LOCKED change nothing either.
 *
 * <p>The clauses are blanked out of the text (spaces, so positions stay where they were); the
 * statement's own clause is then checked as PostgreSQL's CheckSelectLocking (parser/analyze.c)
 * does: no set operation, DISTINCT, GROUP BY, HAVING, aggregate or window function, and every
 * OF name a FROM item of that SELECT.
 */
final class LockingClause {
    /** The text without locking clauses; the statement's own clause ("FOR UPDATE", …) or null, and its OF names. */
    record Stripped(String text, String strength, List<Token> ofNames) {}

    private LockingClause() {}

    static Stripped strip(String sql) {
        if (!sql.toLowerCase(java.util.Locale.ROOT).contains("for")) {
            return new Stripped(sql, null, List.of());
        }
        List<Token> tokens = Tokenizer.tokenizeOrNull(sql);
        if (tokens == null || tokens.isEmpty()) {
            return new Stripped(sql, null, List.of());
        }
        // Only a query's clause: "update t set … for update" stays the syntax error it is.
        boolean query = tokens.get(0).isWord("select") || tokens.get(0).isWord("with") || tokens.get(0).isSymbol("(");
        StringBuilder text = new StringBuilder(sql);
        String strength = null;
        List<Token> ofNames = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            if (!token.isWord("for") || depth == 0 && !query) {
                continue;
            }
            int after = strengthEnd(tokens, i + 1);
            if (after < 0) {
                continue;
            }
            String clause = "FOR " + words(tokens, i + 1, after).toUpperCase(java.util.Locale.ROOT);
            List<Token> names = new ArrayList<>();
            int end = after;
            if (tokens.get(end).isWord("of")) {
                end++;
                while (tokens.get(end).isIdentifier()) {
                    names.add(tokens.get(end));
                    end++;
                    if (!tokens.get(end).isSymbol(",")) {
                        break;
                    }
                    end++;
                }
            }
            if (tokens.get(end).isWord("nowait")) {
                end++;
            } else if (tokens.get(end).isWord("skip") && tokens.get(end + 1).isWord("locked")) {
                end += 2;
            }
            Token last = tokens.get(end - 1);
            int from = token.position() - 1;
            int to = last.kind() == Token.Kind.QUOTED_IDENTIFIER ? SqlLexer.skipQuotedOrComment(sql, last.position() - 1)
                    : last.position() - 1 + last.text().length();
            for (int c = from; c < to; c++) {
                if (!Character.isWhitespace(text.charAt(c))) {
                    text.setCharAt(c, ' ');
                }
            }
            if (depth == 0) {
                strength = strength == null ? clause : strength;
                ofNames.addAll(names);
            }
            i = end - 1;
        }
        return new Stripped(text.toString(), strength, ofNames);
    }

    /** The index after UPDATE, NO KEY UPDATE, SHARE or KEY SHARE starting at {@code at}; -1 if none is there. */
    private static int strengthEnd(List<Token> tokens, int at) {
        if (tokens.get(at).isWord("update") || tokens.get(at).isWord("share")) {
            return at + 1;
        }
        if (tokens.get(at).isWord("no") && tokens.get(at + 1).isWord("key") && tokens.get(at + 2).isWord("update")) {
            return at + 3;
        }
        if (tokens.get(at).isWord("key") && tokens.get(at + 1).isWord("share")) {
            return at + 2;
        }
        return -1;
    }

    private static String words(List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(i > from ? " " : "").append(tokens.get(i).text());
        }
        return out.toString();
    }

    /** PostgreSQL's checks of the statement's own locking clause, on the validated statement. */
    static void check(Stripped locking, SqlNode validated, SqlValidator validator) {
        if (locking.strength() == null) {
            return;
        }
        SqlNode query = validated instanceof SqlOrderBy orderBy ? orderBy.query : validated;
        if (query.getKind().belongsTo(SqlKind.SET_QUERY)) {
            throw notAllowed(locking, "UNION/INTERSECT/EXCEPT");
        }
        if (!(query instanceof SqlSelect select)) {
            return;
        }
        if (select.isDistinct()) {
            throw notAllowed(locking, "DISTINCT clause");
        }
        if (select.getGroup() != null && !select.getGroup().isEmpty()) {
            throw notAllowed(locking, "GROUP BY clause");
        }
        if (select.getHaving() != null) {
            throw notAllowed(locking, "HAVING clause");
        }
        if (validator.isAggregate(select)) {
            throw notAllowed(locking, "aggregate functions");
        }
        if (containsWindowFunction(select.getSelectList())) {
            throw notAllowed(locking, "window functions");
        }
        Set<String> fromNames = new HashSet<>();
        collectFromNames(select.getFrom(), fromNames);
        for (Token name : locking.ofNames()) {
            if (!fromNames.contains(name.text())) {
                throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name.text() + "\" in "
                        + locking.strength() + " clause not found in FROM clause", null, null, name.position(), null);
            }
        }
    }

    private static SqlException notAllowed(Stripped locking, String what) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, locking.strength() + " is not allowed with " + what);
    }

    /** The names a FROM item is known by: its alias, else the table's own (unqualified) name. */
    private static void collectFromNames(SqlNode from, Set<String> names) {
        if (from == null) {
            return;
        }
        if (from instanceof SqlJoin join) {
            collectFromNames(join.getLeft(), names);
            collectFromNames(join.getRight(), names);
        } else if (from.getKind() == SqlKind.AS && from instanceof SqlBasicCall as) {
            names.add(((SqlIdentifier) as.operand(1)).getSimple());
        } else if (from instanceof SqlIdentifier table) {
            names.add(table.names.get(table.names.size() - 1));
        }
    }

    private static boolean containsWindowFunction(SqlNodeList list) {
        boolean[] found = {false};
        list.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER) {
                    found[0] = true;
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }
}
