package dev.amelie.planner.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's shapes that Calcite's parser does not take, made ones it does before it parses:
 * {@code substring(x FOR n)} (from the start) becomes {@code substring(x FROM 1 FOR n)},
 * {@code trim(FROM x)} becomes {@code trim(BOTH FROM x)}, and a typed literal such as
 * {@code timestamptz '…'} or {@code int4 '5'} becomes {@code '…'::timestamptz} (whose text our
 * casts read as PostgreSQL does). Only words outside quotes and comments count;
 * changed text maps back to where it was.
 */
final class SpecialFunctionSyntax {
    /**
     * Type names whose 'text' literal form Calcite lacks. (timestamp and date keep Calcite's own:
     * it keeps a literal's microseconds, where its folding of a cast would cut them.)
     */
    private static final java.util.Set<String> TYPED_LITERALS = java.util.Set.of("timestamptz",
            "int2", "int4", "int8", "integer", "bigint", "smallint", "float4", "float8", "real", "numeric", "decimal",
            "text", "varchar", "bpchar", "bool", "boolean", "interval", "uuid", "bytea", "json", "jsonb", "time");

    /** Replace [start, end) of the text with {@code text}, whose k-th character came from offsets[k]. */
    private record Edit(int start, int end, String text, int[] offsets) {
        /** Inserted text: every character maps to where it went in. */
        Edit(int at, String text) {
            this(at, at, text, java.util.Collections.nCopies(text.length(), at).stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Calcite's own timestamp and date literals take only these forms; others become casts. */
    private static final java.util.regex.Pattern CALCITE_TIMESTAMP =
            java.util.regex.Pattern.compile("'\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?'");
    private static final java.util.regex.Pattern CALCITE_DATE = java.util.regex.Pattern.compile("'\\d{4}-\\d{2}-\\d{2}'");

    private SpecialFunctionSyntax() {}

    /** A timestamp or date literal whose text Calcite's literal parser would refuse. */
    private static boolean strictFormLacking(String type, String sql, Token literal) {
        java.util.regex.Pattern form = switch (type) {
            case "timestamp" -> CALCITE_TIMESTAMP;
            case "date" -> CALCITE_DATE;
            default -> null;
        };
        if (form == null) {
            return false;
        }
        int start = literal.position() - 1;
        return !form.matcher(sql.substring(start, SqlLexer.skipQuotedOrComment(sql, start))).matches();
    }

    /**
     * json_agg(x ORDER BY y) becomes json_agg(x) WITHIN GROUP (ORDER BY y): Calcite's parser takes
     * ORDER BY inside the parentheses only for array_agg and string_agg. False when the call has
     * no ORDER BY of its own.
     */
    private static boolean orderedAggregate(String sql, List<Token> tokens, int name, List<Edit> edits) {
        int depth = 0;
        Token order = null;
        for (int u = name + 1; u < tokens.size(); u++) {
            Token token = tokens.get(u);
            if (token.text().equals("(")) {
                depth++;
            } else if (token.text().equals(")")) {
                if (--depth == 0) {
                    if (order == null) {
                        return false;
                    }
                    int from = order.position() - 1;
                    int close = token.position() - 1;
                    edits.add(new Edit(from, close, "", new int[0]));
                    String moved = " within group (" + sql.substring(from, close).stripTrailing() + ")";
                    int[] offsets = new int[moved.length()];
                    for (int k = 0; k < offsets.length; k++) {
                        int inOrder = k - " within group (".length();
                        offsets[k] = inOrder >= 0 && inOrder < close - from ? from + inOrder : close;
                    }
                    edits.add(new Edit(close + 1, close + 1, moved, offsets));
                    return true;
                }
            } else if (depth == 1 && order == null && token.kind() == Token.Kind.WORD && token.text().equals("order")
                    && u + 1 < tokens.size() && tokens.get(u + 1).text().equals("by")) {
                order = token;
            }
        }
        return false;
    }

    /**
     * SELECT … WHERE (or GROUP BY, HAVING) without FROM, which PostgreSQL takes as a select of one
     * row and Calcite's parser does not: a FROM of one row is put in before the clause.
     */
    private static void fromForSelectWithout(List<Token> tokens, int select, List<Edit> edits) {
        int depth = 0;
        for (int u = select + 1; u < tokens.size(); u++) {
            Token token = tokens.get(u);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth < 0) {
                    return;
                }
            } else if (depth == 0 && token.isSymbol(";")) {
                return;
            } else if (depth == 0 && token.kind() == Token.Kind.WORD) {
                switch (token.text()) {
                    case "from", "union", "intersect", "except", "order", "limit", "offset", "fetch", "window", "into" -> {
                        return;
                    }
                    case "where", "group", "having" -> {
                        edits.add(new Edit(token.position() - 1, "from (values (0)) as amelie_one_row(amelie_unused) "));
                        return;
                    }
                    default -> { }
                }
            }
        }
    }

    /**
     * UNNEST is a reserved word to Calcite's parser, which takes it only as a FROM item. Anywhere
     * else it is quoted, so that {@code SELECT unnest(a)} calls PostgreSQL's set-returning
     * function and {@code SELECT unnest FROM unnest(a)} reads the column of that name. A FROM
     * item is the word after FROM, JOIN or LATERAL, or after a comma of a FROM list; a LATERAL
     * before it is dropped (Calcite's UNNEST reads the FROM items before it anyway).
     */
    private static void unnestOutsideFrom(List<Token> tokens, List<Edit> edits) {
        List<String> clauses = new ArrayList<>(); // per parenthesis depth: the clause we are in
        clauses.add("");
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.isSymbol("(")) {
                clauses.add("");
            } else if (token.isSymbol(")")) {
                if (clauses.size() > 1) {
                    clauses.removeLast();
                }
            } else if (token.kind() == Token.Kind.WORD) {
                switch (token.text()) {
                    case "select", "from", "where", "group", "having", "order", "limit", "offset", "union", "intersect",
                         "except", "window", "values", "returning", "set", "into", "fetch" -> clauses.set(clauses.size() - 1, token.text());
                    default -> { }
                }
                if (!token.text().equals("unnest")) {
                    continue;
                }
                Token before = t > 0 ? tokens.get(t - 1) : null;
                boolean fromItem = before != null && (before.isWord("from") || before.isWord("join") || before.isWord("lateral")
                        || before.isSymbol(",") && clauses.getLast().equals("from"));
                int at = token.position() - 1;
                if (!fromItem) {
                    edits.add(new Edit(at, at + 6, "\"unnest\"",
                            java.util.stream.IntStream.range(0, 8).map(k -> at + Math.max(0, Math.min(k - 1, 5))).toArray()));
                } else if (before.isWord("lateral")) {
                    int lateral = before.position() - 1;
                    edits.add(new Edit(lateral, lateral + "lateral".length(), "", new int[0]));
                }
            }
        }
    }

    /** The text with the insertions, or null when it needs none. */
    static InfixCasts.Rewritten rewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("substring") && !lower.contains("trim") && !lower.contains("'") && !lower.contains("json")
                && !lower.contains("date_trunc") && !lower.contains("where") && !lower.contains("group")
                && !lower.contains("having") && !lower.contains("unnest")) {
            return null;
        }
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokenize(sql);
        } catch (RuntimeException notTokenizable) {
            return null; // Calcite reports the error, at its place
        }
        List<Edit> edits = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.get(t).kind() == Token.Kind.WORD && tokens.get(t).text().equals("select")) {
                fromForSelectWithout(tokens, t, edits);
            }
        }
        unnestOutsideFrom(tokens, edits);
        for (int t = 0; t + 1 < tokens.size(); t++) {
            Token name = tokens.get(t);
            Token next = tokens.get(t + 1);
            if (name.kind() == Token.Kind.WORD && next.kind() == Token.Kind.STRING
                    && (TYPED_LITERALS.contains(name.text()) || strictFormLacking(name.text(), sql, next))
                    && (t == 0 || !tokens.get(t - 1).text().equals("as"))) {
                int start = name.position() - 1;
                int literalStart = next.position() - 1;
                int end = SqlLexer.skipQuotedOrComment(sql, literalStart);
                // As 'text'::type, which InfixCasts makes a cast next; an error points at the literal, as PostgreSQL's.
                String replacement = sql.substring(literalStart, end) + "::" + name.text();
                int[] offsets = new int[replacement.length()];
                for (int k = 0; k < offsets.length; k++) {
                    offsets[k] = k < end - literalStart ? literalStart + k : literalStart;
                }
                edits.add(new Edit(start, end, replacement, offsets));
                continue;
            }
            if (name.kind() != Token.Kind.WORD || !next.text().equals("(") || t + 2 >= tokens.size()) {
                continue;
            }
            if (name.text().equals("date_trunc") && name.kind() == Token.Kind.WORD && !sql.startsWith("\"", name.position() - 1)) {
                // Calcite's parser reads date_trunc as BigQuery's; quoted, it is a call of PostgreSQL's (FunctionCatalog).
                int at = name.position() - 1;
                edits.add(new Edit(at, at + name.text().length(), "\"date_trunc\"",
                        java.util.stream.IntStream.range(0, 12).map(k -> at + Math.max(0, Math.min(k - 1, 9))).toArray()));
                continue;
            }
            if ((name.text().equals("json_agg") || name.text().equals("jsonb_agg")) && orderedAggregate(sql, tokens, t, edits)) {
                continue;
            }
            if (name.text().equals("trim") && tokens.get(t + 2).kind() == Token.Kind.WORD && tokens.get(t + 2).text().equals("from")) {
                int at = tokens.get(t + 2).position() - 1;
                edits.add(new Edit(at, "both "));
            } else if (name.text().equals("substring")) {
                int depth = 0;
                boolean from = false;
                Token forWord = null;
                for (int u = t + 1; u < tokens.size(); u++) {
                    Token token = tokens.get(u);
                    if (token.text().equals("(")) {
                        depth++;
                    } else if (token.text().equals(")")) {
                        if (--depth == 0) {
                            break;
                        }
                    } else if (depth == 1 && token.kind() == Token.Kind.WORD) {
                        from |= token.text().equals("from");
                        if (token.text().equals("for") && forWord == null) {
                            forWord = token;
                        }
                    }
                }
                if (forWord != null && !from) {
                    int at = forWord.position() - 1;
                    edits.add(new Edit(at, "from 1 "));
                }
            }
        }
        if (edits.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(sql.length() + 16);
        List<Integer> offsets = new ArrayList<>();
        int copied = 0;
        edits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (Edit edit : edits) {
            if (edit.start() < copied) {
                continue; // overlapping (cannot happen with these shapes): keep the first
            }
            for (; copied < edit.start(); copied++) {
                text.append(sql.charAt(copied));
                offsets.add(copied);
            }
            for (int k = 0; k < edit.text().length(); k++) {
                text.append(edit.text().charAt(k));
                offsets.add(edit.offsets()[k]);
            }
            copied = edit.end();
        }
        for (; copied < sql.length(); copied++) {
            text.append(sql.charAt(copied));
            offsets.add(copied);
        }
        return new InfixCasts.Rewritten(text.toString(), offsets.stream().mapToInt(Integer::intValue).toArray());
    }
}
