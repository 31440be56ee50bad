package dev.amelie.planner.relational;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code SELECT DISTINCT ON (d, …) list … ORDER BY o, …}: the first row of each group of equal
 * d in the ORDER BY's order (PostgreSQL's "DISTINCT ON", sql-select.html#SQL-DISTINCT), which
 * Calcite's grammar lacks. The text becomes {@code SELECT list, row_number() OVER (PARTITION BY
 * d ORDER BY o) AS "amelie$distinct_on" …}; once converted, a filter keeps the rows numbered 1
 * right above the projection that numbers them (after WHERE, GROUP BY and HAVING, before ORDER
 * BY and LIMIT, where PostgreSQL applies DISTINCT ON), and the column is dropped from the
 * result. DISTINCT ON and ORDER BY items that are output column numbers or names are written
 * as the select-list expressions they name, as PostgreSQL resolves them there.
 * Only the statement's own SELECT may have DISTINCT ON (not a subquery or a UNION branch).
 */
final class DistinctOn {
    static final String MARKER = "amelie$distinct_on";
    private static final Set<String> SELECT_LIST_ENDS = Set.of("from", "where", "group", "having", "window", "order",
            "limit", "offset", "fetch", "for", "union", "intersect", "except");
    private static final Set<String> ORDER_BY_ENDS = Set.of("limit", "offset", "fetch", "for");
    private static final Set<String> NOT_ALIASES = Set.of("null", "true", "false", "end", "unknown", "distinct");

    private DistinctOn() {}

    /** The statement with its DISTINCT ON written as a numbering column; the text itself when it has none. */
    static String rewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("distinct") || !lower.contains("on")) {
            return sql;
        }
        List<Token> tokens = Tokenizer.tokenizeOrNull(sql);
        if (tokens == null) {
            return sql;
        }
        int[] depth = depths(tokens);
        int select = -1;
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (tokens.get(i).isWord("select") && tokens.get(i + 1).isWord("distinct") && tokens.get(i + 2).isWord("on")
                    && tokens.get(i + 3).isSymbol("(")) {
                if (depth[i] > 0 || select >= 0 || hasSetOperation(tokens, depth)) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                            "DISTINCT ON in a subquery or a set operation is not supported yet", null, null,
                            tokens.get(i + 1).position(), null);
                }
                select = i;
            }
        }
        if (select < 0) {
            return sql;
        }
        int close = matching(tokens, select + 3);
        int listEnd = close + 1;
        while (tokens.get(listEnd).kind() != Token.Kind.END && !(depth[listEnd] == 0 && (tokens.get(listEnd).isSymbol(";")
                || tokens.get(listEnd).kind() == Token.Kind.WORD && SELECT_LIST_ENDS.contains(tokens.get(listEnd).text())))) {
            listEnd++;
        }
        List<int[]> items = ranges(tokens, depth, close + 1, listEnd);
        List<String> order = new ArrayList<>();
        List<String> orderExpressions = new ArrayList<>();
        for (int i = listEnd; i + 1 < tokens.size(); i++) {
            if (depth[i] == 0 && tokens.get(i).isWord("order") && tokens.get(i + 1).isWord("by")) {
                int end = i + 2;
                while (tokens.get(end).kind() != Token.Kind.END && !(depth[end] == 0 && (tokens.get(end).isSymbol(";")
                        || tokens.get(end).kind() == Token.Kind.WORD && ORDER_BY_ENDS.contains(tokens.get(end).text())))) {
                    end++;
                }
                for (int[] item : ranges(tokens, depth, i + 2, end)) {
                    int modifiers = modifiersStart(tokens, item);
                    String expression = resolved("ORDER BY", sql, tokens, item[0], modifiers, items);
                    orderExpressions.add(expression);
                    order.add(expression + " " + text(sql, tokens, modifiers, item[1]));
                }
                break;
            }
        }
        List<String> partition = new ArrayList<>();
        for (int[] d : ranges(tokens, depth, select + 4, close)) {
            for (int i = d[0]; i + 1 < d[1]; i++) {
                if (tokens.get(i).isSymbol("$") && tokens.get(i + 1).kind() == Token.Kind.NUMBER) {
                    // A constant made a parameter by the plan cache's normalizer: DISTINCT ON (1) is a
                    // column number, so the statement is planned as written instead.
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "DISTINCT ON a parameter is not supported",
                            null, null, tokens.get(i).position(), null);
                }
            }
            partition.add(resolved("DISTINCT ON", sql, tokens, d[0], d[1], items));
        }
        checkLeadingOrder(partition, orderExpressions, tokens.get(select + 4).position());
        String numbering = ", row_number() over (partition by " + String.join(", ", partition)
                + (order.isEmpty() ? "" : " order by " + String.join(", ", order)) + ") as \"" + MARKER + "\" ";
        int listStart = tokens.get(close + 1).position() - 1;
        int after = tokens.get(listEnd).position() - 1;
        return sql.substring(0, tokens.get(select + 1).position() - 1) + sql.substring(listStart, after).stripTrailing()
                + numbering + sql.substring(Math.min(after, sql.length()));
    }

    /**
     * After conversion: rows numbered other than 1 are dropped right above the projection that
     * numbers them, and the numbering column leaves the result. {@code rel} unchanged without one.
     */
    static RelNode firstRows(RelNode rel) {
        int column = rel.getRowType().getFieldNames().indexOf(MARKER);
        if (column < 0) {
            return rel;
        }
        RelNode filtered = rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (!(visited instanceof Project project)) {
                    return visited;
                }
                int at = project.getRowType().getFieldNames().indexOf(MARKER);
                if (at < 0 || !(project.getProjects().get(at) instanceof RexOver)) {
                    return visited;
                }
                RexBuilder rex = project.getCluster().getRexBuilder();
                RexNode first = rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeInputRef(project, at),
                        rex.makeExactLiteral(BigDecimal.ONE, project.getRowType().getFieldList().get(at).getType()));
                return LogicalFilter.create(project, first);
            }
        });
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
            if (i != column) {
                kept.add(i);
            }
        }
        return RelOptUtil.createProject(filtered, kept);
    }

    /** The names of the result without the numbering column's. */
    static <T> List<T> withoutMarker(List<T> perColumn, List<String> names) {
        int at = names.indexOf(MARKER);
        if (at < 0 || at >= perColumn.size()) {
            return perColumn;
        }
        List<T> kept = new ArrayList<>(perColumn);
        kept.remove(at);
        return kept;
    }

    /**
     * PostgreSQL: "SELECT DISTINCT ON expressions must match initial ORDER BY expressions"
     * (transformDistinctOnClause): every DISTINCT ON expression comes in the ORDER BY before any
     * other expression. Compared as written, without blanks and case.
     */
    private static void checkLeadingOrder(List<String> distinct, List<String> order, int position) {
        if (order.isEmpty()) {
            return;
        }
        Set<String> all = new HashSet<>();
        distinct.forEach(d -> all.add(canonical(d)));
        Set<String> remaining = new HashSet<>(all);
        for (String o : order) {
            if (!all.contains(canonical(o))) {
                if (!remaining.isEmpty()) {
                    throw new SqlException(SqlState.INVALID_COLUMN_REFERENCE,
                            "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", null, null, position, null);
                }
                return;
            }
            remaining.remove(canonical(o));
        }
    }

    private static String canonical(String expression) {
        String text = expression.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** An item's expression text, or the select-list expression it names by number or output name. */
    private static String resolved(String clause, String sql, List<Token> tokens, int from, int to, List<int[]> items) {
        if (to - from == 1) {
            Token only = tokens.get(from);
            if (only.kind() == Token.Kind.NUMBER) {
                int n = Integer.parseInt(only.text());
                if (n < 1 || n > items.size()) {
                    throw new SqlException(SqlState.INVALID_COLUMN_REFERENCE, clause + " position " + n
                            + " is not in select list", null, null, only.position(), null);
                }
                return "(" + expression(sql, tokens, items.get(n - 1)) + ")";
            }
            if (only.isIdentifier()) {
                for (int[] item : items) {
                    String alias = alias(tokens, item);
                    if (only.text().equals(alias)) {
                        return "(" + expression(sql, tokens, item) + ")";
                    }
                }
            }
        }
        return text(sql, tokens, from, to);
    }

    /** A select item's alias: after AS, or a bare name after the expression; null when it has none. */
    private static String alias(List<Token> tokens, int[] item) {
        int last = item[1] - 1;
        if (last - item[0] >= 1 && tokens.get(last).isIdentifier()) {
            Token before = tokens.get(last - 1);
            if (before.isWord("as")) {
                return tokens.get(last).text();
            }
            boolean expressionEnds = before.isIdentifier() || before.isSymbol(")") || before.isSymbol("]")
                    || before.kind() == Token.Kind.STRING || before.kind() == Token.Kind.NUMBER;
            if (expressionEnds && !NOT_ALIASES.contains(tokens.get(last).text()) && !before.isWord("is") && !before.isWord("not")) {
                return tokens.get(last).text();
            }
        }
        return null;
    }

    private static String expression(String sql, List<Token> tokens, int[] item) {
        if (alias(tokens, item) == null) {
            return text(sql, tokens, item[0], item[1]);
        }
        int end = item[1] - 1;
        if (tokens.get(end - 1).isWord("as")) {
            end--;
        }
        return text(sql, tokens, item[0], end);
    }

    /** Where an ORDER BY item's ASC/DESC/NULLS/USING begin (its end when it has none). */
    private static int modifiersStart(List<Token> tokens, int[] item) {
        for (int i = item[0] + 1; i < item[1]; i++) {
            Token token = tokens.get(i);
            if (token.isWord("asc") || token.isWord("desc") || token.isWord("using")
                    || token.isWord("nulls") && i + 1 < item[1] && (tokens.get(i + 1).isWord("first") || tokens.get(i + 1).isWord("last"))) {
                return i;
            }
        }
        return item[1];
    }

    private static boolean hasSetOperation(List<Token> tokens, int[] depth) {
        for (int i = 0; i < tokens.size(); i++) {
            if (depth[i] == 0 && (tokens.get(i).isWord("union") || tokens.get(i).isWord("intersect") || tokens.get(i).isWord("except"))) {
                return true;
            }
        }
        return false;
    }

    private static int[] depths(List<Token> tokens) {
        int[] depth = new int[tokens.size()];
        int d = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(")")) {
                d--;
            }
            depth[i] = d;
            if (tokens.get(i).isSymbol("(")) {
                d++;
            }
        }
        return depth;
    }

    private static int matching(List<Token> tokens, int open) {
        int d = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                d++;
            } else if (tokens.get(i).isSymbol(")") && --d == 0) {
                return i;
            }
        }
        throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at end of input", null, null, tokens.getLast().position(), null);
    }

    /** Token ranges [from, to) of the comma-separated items between {@code from} and {@code to} at their own depth. */
    private static List<int[]> ranges(List<Token> tokens, int[] depth, int from, int to) {
        List<int[]> ranges = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isSymbol(",") && depth[i] == depth[from]) {
                ranges.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            ranges.add(new int[] {start, to});
        }
        return ranges;
    }

    private static String text(String sql, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return "";
        }
        int start = tokens.get(from).position() - 1;
        int end = Math.min(tokens.get(to).position() - 1, sql.length());
        return sql.substring(start, end).strip();
    }
}
