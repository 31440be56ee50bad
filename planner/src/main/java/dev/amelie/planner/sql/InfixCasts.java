package dev.amelie.planner.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites PostgreSQL's {@code expr::type} to {@code CAST(expr AS type)} before Calcite parses
 * the text (after {@link SpecialFunctionSyntax}'s forms of substring and trim). In PostgreSQL {@code ::} binds tighter than any other operator, so
 * {@code 1 = '1'::int} compares 1 with an integer; Calcite's Babel parser applies it to the
 * whole comparison instead and casts a boolean. The operand is the primary expression just
 * before {@code ::}: a literal, a (qualified) name, a parameter, a parenthesized expression or a
 * function call; chained casts nest.
 *
 * <p>Where the operand cannot be told (an unusual shape), the {@code ::} stays for Calcite.
 * Positions of errors in the rewritten text map back to the original through
 * {@link Rewritten#originalPosition}.
 */
public final class InfixCasts {
    /** Words before a parenthesis that make it a parenthesized expression, not a call. */
    static final Set<String> NOT_FUNCTIONS = Set.of("select", "where", "and", "or", "not", "in", "on", "when",
            "then", "else", "by", "as", "from", "having", "values", "exists", "any", "all", "some", "is", "between",
            "like", "ilike", "distinct", "set", "returning", "case", "using", "join", "union", "except", "intersect",
            "limit", "offset", "into", "with", "return", "array");

    /** The rewritten text; originalOffset[k] is where its k-th character came from. */
    public record Rewritten(String text, int[] originalOffset) {
        /** A 1-based position in {@link #text} as a 1-based position in the original; 0 stays 0. */
        public int originalPosition(int position) {
            if (position <= 0 || originalOffset == null) {
                return position;
            }
            int k = Math.min(position - 1, originalOffset.length - 1);
            return originalOffset[k] + 1;
        }
    }

    private static final java.util.regex.Pattern ARRAY_SUFFIX = java.util.regex.Pattern.compile("(?s)(.*?)(\\s*\\[\\s*\\d*\\s*\\])+");

    private InfixCasts() {}

    public static Rewritten rewrite(String sql) {
        Rewritten operators = QualifiedOperators.rewrite(sql);
        if (operators == null) {
            return rewriteUnqualified(sql);
        }
        return then(operators, rewriteUnqualified(operators.text()));
    }

    private static Rewritten rewriteUnqualified(String sql) {
        Rewritten special = SpecialFunctionSyntax.rewrite(sql);
        Rewritten casts;
        try {
            casts = then(special == null ? new Rewritten(sql, null) : special, rewriteCasts(special == null ? sql : special.text()));
        } catch (dev.amelie.vm.error.SqlException e) {
            if (special == null || e.position() <= 0) {
                throw e;
            }
            throw new dev.amelie.vm.error.SqlException(e.state(), e.getMessage(), e.detail(), e.hint(),
                    special.originalPosition(e.position()), e.context(), e);
        }
        Rewritten operators = GenericOperators.rewrite(casts.text());
        return operators == null ? casts : then(casts, operators);
    }

    /** The second rewrite of the first one's text, its positions mapped back through both. */
    private static Rewritten then(Rewritten first, Rewritten second) {
        if (second.originalOffset() == null) {
            return first;
        }
        if (first.originalOffset() == null) {
            return second;
        }
        int[] composed = new int[second.originalOffset().length];
        for (int k = 0; k < composed.length; k++) {
            composed[k] = first.originalOffset()[Math.min(second.originalOffset()[k], first.originalOffset().length - 1)];
        }
        return new Rewritten(second.text(), composed);
    }

    private static Rewritten rewriteCasts(String sql) {
        if (!sql.contains("::") && !JsonOperators.mayContain(sql) && !Collations.mayContain(sql)) {
            return new Rewritten(sql, null);
        }
        Output out = new Output();
        // Where the right operands of json operators end: a ")" closes the call there.
        java.util.ArrayDeque<Integer> closers = new java.util.ArrayDeque<>();
        int i = 0;
        while (i < sql.length()) {
            while (!closers.isEmpty() && closers.peek() <= i) {
                out.appendGenerated(")", closers.pop());
            }
            int skipped = SqlLexer.skipQuotedOrComment(sql, i);
            if (skipped != i) {
                out.appendSegment(sql, i, skipped);
                i = skipped;
                continue;
            }
            if (sql.startsWith("::", i)) {
                int typeEnd = typeEnd(sql, i + 2);
                int start = typeEnd < 0 ? -1 : out.primaryStart();
                if (start >= 0) {
                    out.insert(start, "CAST(", i);
                    out.appendGenerated(" AS ", i);
                    int typeStart = skipSpaces(sql, i + 2);
                    String type = sql.substring(typeStart, typeEnd);
                    java.util.regex.Matcher array = ARRAY_SUFFIX.matcher(type);
                    boolean isArray = array.matches();
                    String base = isArray ? array.group(1).strip() : type;
                    if (base.equalsIgnoreCase("interval")) {
                        // INTERVAL is a keyword to Calcite's parser; quoted, it names our type.
                        out.appendGenerated("\"interval\"" + (isArray ? " ARRAY" : ""), typeStart);
                    } else if (isArray) {
                        // int[] is Calcite's INT ARRAY.
                        out.append(sql, typeStart, typeStart + base.length());
                        out.appendGenerated(" ARRAY", typeStart + base.length());
                    } else {
                        out.append(sql, typeStart, typeEnd);
                    }
                    out.appendGenerated(")", typeEnd - 1);
                    i = typeEnd;
                    continue;
                }
            }
            int collateEnd = Collations.clauseEnd(sql, i);
            if (collateEnd >= 0) {
                int start = out.primaryStart();
                if (start >= 0) {
                    // C, POSIX and default all compare bytewise here: the clause only checks its operand.
                    if (!isStringLiteral(out, start)) {
                        out.insertFrom(start, Collations.FUNCTION + "(", i);
                        out.appendGenerated(")", i);
                    }
                    i = collateEnd;
                    continue;
                }
            }
            int atTimeZone = JsonOperators.atTimeZoneEnd(sql, i);
            if (atTimeZone >= 0) {
                int start = out.primaryStart();
                int operandEnd = JsonOperators.operandEnd(sql, atTimeZone);
                if (start >= 0 && operandEnd >= 0) {
                    out.insert(start, JsonOperators.AT_TIME_ZONE + "(", i);
                    out.appendGenerated(", ", i);
                    closers.push(operandEnd);
                    i = atTimeZone;
                    continue;
                }
            }
            String operator = JsonOperators.at(sql, i);
            if (operator != null) {
                int start = out.primaryStart();
                if (start >= 0 && operator.equals("~") && NOT_FUNCTIONS.contains(out.text.substring(start).strip().toLowerCase(Locale.ROOT))) {
                    start = -1; // SELECT ~1: a prefix ~ (GenericOperators)
                }
                if (operator.equals("^") && start > 0) {
                    start = out.withUnarySign(start); // -2 ^ 2 is (-2) ^ 2 in PostgreSQL
                }
                int operandEnd = JsonOperators.operandEnd(sql, i + operator.length());
                if (start >= 0 && operandEnd >= 0) {
                    out.insertFrom(start, JsonOperators.function(operator) + "(", i); // errors point at the operator
                    out.appendGenerated(", ", i);
                    closers.push(operandEnd);
                    i += operator.length();
                    continue;
                }
            }
            out.append(sql, i, i + 1);
            i++;
        }
        while (!closers.isEmpty()) {
            out.appendGenerated(")", closers.pop());
        }
        return new Rewritten(out.text.toString(), out.offsets.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether the text from {@code start} on is one string constant ('…' or E'…'), an untyped literal. */
    private static boolean isStringLiteral(Output out, int start) {
        int k = start;
        if (k < out.text.length() && (out.text.charAt(k) == 'E' || out.text.charAt(k) == 'e')) {
            k++;
        }
        if (k >= out.text.length() || out.text.charAt(k) != '\'') {
            return false;
        }
        int end = SqlLexer.skipQuotedOrComment(out.text.toString(), k);
        return out.text.substring(end).isBlank();
    }

    private static int skipSpaces(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the type name starting at {@code at} (after {@code ::}), or -1 if there is none. */
    static int typeEndAfter(String sql, int at) {
        return typeEnd(sql, at);
    }

    private static int typeEnd(String sql, int at) {
        int i = skipSpaces(sql, at);
        if (i < sql.length() && sql.charAt(i) == '"') {
            i = SqlLexer.skipQuotedOrComment(sql, i);
        } else {
            int wordEnd = wordEnd(sql, i);
            if (wordEnd == i) {
                return -1;
            }
            String word = sql.substring(i, wordEnd).toLowerCase(Locale.ROOT);
            i = wordEnd;
            while (i < sql.length() && sql.charAt(i) == '.') { // a qualified type name
                int next = wordEnd(sql, i + 1);
                if (next == i + 1) {
                    break;
                }
                word = sql.substring(i + 1, next).toLowerCase(Locale.ROOT);
                i = next;
            }
            i = switch (word) {
                case "double" -> followedBy(sql, i, "precision");
                case "character", "char", "bit" -> followedBy(sql, i, "varying");
                case "timestamp", "time" -> zoneSuffix(sql, modifiers(sql, i));
                default -> i;
            };
        }
        i = modifiers(sql, i);
        while (true) {
            int j = skipSpaces(sql, i);
            if (j < sql.length() && sql.charAt(j) == '[') {
                int close = sql.indexOf(']', j);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else {
                return i;
            }
        }
    }

    /** An optional {@code (n)} or {@code (p, s)}. */
    private static int modifiers(String sql, int i) {
        int j = skipSpaces(sql, i);
        if (j < sql.length() && sql.charAt(j) == '(') {
            int close = sql.indexOf(')', j);
            return close < 0 ? i : close + 1;
        }
        return i;
    }

    private static int zoneSuffix(String sql, int i) {
        int j = skipSpaces(sql, i);
        int end = wordEnd(sql, j);
        String word = sql.substring(j, end).toLowerCase(Locale.ROOT);
        if (!word.equals("with") && !word.equals("without")) {
            return i;
        }
        int time = followedBy(sql, end, "time");
        int zone = followedBy(sql, time, "zone");
        return time == end || zone == time ? i : zone;
    }

    /** Past {@code word} if it comes next (after spaces), else {@code i}. */
    private static int followedBy(String sql, int i, String word) {
        int j = skipSpaces(sql, i);
        int end = wordEnd(sql, j);
        return sql.substring(j, end).equalsIgnoreCase(word) ? end : i;
    }

    private static int wordEnd(String sql, int i) {
        while (i < sql.length() && SqlLexer.isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The rewritten text so far, where each character came from, and its quoted stretches. */
    private static final class Output {
        final StringBuilder text = new StringBuilder();
        final List<Integer> offsets = new ArrayList<>();
        /** [start, end) of quoted strings, quoted names and comments in {@link #text}. */
        final List<int[]> segments = new ArrayList<>();

        void append(String sql, int from, int to) {
            for (int k = from; k < to; k++) {
                text.append(sql.charAt(k));
                offsets.add(k);
            }
        }

        void appendSegment(String sql, int from, int to) {
            int start = text.length();
            append(sql, from, to);
            segments.add(new int[] {start, text.length()});
        }

        void appendGenerated(String generated, int origin) {
            for (int k = 0; k < generated.length(); k++) {
                text.append(generated.charAt(k));
                offsets.add(origin);
            }
        }

        void insert(int at, String generated, int origin) {
            insertFrom(at, generated, at < offsets.size() ? offsets.get(at) : origin);
        }

        /** Inserts generated text whose characters all came from {@code from}. */
        void insertFrom(int at, String generated, int from) {
            text.insert(at, generated);
            for (int k = 0; k < generated.length(); k++) {
                offsets.add(at, from);
            }
            for (int[] segment : segments) {
                if (segment[0] >= at) {
                    segment[0] += generated.length();
                    segment[1] += generated.length();
                }
            }
        }

        /**
         * {@code start}, or the position of a sign just before it when that sign is unary (it
         * follows an operator, a parenthesis, a comma or nothing).
         */
        int withUnarySign(int start) {
            int k = start - 1;
            while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
                k--;
            }
            if (k < 0 || text.charAt(k) != '-' && text.charAt(k) != '+') {
                return start;
            }
            int before = k - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (before < 0 || "(,=<>+-*/%^".indexOf(text.charAt(before)) >= 0) {
                return k;
            }
            int wordStart = wordStart(before + 1);
            String word = text.substring(wordStart, before + 1).toLowerCase(Locale.ROOT);
            return NOT_FUNCTIONS.contains(word) ? k : start;
        }

        /** Where the primary expression ending at the end of the text starts, or -1. */
        int primaryStart() {
            int k = text.length();
            while (k > 0 && Character.isWhitespace(text.charAt(k - 1))) {
                k--;
            }
            if (k == 0) {
                return -1;
            }
            int[] segment = segmentEndingAt(k);
            if (segment != null) {
                if (text.charAt(segment[0]) == '-' || text.charAt(segment[0]) == '/') {
                    return -1; // a comment
                }
                int start = segment[0];
                if (start > 0 && (text.charAt(start - 1) == 'E' || text.charAt(start - 1) == 'e')
                        && (start == 1 || !SqlLexer.isIdentifierPart(text.charAt(start - 2)))) {
                    start--; // E'…'
                }
                return start;
            }
            char last = text.charAt(k - 1);
            if (last == ')' || last == ']') {
                int open = matchingOpen(k - 1);
                if (open < 0) {
                    return -1;
                }
                int before = open;
                while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
                    before--;
                }
                int wordStart = wordStart(before);
                if (wordStart < before) {
                    String word = text.substring(wordStart, before).toLowerCase(Locale.ROOT);
                    // ARRAY[…] and a subscripted name (a[1]) are primaries too.
                    if (last == ']' ? !Character.isDigit(word.charAt(0))
                            : !NOT_FUNCTIONS.contains(word) && !Character.isDigit(word.charAt(0))) {
                        return wordStart;
                    }
                }
                return open;
            }
            int start = wordStart(k);
            if (start == k) {
                return -1;
            }
            // An exponent's sign belongs to the number: 1e-5::float.
            if (start >= 2 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '+')
                    && (text.charAt(start - 2) == 'e' || text.charAt(start - 2) == 'E')) {
                int mantissa = wordStart(start - 1);
                if (mantissa < start - 1 && Character.isDigit(text.charAt(mantissa))) {
                    return mantissa;
                }
            }
            return start;
        }

        /** Start of the (qualified) name or number ending at {@code end}. */
        private int wordStart(int end) {
            int k = end;
            while (k > 0) {
                char c = text.charAt(k - 1);
                if (SqlLexer.isIdentifierPart(c) || c == '$') {
                    k--;
                } else if (c == '.' && k - 1 > 0 && k < end) {
                    k--;
                } else {
                    break;
                }
            }
            return k;
        }

        private int matchingOpen(int close) {
            char closing = text.charAt(close);
            char opening = closing == ')' ? '(' : '[';
            int depth = 0;
            int k = close;
            while (k >= 0) {
                int[] segment = segmentEndingAt(k + 1);
                if (segment != null) {
                    k = segment[0] - 1;
                    continue;
                }
                char c = text.charAt(k);
                if (c == closing) {
                    depth++;
                } else if (c == opening) {
                    depth--;
                    if (depth == 0) {
                        return k;
                    }
                }
                k--;
            }
            return -1;
        }

        private int[] segmentEndingAt(int end) {
            for (int s = segments.size() - 1; s >= 0; s--) {
                int[] segment = segments.get(s);
                if (segment[1] == end) {
                    return segment;
                }
                if (segment[1] < end) {
                    return null;
                }
            }
            return null;
        }
    }
}
