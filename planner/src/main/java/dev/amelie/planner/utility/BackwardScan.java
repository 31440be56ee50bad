package dev.amelie.planner.utility;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;

import java.util.List;
import java.util.Set;

/**
 * Whether a cursor declared without SCROLL or NO SCROLL may move backward. PostgreSQL decides
 * by its plan (portalcmds.c PerformCursorOpen: SCROLL when ExecSupportsBackwardScan holds for the
 * plan and it locks no rows): scans, sorts, LIMIT, VALUES and set-returning functions can go
 * backward; aggregation, grouping, DISTINCT, window functions, joins, UNION / INTERSECT /
 * EXCEPT, a SELECT without FROM (a Result node of its own) and FOR UPDATE cannot.
 *
 * <p>Our cursors hold their rows and could always go backward, so the answer matters only to
 * refuse what PostgreSQL refuses. We have no PostgreSQL plan to ask, so this reads the query's
 * words: anything that would give PostgreSQL one of the nodes above makes the cursor NO SCROLL.
 * A query it misjudges is refused too little or too much a backward FETCH; writing SCROLL or
 * NO SCROLL, as PostgreSQL's documentation advises, always decides.
 */
public final class BackwardScan {
    private BackwardScan() {}

    private static final Set<String> BLOCKING_WORDS = Set.of("join", "group", "distinct", "having", "over", "window",
            "union", "intersect", "except", "lateral");

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg",
            "string_agg", "bool_and", "bool_or", "every", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "bit_and", "bit_or", "bit_xor", "stddev", "stddev_pop", "stddev_samp", "variance",
            "var_pop", "var_samp", "xmlagg", "percentile_cont", "percentile_disc", "mode");

    /** Clauses that end a FROM list at its own level. */
    private static final Set<String> AFTER_FROM = Set.of("where", "group", "having", "window", "order", "limit",
            "offset", "fetch", "for", "union", "intersect", "except");

    public static boolean supports(String query) {
        List<Token> tokens = Tokenizer.tokenize(query);
        int depth = 0;
        boolean inFrom = false;
        boolean selectWithoutFrom = false;
        int selectDepth = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
                continue;
            }
            if (token.isSymbol(")")) {
                depth--;
                continue;
            }
            if (token.kind() != Token.Kind.WORD) {
                if (token.isSymbol(",") && inFrom && depth == 0) {
                    return false;  // FROM a, b: a join
                }
                continue;
            }
            String word = token.text();
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (BLOCKING_WORDS.contains(word) || call && AGGREGATES.contains(word)) {
                return false;
            }
            if (word.equals("for") && i + 1 < tokens.size() && (tokens.get(i + 1).isWord("update")
                    || tokens.get(i + 1).isWord("share") || tokens.get(i + 1).isWord("no") || tokens.get(i + 1).isWord("key"))) {
                return false;
            }
            if (depth == 0) {
                if (word.equals("select") && selectDepth < 0) {
                    selectDepth = 0;
                    selectWithoutFrom = true;
                } else if (word.equals("from")) {
                    selectWithoutFrom = false;
                    inFrom = true;
                } else if (AFTER_FROM.contains(word)) {
                    inFrom = false;
                }
            }
        }
        return !selectWithoutFrom;
    }
}
