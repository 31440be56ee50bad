package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlTrimFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Result column names as PostgreSQL chooses them (FigureColname in parse_target.c): the alias,
 * else the column name, else the function name, else the cast's type name, else "?column?".
 * Calcite would say EXPR$0 and make duplicates unique; PostgreSQL does neither.
 */
final class ColumnNames {

    /** Whether a CAST at a place only carries a parameter's declared type (ParameterRewriter). */
    private final java.util.function.Predicate<org.apache.calcite.sql.parser.SqlParserPos> declaredCast;

    private ColumnNames(java.util.function.Predicate<org.apache.calcite.sql.parser.SqlParserPos> declaredCast) {
        this.declaredCast = declaredCast;
    }

    static List<String> of(SqlNode validated) {
        return of(validated, pos -> false);
    }

    static List<String> of(SqlNode validated, java.util.function.Predicate<org.apache.calcite.sql.parser.SqlParserPos> declaredCast) {
        return new ColumnNames(declaredCast).names(validated);
    }

    private List<String> names(SqlNode validated) {
        SqlNode node = validated;
        while (true) {
            if (node instanceof SqlOrderBy orderBy) {
                node = orderBy.query;
            } else if (node instanceof org.apache.calcite.sql.SqlWith with) {
                node = with.body; // WITH …: the columns of the query after it
            } else if (node.getKind() == SqlKind.UNION || node.getKind() == SqlKind.INTERSECT || node.getKind() == SqlKind.EXCEPT) {
                node = ((SqlCall) node).operand(0); // a set operation's columns are named by its leftmost query
            } else {
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (node instanceof SqlSelect select) {
            List<String> inner = null;
            for (SqlNode item : select.getSelectList()) {
                String name = nameOf(item);
                java.util.regex.Matcher generated = name == null ? null : CALCITE_NAME.matcher(name);
                if (generated != null && generated.matches() && select.getFrom() != null) {
                    // A column of a query in FROM that Calcite named (ORDER BY over a set
                    // operation is validated as SELECT * FROM it): the name PostgreSQL gives it there.
                    SqlNode from = select.getFrom().getKind() == SqlKind.AS ? ((SqlCall) select.getFrom()).operand(0) : select.getFrom();
                    inner = inner != null ? inner : from.getKind().belongsTo(SqlKind.QUERY) ? names(from) : List.of();
                    int at = Integer.parseInt(generated.group(1));
                    if (at < inner.size() && inner.get(at) != null) {
                        name = inner.get(at);
                    }
                }
                names.add(name);
            }
        } else if (node.getKind() == SqlKind.VALUES && ((SqlCall) node).operandCount() > 0
                && ((SqlCall) node).operand(0) instanceof SqlCall row) {
            for (int i = 1; i <= row.operandCount(); i++) {
                names.add("column" + i); // VALUES names its columns column1, column2, … (transformValuesClause)
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern CALCITE_NAME = java.util.regex.Pattern.compile("EXPR\\$(\\d+)");

    private String nameOf(SqlNode item) {
        if (item.getKind() == SqlKind.AS) {
            SqlNode expression = ((SqlCall) item).operand(0);
            SqlIdentifier alias = (SqlIdentifier) ((SqlCall) item).operand(1);
            String name = alias.getSimple();
            // Calcite makes duplicate names unique (SELECT * over a join: id, id0), writing the
            // alias at the expression's own position; PostgreSQL keeps the duplicates.
            if (alias.getParserPosition().equals(expression.getParserPosition())) {
                String figured = figure(expression);
                if (figured != null && name.length() > figured.length() && name.startsWith(figured)
                        && name.substring(figured.length()).chars().allMatch(Character::isDigit)) {
                    return figured;
                }
            }
            return name;
        }
        return figure(item);
    }

    private String figure(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            return id.isStar() ? "?column?" : id.names.get(id.names.size() - 1);
        }
        if (node.getKind() == SqlKind.SCALAR_QUERY) {
            return figure(((SqlCall) node).operand(0));
        }
        if (node.getKind() == SqlKind.SELECT || node.getKind() == SqlKind.ORDER_BY || node.getKind() == SqlKind.UNION
                || node.getKind() == SqlKind.INTERSECT || node.getKind() == SqlKind.EXCEPT) {
            // A scalar subquery is named by its one column (EXPR_SUBLINK in FigureColnameInternal).
            List<String> inner = names(node);
            return inner.isEmpty() || inner.getFirst() == null ? "?column?" : inner.getFirst();
        }
        if (node.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR || node.getKind() == SqlKind.ARRAY_QUERY_CONSTRUCTOR) {
            return "array";
        }
        if (node.getKind() == SqlKind.ITEM || node instanceof SqlCall slice && slice.getOperator() == ArrayFunctions.SLICE) {
            return figure(((SqlCall) node).operand(0)); // a[1] and a[1:2] are named as a
        }
        if (node.getKind() == SqlKind.CASE) {
            return "case"; // SqlCase is a call of its own class, not a SqlBasicCall
        }
        if (node instanceof SqlBasicCall call) {
            SqlKind kind = call.getKind();
            if (kind == SqlKind.EXISTS) {
                return "exists";
            }
            if (kind == SqlKind.OVER) {
                return figure(call.operand(0)); // row_number() OVER (…) is named row_number
            }
            if (kind == SqlKind.FILTER || kind == SqlKind.WITHIN_GROUP) {
                return figure(call.operand(0)); // count(*) FILTER (WHERE …) is named count
            }
            if (call.getOperator() == RegClassLiterals.REGCLASS) {
                return "regclass";
            }
            if (isCast(call) && declaredCast.test(call.getParserPosition())) {
                return "?column?"; // a parameter with its declared type, no cast of the client's
            }
            if (isCast(call)) {
                // A cast keeps its operand's name when that is a real one (a column, a function);
                // else the outermost cast names it: 1.5::float8::text is "text" (FigureColname).
                SqlNode base = call.operand(0);
                while (base instanceof SqlBasicCall inner && isCast(inner)) {
                    base = inner.operand(0);
                }
                String inner = figure(base);
                if (!inner.equals("?column?")) {
                    return inner;
                }
                String castName = call.getOperator().getName().toLowerCase(Locale.ROOT);
                return kind == SqlKind.CAST ? typeName(call.operand(1))
                        : castName.startsWith("_") ? castName.substring(1) : castName; // _int4: a cast to int4[]
            }
            if (call.getOperator().getName().equalsIgnoreCase("ANY_VALUE")) {
                return figure(call.operand(0)); // the validator's wrapper around a GROUP BY ordinal's expression
            }
            if (kind == SqlKind.CASE) {
                return "case";
            }
            if (kind == SqlKind.TRIM && call.operand(0) instanceof SqlLiteral flag) {
                // PostgreSQL's grammar turns trim(…) into a call of btrim, ltrim or rtrim.
                return switch (flag.getValueAs(SqlTrimFunction.Flag.class)) {
                    case LEADING -> "ltrim";
                    case TRAILING -> "rtrim";
                    case BOTH -> "btrim";
                    case null -> "btrim";
                };
            }
            if (call.getOperator().getName().equalsIgnoreCase("LISTAGG") || call.getOperator().getName().equalsIgnoreCase("STRING_AGG")) {
                return "string_agg"; // Calcite's LISTAGG is how it runs string_agg
            }
            if (call.getOperator().getName().equals("TRANSLATE3")) {
                return "translate"; // Calcite's name for the three-argument translate
            }
            if (call.getOperator().getName().equals(dev.amelie.planner.sql.Collations.FUNCTION)) {
                return figure(call.operand(0)); // x COLLATE "C" is named as x
            }
            if (call.getOperator().getName().equals(dev.amelie.planner.sql.JsonOperators.AT_TIME_ZONE)) {
                return "timezone"; // PostgreSQL's grammar makes x AT TIME ZONE z a call of timezone(z, x)
            }
            if (dev.amelie.planner.sql.JsonOperators.isOperatorFunction(call.getOperator().getName())) {
                return "?column?"; // an operator (->, ->>, …) written as a call before parsing
            }
            if (call.getOperator() instanceof org.apache.calcite.sql.SqlAggFunction aggregate
                    && call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.ORDERED_FUNCTION) {
                return aggregate.getName().toLowerCase(Locale.ROOT); // array_agg(x ORDER BY y)
            }
            // current_schema, current_user, session_user, user: named by their keyword, as PostgreSQL's SQLValueFunction.
            if (call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION
                    || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_STAR
                    || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_ID) {
                return call.getOperator().getName().toLowerCase(Locale.ROOT);
            }
        }
        return "?column?";
    }

    /** CAST, and the calls casts to our ANY-typed types and to numeric become (PostgresCasts, UnconstrainedNumeric). */
    private static boolean isCast(SqlBasicCall call) {
        return call.getKind() == SqlKind.CAST || call.getOperator() == UnconstrainedNumeric.NUMERIC
                || call.getOperator() == RegClassLiterals.REGCLASS
                || TypeModifierCasts.isCast(call.getOperator())
                || PostgresCasts.functions().contains(call.getOperator());
    }

    private static String typeName(SqlNode typeSpec) {
        String spec = typeSpec.toString().toLowerCase(Locale.ROOT).replace("`", "");
        if (spec.startsWith("pg_catalog.")) {
            spec = spec.substring("pg_catalog.".length()); // a column is named by the type, not its schema
        }
        return switch (spec) {
            case "integer", "int" -> "int4";
            case "bigint" -> "int8";
            case "smallint" -> "int2";
            case "boolean" -> "bool";
            case "double", "double precision" -> "float8";
            case "real" -> "float4";
            case "varchar" -> "varchar";
            case "timestamp", "timestamp(6)" -> "timestamp";
            case "timestamp with local time zone", "timestamp(6) with local time zone", "timestamp with time zone" -> "timestamptz";
            default -> spec.startsWith("decimal") || spec.startsWith("numeric") ? "numeric" : spec.replace("`", "");
        };
    }
}
