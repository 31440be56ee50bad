package dev.amelie.planner.error;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Calcite's parse and validation failures into PostgreSQL errors: the SQLSTATE a
 * PostgreSQL client expects, PostgreSQL-like wording, and the error position.
 */
public final class CalciteErrors {
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found.*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9$]*\\s*\\.\\s*[A-Za-z_][A-Za-z_0-9$]*");
    private static final Pattern DUPLICATE_RELATION = Pattern.compile("Duplicate relation name '([^']*)' in FROM clause.*");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found.*");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found in (any table|table '([^']*)').*");
    private static final Pattern UNKNOWN_TARGET_COLUMN = Pattern.compile("Unknown target column '([^']*)'.*");
    private static final Pattern NO_FUNCTION = Pattern.compile("No match found for function signature ([^(]*)\\((.*)\\).*", Pattern.DOTALL);
    private static final Pattern CANNOT_APPLY = Pattern.compile("Cannot apply '([^']*)' to arguments of type '(.*)'.*", Pattern.DOTALL);
    private static final Pattern FUNCTION_ARGUMENTS = Pattern.compile("([a-z_][a-z_0-9]*)\\((.*?)\\)'.*", Pattern.DOTALL);
    /** Babel's select-list alias lookup reports an unknown bare column this way. */
    private static final Pattern DEPENDS_ON_ITSELF = Pattern.compile("The definition of column '([^']*)' depends on itself.*", Pattern.DOTALL);
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous.*");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unknown identifier '([^']*)'.*|Unknown datatype name '([^']*)'.*");

    private CalciteErrors() {}

    public static SqlException fromParse(SqlParseException e, String sql) {
        SqlParserPos pos = e.getPos();
        int position = pos == null ? 0 : offsetOf(sql, pos.getLineNum(), pos.getColumnNum());
        String near = nearToken(sql, position);
        String message = near == null ? "syntax error at end of input" : "syntax error at or near \"" + near + "\"";
        return new SqlException(SqlState.SYNTAX_ERROR, message, null, null, position, e);
    }

    public static SqlException fromValidation(CalciteContextException e, String sql) {
        int position = offsetOf(sql, e.getPosLine(), e.getPosColumn());
        if (e.getCause() instanceof SqlException ours) {
            // Our own error, raised during validation at a node Calcite knows the place of.
            return new SqlException(ours.state(), ours.getMessage(), ours.detail(), ours.hint(), position, ours.context(), e);
        }
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        Matcher qualified = COLUMN_NOT_FOUND.matcher(message);
        if (qualified.matches() && qualified.group(3) != null) {
            // Calcite points at the column, PostgreSQL at the qualifier before it.
            String prefix = qualified.group(3) + ".";
            int at = position - 1 - prefix.length();
            if (at >= 0 && sql.regionMatches(true, at, prefix, 0, prefix.length())) {
                position = at + 1;
            }
        }
        Matcher object = OBJECT_NOT_FOUND.matcher(message);
        if (object.matches() && position > 0) {
            // Calcite names the schema it did not find; PostgreSQL the whole relation name.
            Matcher named = QUALIFIED_NAME.matcher(sql).region(position - 1, sql.length());
            if (named.lookingAt()) {
                return error(SqlState.UNDEFINED_TABLE, "relation \"" + named.group().replaceAll("\\s+", "")
                        .toLowerCase(java.util.Locale.ROOT) + "\" does not exist", position, e);
            }
        }
        return translate(message, position, e);
    }

    public static SqlException translate(String message, int position, Throwable cause) {
        Matcher m;
        if ((m = OBJECT_NOT_FOUND.matcher(message)).matches() || (m = TABLE_NOT_FOUND.matcher(message)).matches()) {
            return error(SqlState.UNDEFINED_TABLE, "relation \"" + m.group(1) + "\" does not exist", position, cause);
        }
        if ((m = DUPLICATE_RELATION.matcher(message)).matches()) {
            return error(SqlState.DUPLICATE_ALIAS, "table name \"" + m.group(1) + "\" specified more than once", 0, cause);
        }
        if ((m = COLUMN_NOT_FOUND.matcher(message)).matches() && m.group(3) != null) {
            return error(SqlState.UNDEFINED_COLUMN, "column " + m.group(3) + "." + m.group(1) + " does not exist", position, cause);
        }
        if ((m = COLUMN_NOT_FOUND.matcher(message)).matches() || (m = UNKNOWN_TARGET_COLUMN.matcher(message)).matches()
                || (m = DEPENDS_ON_ITSELF.matcher(message)).matches()) {
            return error(SqlState.UNDEFINED_COLUMN, "column \"" + m.group(1) + "\" does not exist", position, cause);
        }
        if ((m = AMBIGUOUS.matcher(message)).matches()) {
            return error(SqlState.AMBIGUOUS_COLUMN, "column reference \"" + m.group(1) + "\" is ambiguous", position, cause);
        }
        if ((m = NO_FUNCTION.matcher(message)).matches()) {
            return new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + m.group(1).toLowerCase() + "("
                    + m.group(2).toLowerCase() + ") does not exist", null,
                    "No function matches the given name and argument types. You might need to add explicit type casts.",
                    position, cause);
        }
        if ((m = CANNOT_APPLY.matcher(message)).matches() && m.group(1).equals("$SCALAR_QUERY")) {
            // A scalar subquery of several columns (PostgreSQL's transformSubLink).
            return error(SqlState.SYNTAX_ERROR, "subquery must return only one column", position, cause);
        }
        if ((m = CANNOT_APPLY.matcher(message)).matches()) {
            Matcher function = FUNCTION_ARGUMENTS.matcher(m.group(2).toLowerCase());
            if (m.group(1).matches("[A-Za-z_][A-Za-z_0-9]*") && function.matches()) {
                // A function, not an operator: PostgreSQL's wording, with its type names.
                return new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + function.group(1) + "("
                        + postgresTypeNames(function.group(2)) + ") does not exist", null,
                        "No function matches the given name and argument types. You might need to add explicit type casts.",
                        position, cause);
            }
            boolean prefix = m.group(2).startsWith(m.group(1) + " ");
            return new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + m.group(2).toLowerCase(), null,
                    prefix ? "No operator matches the given name and argument type. You might need to add an explicit type cast."
                            : "No operator matches the given name and argument types. You might need to add explicit type casts.",
                    position, cause);
        }
        if ((m = UNKNOWN_TYPE.matcher(message)).matches()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            return error(SqlState.UNDEFINED_OBJECT, "type \"" + name.toLowerCase() + "\" does not exist", position, cause);
        }
        if (message.contains("Illegal use of dynamic parameter")) {
            return error(SqlState.INDETERMINATE_DATATYPE, "could not determine data type of parameter", position, cause);
        }
        if (message.startsWith("Argument to GROUPING operator must be a grouped expression")) {
            return error(SqlState.GROUPING_ERROR, "arguments to GROUPING must be grouping expressions of the associated query level",
                    position, cause);
        }
        if (message.contains("Expression '") && message.contains("is not being grouped")) {
            return error(SqlState.GROUPING_ERROR, message, position, cause);
        }
        if (message.contains("Number of INSERT target columns") || message.contains("Cannot assign to target field")
                || message.contains("Cannot infer return type")) {
            return error(SqlState.DATATYPE_MISMATCH, message, position, cause);
        }
        return error(SqlState.SYNTAX_ERROR, message, position, cause);
    }

    /** "<integer>, <decimal(3, 1)>" as PostgreSQL names the types: "integer, numeric". */
    private static String postgresTypeNames(String calciteTypes) {
        List<String> names = new ArrayList<>();
        Matcher type = Pattern.compile("<([^>]*)>").matcher(calciteTypes);
        while (type.find()) {
            String t = type.group(1).replaceAll("\\(.*\\)", "").trim();
            names.add(switch (t) {
                case "decimal" -> "numeric";
                case "double", "float" -> "double precision";
                case "real" -> "real";
                case "char", "varchar" -> "text";
                case "timestamp" -> "timestamp without time zone";
                case "timestamp with local time zone" -> "timestamp with time zone";
                default -> t;
            });
        }
        return String.join(", ", names);
    }

    private static SqlException error(SqlState state, String message, int position, Throwable cause) {
        return new SqlException(state, message, null, null, position, cause);
    }

    /** 1-based character offset of (line, column) in sql, 0 if unknown. */
    public static int offsetOf(String sql, int line, int column) {
        if (line <= 0 || column <= 0) {
            return 0;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = sql.indexOf('\n', offset);
            if (newline < 0) {
                return 0;
            }
            offset = newline + 1;
        }
        return Math.min(offset + column, sql.length() + 1);
    }

    private static String nearToken(String sql, int position) {
        if (position <= 0 || position > sql.length()) {
            return null;
        }
        int start = position - 1;
        int end = start + 1;
        if (Character.isLetterOrDigit(sql.charAt(start)) || sql.charAt(start) == '_') {
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
        }
        return sql.substring(start, end);
    }
}
