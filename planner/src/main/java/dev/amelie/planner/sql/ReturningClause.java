package dev.amelie.planner.sql;

import java.util.Locale;

/**
 * Splits {@code INSERT … RETURNING list} into the statement and its RETURNING list: Calcite's
 * grammar has no RETURNING, so the planner plans the statement and the list apart (the list as
 * a projection of the rows the statement stored).
 */
public final class ReturningClause {
    /** The statement without its RETURNING clause; {@code returning} is null when it had none. */
    public record Split(String statement, String returning) {}

    private ReturningClause() {}

    public static Split split(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlLexer.skipQuotedOrComment(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && lower.startsWith("returning", i)
                    && (i == 0 || !SqlLexer.isIdentifierPart(sql.charAt(i - 1)))
                    && (i + 9 == sql.length() || !SqlLexer.isIdentifierPart(sql.charAt(i + 9)))) {
                String list = sql.substring(i + 9).strip();
                if (list.endsWith(";")) {
                    list = list.substring(0, list.length() - 1).strip();
                }
                return new Split(sql.substring(0, i), list);
            }
            i++;
        }
        return new Split(sql, null);
    }
}
