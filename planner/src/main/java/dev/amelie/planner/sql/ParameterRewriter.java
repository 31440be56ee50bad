package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites PostgreSQL's numbered parameters ($1, $2, …) to Calcite's positional '?' and
 * remembers which $n each '?' stands for: Calcite numbers dynamic parameters by occurrence.
 * A parameter whose type the client declared becomes CAST(? AS type) so the validator uses it.
 */
public final class ParameterRewriter {

    /**
     * The rewritten text, and for each '?' occurrence the 0-based $n it stands for; {@code
     * declaredCasts}: where the CASTs that carry a declared parameter type start in the text
     * (they are no casts the client wrote: such a column is named ?column?, as PostgreSQL names it);
     * {@code rowCountOccurrences}: the occurrences that are a LIMIT, OFFSET or FETCH row count,
     * which PostgreSQL types bigint when the client did not declare a type.
     */
    public record Rewritten(String text, int[] occurrenceToParameter, int parameterCount, java.util.Set<Integer> declaredCasts,
                            java.util.Set<Integer> rowCountOccurrences) {}

    private ParameterRewriter() {}

    public static Rewritten rewrite(String sql, SqlType[] declared) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Integer> occurrences = new ArrayList<>();
        java.util.Set<Integer> declaredCasts = new java.util.HashSet<>();
        java.util.Set<Integer> rowCountOccurrences = new java.util.HashSet<>();
        int max = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlLexer.skipQuotedOrComment(sql, i);
            if (skipped != i) {
                out.append(sql, i, skipped);
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '?') {
                throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"?\"", null, null, i + 1, null);
            }
            if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))
                    && (i == 0 || !SqlLexer.isIdentifierPart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                int n;
                try {
                    n = Integer.parseInt(sql.substring(i + 1, j));
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 1 || n > 65535) {
                    throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + sql.substring(i + 1, j),
                            null, null, i + 1, null);
                }
                occurrences.add(n - 1);
                max = Math.max(max, n);
                SqlType type = n - 1 < declared.length ? declared[n - 1] : null;
                // Calcite's LIMIT, OFFSET and FETCH take a bare '?' only, no CAST: there the declared
                // type still reaches the client (parameterTypes prefers it), it just is not written.
                boolean rowCount = followsRowCountKeyword(sql, i);
                if (rowCount) {
                    rowCountOccurrences.add(occurrences.size() - 1);
                }
                String parameter = type != null && type != SqlType.UNKNOWN && !rowCount
                        ? "CAST(? AS " + calciteTypeName(type) + ")" : "?";
                // $n::type is a cast Calcite cannot apply to a bare parameter: write it as CAST.
                int[] castEnd = new int[1];
                SqlType cast = postgresCast(sql, j, castEnd);
                if (type != null && type != SqlType.UNKNOWN && !rowCount) {
                    declaredCasts.add(out.length() + (cast != null ? "CAST(".length() : 0));
                }
                if (cast != null) {
                    out.append("CAST(").append(parameter).append(" AS ").append(calciteTypeName(cast)).append(')');
                    i = castEnd[0];
                } else {
                    out.append(parameter);
                    i = j;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        max = Math.max(max, declared.length);
        return new Rewritten(out.toString(), occurrences.stream().mapToInt(Integer::intValue).toArray(), max, declaredCasts,
                rowCountOccurrences);
    }

    /**
     * Whether the parameter at {@code at} is the row count of LIMIT, OFFSET or FETCH FIRST/NEXT
     * (Hibernate's {@code offset ? rows fetch first ? rows only}, bound with setInt).
     */
    private static boolean followsRowCountKeyword(String sql, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && SqlLexer.isIdentifierPart(sql.charAt(start - 1))) {
            start--;
        }
        String word = sql.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        return ROW_COUNT_KEYWORDS.contains(word);
    }

    private static final java.util.Set<String> ROW_COUNT_KEYWORDS = java.util.Set.of("limit", "offset", "first", "next");

    /** The type of a {@code ::name} cast starting at {@code at}, with its end in end[0]; null if none we know. */
    private static SqlType postgresCast(String sql, int at, int[] end) {
        int i = at;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (!sql.startsWith("::", i)) {
            return null;
        }
        i += 2;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        String name = sql.substring(start, i).toLowerCase(java.util.Locale.ROOT);
        if (name.equals("double")) {
            int j = i;
            while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
                j++;
            }
            if (sql.regionMatches(true, j, "precision", 0, 9)) {
                i = j + 9;
                name = "float8";
            }
        }
        SqlType type = switch (name) {
            case "int", "integer", "int4" -> SqlType.INTEGER;
            case "bigint", "int8" -> SqlType.BIGINT;
            case "smallint", "int2" -> SqlType.SMALLINT;
            case "text", "varchar" -> SqlType.TEXT;
            case "bool", "boolean" -> SqlType.BOOLEAN;
            case "float8", "float" -> SqlType.DOUBLE;
            case "float4", "real" -> SqlType.REAL;
            case "numeric", "decimal" -> SqlType.NUMERIC;
            case "date" -> SqlType.DATE;
            case "timestamp" -> SqlType.TIMESTAMP;
            case "timestamptz" -> SqlType.TIMESTAMPTZ;
            case "uuid" -> SqlType.UUID;
            case "oid" -> SqlType.OID;
            case "bytea" -> SqlType.BYTEA;
            case "interval" -> SqlType.INTERVAL;
            case "json" -> SqlType.JSON;
            case "jsonb" -> SqlType.JSONB;
            case "time" -> SqlType.TIME;
            default -> null;
        };
        if (type == null || i < sql.length() && (sql.charAt(i) == '(' || sql.charAt(i) == '[')) {
            return null;
        }
        end[0] = i;
        return type;
    }

    private static String calciteTypeName(SqlType type) {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case REAL -> "REAL";
            case NUMERIC -> "DECIMAL";
            case TEXT, UNKNOWN -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
            case TIME -> "TIME";
            case INTERVAL -> "\"interval\"";
            case UUID, BYTEA, JSON, JSONB, OID, REGCLASS -> type.sqlName();
            default -> calciteTypeName(type.element()) + " ARRAY";
        };
    }
}
