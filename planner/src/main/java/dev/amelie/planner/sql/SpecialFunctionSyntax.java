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
            "text", "varchar", "bpchar", "bool", "boolean", "interval", "uuid", "bytea", "json", "jsonb", "time",
            "int", "float");
    /** The fields an interval literal may name after its text: {@code interval '1' month}, {@code '1 2:03' day to minute}. */
    private static final java.util.Set<String> INTERVAL_FIELDS = java.util.Set.of("year", "month", "day", "hour", "minute", "second");
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("'\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*'");

    /** Words Calcite's parser reserves for MATCH_RECOGNIZE, which PostgreSQL lacks: names there ("pattern"). */
    private static final java.util.Set<String> CALCITE_ONLY_KEYWORDS = java.util.Set.of("pattern", "define");

    /**
     * Keywords Calcite's parser reserves that PostgreSQL takes as a column alias after AS (any
     * ColLabel; SQLAlchemy writes {@code (…) AS DEFAULT}). Not the words a CREATE … AS or a cast
     * may have after AS (select, values, table, with, type names).
     */
    private static final java.util.Set<String> ALIAS_KEYWORDS = java.util.Set.of("default", "end", "user", "order",
            "check", "references", "primary", "unique", "desc", "asc", "limit", "offset", "group", "having", "where",
            "when", "then", "else", "case", "all", "any", "both", "some", "from", "to", "on", "foreign", "grant", "only",
            "window", "fetch", "union", "except", "intersect", "constraint", "column", "collate", "analyse", "analyze");

    /** Aggregates whose ORDER BY Calcite's parser takes only as WITHIN GROUP. */
    private static final java.util.Set<String> ORDERED_AGGREGATES = java.util.Set.of("json_agg", "jsonb_agg",
            "json_object_agg", "jsonb_object_agg");

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
     * json_agg(x ORDER BY y) becomes json_agg(x) WITHIN GROUP (ORDER BY y), and so json_object_agg(k, v ORDER BY y): Calcite's parser takes
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
     * before it is dropped (Calcite's UNNEST reads the FROM items before it anyway). Also makes
     * other set-returning functions after a FROM item lateral ({@link #lateralFunction}).
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
                if ((token.isWord("generate_series") || token.isWord("regexp_matches")) && t > 0 && t + 1 < tokens.size()
                        && tokens.get(t + 1).isSymbol("(")) {
                    lateralFunction(tokens, t, clauses.getLast(), edits);
                    continue;
                }
                if (token.text().equals("pg_get_keywords") && t + 2 < tokens.size() && tokens.get(t + 1).isSymbol("(")
                        && tokens.get(t + 2).isSymbol(")") && t > 0 && (tokens.get(t - 1).isWord("from")
                        || tokens.get(t - 1).isWord("join") || tokens.get(t - 1).isSymbol(",") && clauses.getLast().equals("from"))) {
                    // Its rows never change: the call reads the relation that holds them (PgKeywords).
                    int at = token.position() - 1;
                    String relation = "pg_catalog.pg_get_keywords";
                    edits.add(new Edit(at, tokens.get(t + 2).position(), relation, constantOffsets(at, relation.length())));
                    continue;
                }
                boolean ancestors = token.text().equals("pg_partition_ancestors") && t + 1 < tokens.size()
                        && tokens.get(t + 1).isSymbol("(");
                if (!token.text().equals("unnest") && !ancestors) {
                    continue;
                }
                Token before = t > 0 ? tokens.get(t - 1) : null;
                boolean fromItem = before != null && (before.isWord("from") || before.isWord("join") || before.isWord("lateral")
                        || before.isSymbol(",") && clauses.getLast().equals("from"));
                int at = token.position() - 1;
                if (ancestors) {
                    // No relation here is partitioned: a relation's ancestors are the elements of an empty array.
                    int close = closingParenthesis(tokens, t + 1);
                    if (close < 0) {
                        continue;
                    }
                    String call = (fromItem ? "unnest" : "\"unnest\"") + "(pg_partition_ancestry";
                    edits.add(new Edit(at, at + token.text().length(), call, constantOffsets(at, call.length())));
                    edits.add(new Edit(tokens.get(close).position(), ")"));
                    if (fromItem && before.isWord("lateral")) {
                        int lateral = before.position() - 1;
                        edits.add(new Edit(lateral, lateral + "lateral".length(), "", new int[0]));
                    }
                    continue;
                }
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

    /** The token closing the parenthesis opened at token {@code open}, or -1. */
    private static int closingParenthesis(List<Token> tokens, int open) {
        int depth = 0;
        for (int u = open; u < tokens.size(); u++) {
            if (tokens.get(u).isSymbol("(")) {
                depth++;
            } else if (tokens.get(u).isSymbol(")") && --depth == 0) {
                return u;
            }
        }
        return -1;
    }

    /**
     * {@code pg_catalog.unnest(…)}, {@code pg_catalog.generate_series(…)}: the functions with a
     * syntax of their own here are written without the schema (psql's queries name it), and the
     * tokens after are read as if it never was.
     */
    private static List<Token> withoutCatalogQualifier(List<Token> tokens, List<Edit> edits) {
        List<Token> kept = new ArrayList<>(tokens.size());
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.isWord("pg_catalog") && t + 2 < tokens.size() && tokens.get(t + 1).isSymbol(".")
                    && (tokens.get(t + 2).isWord("unnest") || tokens.get(t + 2).isWord("generate_series")
                    || tokens.get(t + 2).isWord("regexp_matches") || tokens.get(t + 2).isWord("pg_partition_ancestors")
                    || tokens.get(t + 2).isWord("pg_get_keywords"))) {
                int at = token.position() - 1;
                edits.add(new Edit(at, tokens.get(t + 2).position() - 1, "", new int[0]));
                t++;
                continue;
            }
            kept.add(token);
        }
        return kept;
    }

    /**
     * A set-returning function in FROM after another FROM item may read that item's columns, with
     * LATERAL or without (PostgreSQL makes function calls in FROM lateral by themselves); Calcite
     * parses that only as {@code LATERAL TABLE(f(…))}, which the call becomes.
     */
    private static void lateralFunction(List<Token> tokens, int name, String clause, List<Edit> edits) {
        Token before = tokens.get(name - 1);
        boolean lateral = before.isWord("lateral");
        if (!lateral && !before.isWord("join") && !(before.isSymbol(",") && clause.equals("from"))) {
            return;
        }
        int depth = 0;
        for (int u = name + 1; u < tokens.size(); u++) {
            if (tokens.get(u).isSymbol("(")) {
                depth++;
            } else if (tokens.get(u).isSymbol(")") && --depth == 0) {
                int at = tokens.get(name).position() - 1;
                edits.add(new Edit(at, lateral ? "table(" : "lateral table("));
                edits.add(new Edit(tokens.get(u).position(), ")"));
                return;
            }
        }
    }

    /**
     * Array syntax Calcite's parser lacks: a slice {@code a[lo:hi]}, {@code a[:hi]},
     * {@code a[lo:]}, {@code a[:]} becomes the subscript {@code a[amelie_slice(lo, hi, given)]}
     * ({@code given}: 1 when lo is written, 2 when hi is, as an omitted bound is the array's own,
     * unlike a NULL one), which {@code ArrayFunctions} turns into a slice; {@code ARRAY[]::t[]}
     * becomes an empty slice of {@code ARRAY[NULL]} cast to t[]; and {@code CAST(x AS t[])} becomes {@code CAST(x AS t ARRAY)}.
     */
    private static void arraySyntax(List<Token> tokens, List<Edit> edits) {
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.isWord("array") && t + 3 < tokens.size() && tokens.get(t + 1).isSymbol("[")
                    && tokens.get(t + 2).isSymbol("]") && tokens.get(t + 3).isSymbol("::")) {
                // An empty slice of ARRAY[NULL]: an array to cast, named "array" as ARRAY[] is.
                int at = token.position() - 1;
                int end = tokens.get(t + 2).position();
                String empty = "((array[null])[amelie_slice(1, 0, 3)])";
                edits.add(new Edit(at, end, empty, constantOffsets(at, empty.length())));
                t += 2;
                continue;
            }
            if (token.isWord("cast") && t + 1 < tokens.size() && tokens.get(t + 1).isSymbol("(")) {
                castToArray(tokens, t + 1, edits);
                continue;
            }
            if (!token.isSymbol("[")) {
                continue;
            }
            int depth = 0;
            int colon = -1;
            int close = -1;
            for (int u = t + 1; u < tokens.size() && close < 0; u++) {
                Token inner = tokens.get(u);
                if (inner.isSymbol("(") || inner.isSymbol("[")) {
                    depth++;
                } else if (inner.isSymbol(")") || inner.isSymbol("]")) {
                    if (depth == 0) {
                        close = inner.isSymbol("]") ? u : -2;
                        break;
                    }
                    depth--;
                } else if (depth == 0 && inner.isSymbol(":") && colon < 0) {
                    colon = u;
                }
            }
            if (colon < 0 || close < 0) {
                continue;
            }
            boolean lower = colon > t + 1;
            boolean upper = close > colon + 1;
            int open = token.position() - 1;
            int colonAt = tokens.get(colon).position() - 1;
            int closeAt = tokens.get(close).position() - 1;
            String opening = "[amelie_slice(" + (lower ? "" : "0");
            String middle = ", ";
            String closing = (upper ? "" : "0") + ", " + ((lower ? 1 : 0) | (upper ? 2 : 0)) + ")]";
            edits.add(new Edit(open, open + 1, opening, constantOffsets(open, opening.length())));
            edits.add(new Edit(colonAt, colonAt + 1, middle, constantOffsets(colonAt, middle.length())));
            edits.add(new Edit(closeAt, closeAt + 1, closing, constantOffsets(closeAt, closing.length())));
        }
    }

    /** {@code CAST(x AS type[]…)}: the brackets after the type become Calcite's ARRAY (PostgreSQL ignores their number). */
    private static void castToArray(List<Token> tokens, int open, List<Edit> edits) {
        int depth = 0;
        int as = -1;
        for (int u = open; u < tokens.size(); u++) {
            Token token = tokens.get(u);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth == 0) {
                    if (as < 0) {
                        return;
                    }
                    int first = -1;
                    for (int k = as + 1; k < u; k++) {
                        if (tokens.get(k).isSymbol("[")) {
                            first = k;
                            break;
                        }
                    }
                    if (first > as + 1 && tokens.get(u - 1).isSymbol("]")) {
                        int from = tokens.get(first).position() - 1;
                        int to = tokens.get(u - 1).position();
                        edits.add(new Edit(from, to, " array", constantOffsets(from, 6)));
                    }
                    return;
                }
            } else if (depth == 1 && token.isWord("as")) {
                as = u;
            }
        }
    }

    private static int[] constantOffsets(int at, int length) {
        int[] offsets = new int[length];
        java.util.Arrays.fill(offsets, at);
        return offsets;
    }

    /**
     * trim([BOTH | LEADING | TRAILING] [characters] [FROM] string[, …]) as the call of btrim,
     * ltrim or rtrim that PostgreSQL's grammar makes of it (gram.y, trim_list): the arguments
     * after FROM, then the characters. Calcite's TRIM takes neither a list (trim(both 'xa', 'a'))
     * nor bytea, which btrim(bytea, bytea) does. The characters are moved as written; a call of
     * trim inside them stays Calcite's.
     */
    private static void trimCall(String sql, List<Token> tokens, int name, List<Edit> edits) {
        int u = name + 2;
        String function = "btrim";
        if (tokens.get(u).kind() == Token.Kind.WORD) {
            switch (tokens.get(u).text()) {
                case "both" -> u++;
                case "leading" -> {
                    function = "ltrim";
                    u++;
                }
                case "trailing" -> {
                    function = "rtrim";
                    u++;
                }
                default -> { }
            }
        }
        int argumentsAt = u;
        Token from = null;
        Token close = null;
        int depth = 0;
        for (int k = name + 1; k < tokens.size() && close == null; k++) {
            Token token = tokens.get(k);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth == 0) {
                    close = token;
                }
            } else if (depth == 1 && from == null && token.isWord("from")) {
                from = tokens.get(k);
            }
        }
        if (close == null) {
            return; // unbalanced: Calcite reports it
        }
        int head = tokens.get(argumentsAt).position() - 1;
        int nameAt = tokens.get(name).position() - 1;
        int[] headOffsets = new int[function.length() + 1];
        java.util.Arrays.fill(headOffsets, nameAt);
        edits.add(new Edit(nameAt, head, function + "(", headOffsets));
        if (from == null) {
            return;
        }
        int fromAt = from.position() - 1;
        int afterFrom = fromAt + "from".length();
        if (fromAt == head) {
            edits.add(new Edit(fromAt, afterFrom, "", new int[0]));
            return;
        }
        // characters FROM string: the characters go last.
        edits.add(new Edit(head, afterFrom, "", new int[0]));
        int closeAt = close.position() - 1;
        String characters = sql.substring(head, fromAt).stripTrailing();
        String moved = ", " + characters;
        int[] offsets = new int[moved.length()];
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = k < 2 ? closeAt : head + k - 2;
        }
        edits.add(new Edit(closeAt, closeAt, moved, offsets));
    }

    /**
     * {@code AS keyword} naming a column: the keyword quoted, so Calcite reads the name PostgreSQL
     * does (lower case). Only where an alias ends the item: before a comma, a closing
     * parenthesis, FROM, or the end.
     */
    private static void keywordAliases(List<Token> tokens, List<Edit> edits) {
        for (int t = 1; t < tokens.size(); t++) {
            Token name = tokens.get(t);
            if (!tokens.get(t - 1).isWord("as") || name.kind() != Token.Kind.WORD || !ALIAS_KEYWORDS.contains(name.text())) {
                continue;
            }
            Token after = t + 1 < tokens.size() ? tokens.get(t + 1) : null;
            if (after != null && !after.isSymbol(",") && !after.isSymbol(")") && !after.isWord("from") && !after.isSymbol(";")) {
                continue;
            }
            int at = name.position() - 1;
            int length = name.text().length();
            edits.add(new Edit(at, at + length, "\"" + name.text() + "\"",
                    java.util.stream.IntStream.range(0, length + 2).map(k -> at + Math.max(0, Math.min(k - 1, length - 1))).toArray()));
        }
    }

    /** The text with the insertions, or null when it needs none. */
    static InfixCasts.Rewritten rewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("substring") && !lower.contains("trim") && !lower.contains("'") && !lower.contains("json")
                && !lower.contains("date_trunc") && !lower.contains("where") && !lower.contains("group")
                && !lower.contains("having") && !lower.contains("unnest") && !lower.contains("[")
                && !lower.contains("pattern") && !lower.contains("define") && !lower.contains("generate_series")
                && !lower.contains("regexp_matches") && !lower.contains("pg_partition_ancestors") && !lower.contains("pg_get_keywords")
                && !lower.contains("as")) {
            return null;
        }
        List<Token> tokens = Tokenizer.tokenizeOrNull(sql);
        if (tokens == null) {
            return null;
        }
        List<Edit> edits = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.get(t).kind() == Token.Kind.WORD && tokens.get(t).text().equals("select")) {
                fromForSelectWithout(tokens, t, edits);
            }
        }
        unnestOutsideFrom(withoutCatalogQualifier(tokens, edits), edits);
        arraySyntax(tokens, edits);
        keywordAliases(tokens, edits);
        for (int t = 0; t + 1 < tokens.size(); t++) {
            Token name = tokens.get(t);
            Token next = tokens.get(t + 1);
            if (name.kind() == Token.Kind.STRING && (sql.charAt(name.position() - 1) == 'E' || sql.charAt(name.position() - 1) == 'e')) {
                // E'…': its value as a plain literal (EscapeStrings); Calcite's reading of escapes is not PostgreSQL's.
                int at = name.position() - 1;
                int end = SqlLexer.skipQuotedOrComment(sql, at + 1);
                String value = EscapeStrings.value(sql.substring(at + 2, end - 1), at);
                String plain = "'" + value.replace("'", "''") + "'";
                edits.add(new Edit(at, end, plain, java.util.stream.IntStream.range(0, plain.length())
                        .map(k -> Math.min(at + k, end - 1)).toArray()));
                continue;
            }
            if (name.kind() == Token.Kind.WORD && CALCITE_ONLY_KEYWORDS.contains(name.text())) {
                // A word only Calcite's MATCH_RECOGNIZE reserves: to PostgreSQL a name, so quoted.
                int at = name.position() - 1;
                int length = name.text().length();
                edits.add(new Edit(at, at + length, "\"" + name.text() + "\"",
                        java.util.stream.IntStream.range(0, length + 2).map(k -> at + Math.max(0, Math.min(k - 1, length - 1))).toArray()));
                continue;
            }
            if (name.kind() == Token.Kind.WORD && next.kind() == Token.Kind.STRING
                    && (TYPED_LITERALS.contains(name.text()) || strictFormLacking(name.text(), sql, next))
                    && (t == 0 || !tokens.get(t - 1).text().equals("as"))) {
                int start = name.position() - 1;
                int literalStart = next.position() - 1;
                int end = SqlLexer.skipQuotedOrComment(sql, literalStart);
                String literal = sql.substring(literalStart, end);
                String type = name.text();
                if (name.text().equals("interval") && t + 2 < tokens.size() && tokens.get(t + 2).kind() == Token.Kind.WORD
                        && INTERVAL_FIELDS.contains(tokens.get(t + 2).text())) {
                    // The field qualifier: a bare number counts in the last field's unit ('1' month is a month).
                    int last = t + 2;
                    if (last + 2 < tokens.size() && tokens.get(last + 1).isWord("to")
                            && INTERVAL_FIELDS.contains(tokens.get(last + 2).text())) {
                        last += 2;
                    }
                    if (PLAIN_NUMBER.matcher(literal).matches()) {
                        literal = literal.substring(0, literal.length() - 1).strip() + " " + tokens.get(last).text() + "'";
                    }
                    end = tokens.get(last).position() - 1 + tokens.get(last).text().length();
                }
                // As 'text'::type, which InfixCasts makes a cast next; an error points at the literal, as PostgreSQL's.
                String replacement = literal + "::" + type;
                int[] offsets = new int[replacement.length()];
                for (int k = 0; k < offsets.length; k++) {
                    offsets[k] = k < literal.length() - 1 ? literalStart + k : literalStart;
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
            if (ORDERED_AGGREGATES.contains(name.text()) && orderedAggregate(sql, tokens, t, edits)) {
                continue;
            }
            if (name.text().equals("trim") && !sql.startsWith("\"", name.position() - 1)) {
                trimCall(sql, tokens, t, edits);
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
