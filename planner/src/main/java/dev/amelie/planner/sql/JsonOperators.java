package dev.amelie.planner.sql;

import java.util.Map;

/**
 * PostgreSQL's json operators (and the array operators sharing @>, <@, plus &&), and the POSIX
 * regular-expression matches ~, ~*, !~ and !~*, exponentiation ^ and AT TIME ZONE, which Calcite's parser does not know: {@link InfixCasts} turns
 * {@code a -> b} into {@code json_op_field(a, b)} and so on (FunctionCatalog has their
 * signatures). Both operands are primary expressions (a literal, a name, a parameter, a call,
 * a parenthesized expression, each with any {@code ::type}), and the operators chain from the
 * left, which is how PostgreSQL's grammar reads {@code data -> 'a' ->> 'b' = 'x'}.
 */
public final class JsonOperators {
    /** Longest first, so that ->> is not read as -> followed by >. */
    private static final String[] OPERATORS = {"->>", "#>>", "->", "#>", "@>", "<@", "&&", "!~*", "!~", "~*", "~", "^"};
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("->", "json_op_field"),
            Map.entry("->>", "json_op_field_text"), Map.entry("#>", "json_op_path"), Map.entry("#>>", "json_op_path_text"),
            Map.entry("@>", "json_op_contains"), Map.entry("<@", "json_op_contained"), Map.entry("&&", "array_op_overlap"),
            Map.entry("~", "regex_op_match"), Map.entry("~*", "regex_op_imatch"), Map.entry("!~", "regex_op_not_match"),
            Map.entry("!~*", "regex_op_not_imatch"), Map.entry("^", "power_op"));

    /** What {@code x AT TIME ZONE z} becomes: at_time_zone_op(x, z) (FunctionCatalog). */
    public static final String AT_TIME_ZONE = "at_time_zone_op";

    private JsonOperators() {}

    /**
     * The end of the words AT TIME ZONE starting at {@code i}, or -1. AT binds tighter than any
     * binary operator but ^'s neighbours, and chains from the left, as the symbol operators here.
     */
    static int atTimeZoneEnd(String sql, int i) {
        if (!sql.regionMatches(true, i, "at", 0, 2) || i > 0 && SqlLexer.isIdentifierPart(sql.charAt(i - 1))) {
            return -1;
        }
        int at = i + 2;
        for (String word : new String[] {"time", "zone"}) {
            int start = at;
            while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
                at++;
            }
            if (at == start || !sql.regionMatches(true, at, word, 0, word.length())) {
                return -1;
            }
            at += word.length();
        }
        return at < sql.length() && SqlLexer.isIdentifierPart(sql.charAt(at)) ? -1 : at;
    }

    static boolean mayContain(String sql) {
        return sql.contains("->") || sql.contains("#>") || sql.contains("@>") || sql.contains("<@") || sql.contains("&&")
                || sql.contains("~") || sql.contains("^") || sql.toLowerCase(java.util.Locale.ROOT).contains("zone");
    }

    /** The operator at {@code i}, or null. */
    static String at(String sql, int i) {
        for (String operator : OPERATORS) {
            if (sql.startsWith(operator, i)) {
                return operator;
            }
        }
        return null;
    }

    static String function(String operator) {
        return FUNCTIONS.get(operator);
    }

    /**
     * The operator a function name stands for (->, ~, |, …), or null: a call of it that matches
     * no signature is PostgreSQL's "operator does not exist".
     */
    public static String operatorOf(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, String> entry : FUNCTIONS.entrySet()) {
            if (entry.getValue().equals(lower)) {
                return entry.getKey();
            }
        }
        return GenericOperators.operatorOf(lower);
    }

    /** Whether the operator takes one operand, on its right (~ as bitwise not, |/, ||/, @). */
    public static boolean isPrefix(String operator, int operands) {
        return operands == 1 && GenericOperators.isPrefix(operator);
    }

    /** Whether a function name is one an operator became (its column is named ?column?). */
    public static boolean isOperatorFunction(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return FUNCTIONS.containsValue(lower) || lower.equals("array_op_any") || lower.equals("array_op_all")
                || GenericOperators.isOperatorFunction(lower);
    }

    /** The end of the primary expression starting at {@code at} (after spaces), or -1 if there is none. */
    static int operandEnd(String sql, int at) {
        int i = at;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length()) {
            return -1;
        }
        char c = sql.charAt(i);
        int end;
        if (c == '\'' || c == '"' || (c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
            end = SqlLexer.skipQuotedOrComment(sql, c == '\'' || c == '"' ? i : i + 1);
        } else if (c == '(') {
            end = closing(sql, i);
        } else {
            int start = i;
            if (c == '-' || c == '+') {
                i++;
            }
            while (i < sql.length() && (SqlLexer.isIdentifierPart(sql.charAt(i)) || sql.charAt(i) == '$'
                    || sql.charAt(i) == '.')) {
                i++;
            }
            if (i == start || i == start + 1 && (c == '-' || c == '+')) {
                return -1;
            }
            int j = i;
            while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
                j++;
            }
            end = j < sql.length() && sql.charAt(j) == '(' ? closing(sql, j) : i;
            // ARRAY[…] and subscripts: a[1]
            while (end > 0 && end < sql.length() && sql.charAt(end) == '[') {
                int close = sql.indexOf(']', end);
                if (close < 0) {
                    return -1;
                }
                end = close + 1;
            }
        }
        if (end < 0) {
            return -1;
        }
        // Casts and COLLATE bind tighter than these operators: data -> 'k'::text takes the cast along.
        while (true) {
            int j = end;
            while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
                j++;
            }
            int collateEnd = Collations.clauseEnd(sql, j);
            if (collateEnd >= 0) {
                end = collateEnd;
                continue;
            }
            if (!sql.startsWith("::", j)) {
                return end;
            }
            int typeEnd = InfixCasts.typeEndAfter(sql, j + 2);
            if (typeEnd < 0) {
                return end;
            }
            end = typeEnd;
        }
    }

    private static int closing(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            int skipped = SqlLexer.skipQuotedOrComment(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }
}
