package dev.amelie.planner.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits a simple-Query text into statements at top-level semicolons. */
public final class StatementSplitter {
    private StatementSplitter() {}

    /** Statements in order, trimmed; blank ones (";;", comments only) are dropped. */
    public static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int skipped = SqlLexer.skipQuotedOrComment(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (text.charAt(i) == ';') {
                add(statements, text.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        add(statements, text.substring(start));
        return statements;
    }

    private static void add(List<String> statements, String statement) {
        if (!isBlank(statement)) {
            statements.add(statement.strip());
        }
    }

    /** True when the text holds only whitespace and comments. */
    public static boolean isBlank(String text) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int skipped = SqlLexer.skipQuotedOrComment(text, i);
            if (skipped == i || text.charAt(i) == '\'' || text.charAt(i) == '"' || text.charAt(i) == '$') {
                return false;
            }
            i = skipped;
        }
        return true;
    }
}
