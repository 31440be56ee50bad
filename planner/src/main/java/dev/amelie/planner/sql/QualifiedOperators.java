package dev.amelie.planner.sql;

import java.util.Locale;

/**
 * Rewrites PostgreSQL's explicit operator syntax {@code a OPERATOR(pg_catalog.~) b} (psql writes
 * its name patterns so) to the bare operator {@code a ~ b} before the other rewrites read it. Only
 * pg_catalog's operators exist, so the schema, when named, must be pg_catalog.
 */
final class QualifiedOperators {
    private QualifiedOperators() {}

    /** The text with every OPERATOR(…) replaced, or null when there is none. */
    static InfixCasts.Rewritten rewrite(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("operator")) {
            return null;
        }
        StringBuilder text = new StringBuilder(sql.length());
        int[] offsets = new int[sql.length() + 1];
        int written = 0;
        boolean changed = false;
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlLexer.skipQuotedOrComment(sql, i);
            if (skipped != i) {
                for (int k = i; k < skipped; k++) {
                    text.append(sql.charAt(k));
                    offsets[written++] = k;
                }
                i = skipped;
                continue;
            }
            int end = operatorEnd(sql, i);
            if (end > 0) {
                String operator = operatorOf(sql, i);
                String replacement = " " + operator + " ";
                for (int k = 0; k < replacement.length(); k++) {
                    text.append(replacement.charAt(k));
                    offsets[written++] = i;
                }
                i = end;
                changed = true;
                continue;
            }
            text.append(sql.charAt(i));
            offsets[written++] = i;
            i++;
        }
        return changed ? new InfixCasts.Rewritten(text.toString(), java.util.Arrays.copyOf(offsets, written)) : null;
    }

    /** Where {@code OPERATOR ( [pg_catalog .] op )} starting at i ends, or -1. */
    private static int operatorEnd(String sql, int i) {
        if (!sql.regionMatches(true, i, "operator", 0, 8) || i > 0 && isWordChar(sql.charAt(i - 1))) {
            return -1;
        }
        int at = skipSpaces(sql, i + 8);
        if (at >= sql.length() || sql.charAt(at) != '(') {
            return -1;
        }
        int close = sql.indexOf(')', at);
        if (close < 0) {
            return -1;
        }
        String inside = sql.substring(at + 1, close).strip();
        int dot = inside.lastIndexOf('.');
        if (dot >= 0 && !inside.substring(0, dot).strip().toLowerCase(Locale.ROOT).equals("pg_catalog")) {
            return -1;
        }
        String operator = inside.substring(dot + 1).strip();
        return operator.isEmpty() || !operator.chars().allMatch(c -> "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0) ? -1 : close + 1;
    }

    private static String operatorOf(String sql, int i) {
        int open = sql.indexOf('(', i);
        String inside = sql.substring(open + 1, sql.indexOf(')', open)).strip();
        return inside.substring(inside.lastIndexOf('.') + 1).strip();
    }

    private static int skipSpaces(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
