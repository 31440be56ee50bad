package dev.amelie.planner.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the constants of a statement into parameters, so that statements differing only in
 * their constants share one cached plan (pgbench's and psql's simple-protocol statements,
 * ARCHITECTURE.md "Speed rules"). Each constant becomes an untyped parameter that the
 * statement's context types; the constant's text must then convert to that type exactly as
 * written, else the caller plans the original text, so a constant never means something else
 * than it would have unnormalized (e.g. {@code a * 2.5} with an integer {@code a}).
 *
 * <p>Left alone: numbers in ORDER BY and GROUP BY (they may be column positions) and in LIMIT /
 * OFFSET, strings after a type name ({@code date '…'}), E'' strings, and statements that
 * already have parameters. The caller plans the original text when the normalized one does
 * not plan or a constant does not convert.
 */
public final class LiteralNormalizer {
    private static final Set<String> CLAUSES_WITHOUT_LITERALS = Set.of("order", "group", "limit", "offset", "fetch");
    private static final Set<String> CLAUSE_ENDS = Set.of("where", "having", "union", "except", "intersect", "from",
            "select", "set", "values", "returning", "window");
    private static final Set<String> TYPE_WORDS = Set.of("date", "time", "timestamp", "timestamptz", "interval",
            "uuid", "json", "jsonb", "bytea", "numeric", "decimal", "int", "integer", "bigint", "smallint", "text",
            "varchar", "char", "boolean", "bool", "real", "float", "double", "precision", "int2", "int4", "int8",
            "float4", "float8", "zone");

    /** A constant taken out: its text, and whether it was a number (else a quoted string). */
    public record Constant(String text, boolean number) {}

    /** The normalized text and its constants in parameter order ($1 is the first). */
    public record Normalized(String text, List<Constant> constants) {
        /**
         * The constants' types as PostgreSQL gives literals: a whole number is integer (bigint,
         * then numeric, when larger), one with a point or an exponent numeric, a quoted string
         * unknown (typed by its use). Declared so, {@code real_column * 2} is double precision as
         * in PostgreSQL, where a parameter would take the column's type.
         */
        public dev.amelie.vm.type.SqlType[] types() {
            dev.amelie.vm.type.SqlType[] types = new dev.amelie.vm.type.SqlType[constants.size()];
            for (int i = 0; i < types.length; i++) {
                Constant constant = constants.get(i);
                types[i] = !constant.number() ? dev.amelie.vm.type.SqlType.UNKNOWN : numberType(constant.text());
            }
            return types;
        }

        private static dev.amelie.vm.type.SqlType numberType(String text) {
            for (int k = 0; k < text.length(); k++) {
                if (!Character.isDigit(text.charAt(k))) {
                    return dev.amelie.vm.type.SqlType.NUMERIC;
                }
            }
            if (text.length() <= 9) {
                return dev.amelie.vm.type.SqlType.INTEGER;
            }
            try {
                long value = Long.parseLong(text);
                // 2147483648 too: after a minus sign (kept apart here) PostgreSQL reads an integer.
                return value <= 2147483648L ? dev.amelie.vm.type.SqlType.INTEGER : dev.amelie.vm.type.SqlType.BIGINT;
            } catch (NumberFormatException tooLarge) {
                // 9223372036854775808 likewise a bigint after a minus; alone it does not convert, and the text is planned as written.
                return text.equals("9223372036854775808") ? dev.amelie.vm.type.SqlType.BIGINT : dev.amelie.vm.type.SqlType.NUMERIC;
            }
        }
    }

    private LiteralNormalizer() {}

    /** Null when there is nothing to normalize (or the statement has parameters already). */
    public static Normalized normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Constant> constants = new ArrayList<>();
        String previousWord = "";
        boolean literalsAllowed = true;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                return null; // already parameterized: keep the numbering the client chose
            }
            if (c == '\'' && literalsAllowed && !TYPE_WORDS.contains(previousWord) && !isEscapeString(sql, i)) {
                int end = SqlLexer.skipQuotedOrComment(sql, i);
                constants.add(new Constant(sql.substring(i + 1, end - 1).replace("''", "'"), false));
                out.append('$').append(constants.size());
                i = end;
                previousWord = "";
                continue;
            }
            int skipped = SqlLexer.skipQuotedOrComment(sql, i);
            if (skipped != i) {
                out.append(sql, i, skipped);
                i = skipped;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && SqlLexer.isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                previousWord = sql.substring(i, end).toLowerCase(Locale.ROOT);
                if (CLAUSES_WITHOUT_LITERALS.contains(previousWord)) {
                    literalsAllowed = false;
                } else if (CLAUSE_ENDS.contains(previousWord)) {
                    literalsAllowed = true;
                }
                out.append(sql, i, end);
                i = end;
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                int end = numberEnd(sql, i);
                boolean standsAlone = end >= sql.length() || !SqlLexer.isIdentifierPart(sql.charAt(end));
                if (literalsAllowed && standsAlone) {
                    constants.add(new Constant(sql.substring(i, end), true));
                    out.append("$").append(constants.size());
                } else {
                    out.append(sql, i, end);
                }
                i = end;
                previousWord = "";
                continue;
            }
            if (!Character.isWhitespace(c)) {
                previousWord = c == ':' ? previousWord : "";
            }
            out.append(c);
            i++;
        }
        return constants.isEmpty() ? null : new Normalized(out.toString(), constants);
    }

    private static boolean isEscapeString(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote < 2 || !SqlLexer.isIdentifierPart(sql.charAt(quote - 2)));
    }

    private static int numberEnd(String sql, int start) {
        int i = start;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '.') {
            i++;
            while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                i++;
            }
        }
        if (i < sql.length() && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < sql.length() && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                i = j;
                while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
