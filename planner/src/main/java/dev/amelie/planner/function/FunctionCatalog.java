package dev.amelie.planner.function;

import dev.amelie.vm.program.Function;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.util.ArrayList;
import java.util.List;

import static dev.amelie.vm.type.SqlType.BIGINT;
import static dev.amelie.vm.type.SqlType.BOOLEAN;
import static dev.amelie.vm.type.SqlType.DOUBLE;
import static dev.amelie.vm.type.SqlType.INTEGER;
import static dev.amelie.vm.type.SqlType.NUMERIC;
import static dev.amelie.vm.type.SqlType.TEXT;
import static dev.amelie.vm.type.SqlType.UNKNOWN;

/**
 * PostgreSQL 15's built-in math, trigonometric, string and regular-expression functions with
 * their pg_proc signatures (\df in psql). Listed ahead of Calcite's operators, so that a name
 * both know is PostgreSQL's here. Functions with a syntax of their own (TRIM, POSITION,
 * SUBSTRING, OVERLAY, CEIL, FLOOR) are Calcite's parse and are lowered by kind.
 *
 * <p>Not here: the set-returning functions (GenerateSeries, RegexpMatches); string_to_array and
 * the other array functions, lowered by name.
 */
public final class FunctionCatalog {
    private FunctionCatalog() {}

    private static final List<SqlOperator> FUNCTIONS = new ArrayList<>();

    static {
        for (String name : List.of("sin", "cos", "tan", "cot", "asin", "acos", "atan", "sind", "cosd", "tand", "cotd",
                "asind", "acosd", "atand", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "degrees", "radians", "cbrt")) {
            numeric(name, Signature.of(Function.valueOf(name.toUpperCase()), DOUBLE, DOUBLE));
        }
        numeric("atan2", Signature.of(Function.ATAN2, DOUBLE, DOUBLE, DOUBLE));
        numeric("atan2d", Signature.of(Function.ATAN2D, DOUBLE, DOUBLE, DOUBLE));
        numeric("pi", Signature.of(Function.PI, DOUBLE));

        for (String name : List.of("exp", "ln", "log10", "sqrt", "sign")) {
            Function function = Function.valueOf(name.toUpperCase());
            numeric(name, Signature.of(function, DOUBLE, DOUBLE), Signature.of(function, NUMERIC, NUMERIC));
        }
        numeric("log", Signature.of(Function.LOG10, DOUBLE, DOUBLE), Signature.of(Function.LOG10, NUMERIC, NUMERIC),
                Signature.of(Function.LOG, NUMERIC, NUMERIC, NUMERIC));
        for (String name : List.of("power", "pow", "power_op")) { // power_op: the ^ operator (JsonOperators)
            numeric(name, Signature.of(Function.POWER, DOUBLE, DOUBLE, DOUBLE),
                    Signature.of(Function.POWER, NUMERIC, NUMERIC, NUMERIC));
        }
        for (Function function : List.of(Function.TRUNC, Function.ROUND)) {
            numeric(function.name().toLowerCase(), Signature.of(function, DOUBLE, DOUBLE), Signature.of(function, NUMERIC, NUMERIC),
                    Signature.of(function, NUMERIC, NUMERIC, INTEGER));
        }
        numeric("div", Signature.of(Function.DIV, NUMERIC, NUMERIC, NUMERIC));
        for (Function function : List.of(Function.GCD, Function.LCM)) {
            numeric(function.name().toLowerCase(), Signature.of(function, INTEGER, INTEGER, INTEGER),
                    Signature.of(function, BIGINT, BIGINT, BIGINT), Signature.of(function, NUMERIC, NUMERIC, NUMERIC));
        }
        numeric("factorial", Signature.of(Function.FACTORIAL, NUMERIC, BIGINT));
        // The operators GenericOperators turns into calls: &, |, #, ~, <<, >>, |/, ||/, @.
        List<SqlType> integers = List.of(SqlType.SMALLINT, INTEGER, BIGINT);
        for (Function function : List.of(Function.BIT_AND, Function.BIT_OR, Function.BIT_XOR)) {
            numeric(function.name().toLowerCase() + "_op",
                    integers.stream().map(type -> Signature.of(function, type, type, type)).toArray(Signature[]::new));
        }
        numeric("bit_not_op", integers.stream().map(type -> Signature.of(Function.BIT_NOT, type, type)).toArray(Signature[]::new));
        numeric("shift_left_op", integers.stream().map(type -> Signature.of(Function.SHIFT_LEFT, type, type, INTEGER))
                .toArray(Signature[]::new));
        numeric("shift_right_op", integers.stream().map(type -> Signature.of(Function.SHIFT_RIGHT, type, type, INTEGER))
                .toArray(Signature[]::new));
        numeric("sqrt_op", Signature.of(Function.SQRT, DOUBLE, DOUBLE));
        numeric("cbrt_op", Signature.of(Function.CBRT, DOUBLE, DOUBLE));
        numeric("abs_op", Signature.of(Function.ABS, SqlType.SMALLINT, SqlType.SMALLINT), Signature.of(Function.ABS, INTEGER, INTEGER),
                Signature.of(Function.ABS, BIGINT, BIGINT), Signature.of(Function.ABS, SqlType.REAL, SqlType.REAL),
                Signature.of(Function.ABS, DOUBLE, DOUBLE), Signature.of(Function.ABS, NUMERIC, NUMERIC));

        string("concat", Signature.variadic(Function.CONCAT, TEXT, UNKNOWN));
        string("concat_ws", Signature.variadic(Function.CONCAT_WS, TEXT, TEXT, UNKNOWN));
        string("format", Signature.of(Function.FORMAT, TEXT, TEXT), Signature.variadic(Function.FORMAT, TEXT, TEXT, UNKNOWN));
        for (Function function : List.of(Function.BTRIM, Function.LTRIM, Function.RTRIM)) {
            string(function.name().toLowerCase(), Signature.of(function, TEXT, TEXT), Signature.of(function, TEXT, TEXT, TEXT),
                    Signature.of(function, SqlType.BYTEA, SqlType.BYTEA, SqlType.BYTEA));
        }
        string("encode", Signature.of(Function.ENCODE, TEXT, SqlType.BYTEA, TEXT));
        string("decode", Signature.of(Function.DECODE, SqlType.BYTEA, TEXT, TEXT));
        string("convert_from", Signature.of(Function.CONVERT_FROM, TEXT, SqlType.BYTEA, TEXT));
        string("convert_to", Signature.of(Function.CONVERT_TO, SqlType.BYTEA, TEXT, TEXT));
        string("repeat", Signature.of(Function.REPEAT, TEXT, TEXT, INTEGER));
        string("split_part", Signature.of(Function.SPLIT_PART, TEXT, TEXT, TEXT, INTEGER));
        string("substr", Signature.of(Function.SUBSTR, TEXT, TEXT, INTEGER), Signature.of(Function.SUBSTR, TEXT, TEXT, INTEGER, INTEGER));
        string("left", Signature.of(Function.LEFT, TEXT, TEXT, INTEGER));
        string("right", Signature.of(Function.RIGHT, TEXT, TEXT, INTEGER));
        for (Function function : List.of(Function.LPAD, Function.RPAD)) {
            string(function.name().toLowerCase(), Signature.of(function, TEXT, TEXT, INTEGER),
                    Signature.of(function, TEXT, TEXT, INTEGER, TEXT));
        }
        string("md5", Signature.of(Function.MD5, TEXT, TEXT), Signature.of(Function.MD5, TEXT, SqlType.BYTEA));
        for (Function function : List.of(Function.REVERSE, Function.INITCAP)) {
            string(function.name().toLowerCase(), Signature.of(function, TEXT, TEXT));
        }
        string("bit_length", Signature.of(Function.BIT_LENGTH, INTEGER, TEXT), Signature.of(Function.BIT_LENGTH, INTEGER, SqlType.BYTEA));
        string("octet_length", Signature.of(Function.OCTET_LENGTH, INTEGER, TEXT),
                Signature.of(Function.OCTET_LENGTH, INTEGER, SqlType.BYTEA));
        string("chr", Signature.of(Function.CHR, TEXT, INTEGER));
        string("ascii", Signature.of(Function.ASCII, INTEGER, TEXT));
        string("starts_with", Signature.of(Function.STARTS_WITH, BOOLEAN, TEXT, TEXT));
        string("strpos", Signature.of(Function.STRPOS, INTEGER, TEXT, TEXT));
        string("translate", Signature.of(Function.TRANSLATE, TEXT, TEXT, TEXT, TEXT));
        string("replace", Signature.of(Function.REPLACE, TEXT, TEXT, TEXT, TEXT));
        string("to_char", Signature.of(Function.TO_CHAR, TEXT, SqlType.TIMESTAMP, TEXT),
                Signature.of(Function.TO_CHAR, TEXT, SqlType.TIMESTAMPTZ, TEXT), Signature.of(Function.TO_CHAR, TEXT, SqlType.INTERVAL, TEXT),
                Signature.of(Function.TO_CHAR, TEXT, INTEGER, TEXT), Signature.of(Function.TO_CHAR, TEXT, BIGINT, TEXT),
                Signature.of(Function.TO_CHAR, TEXT, NUMERIC, TEXT), Signature.of(Function.TO_CHAR, TEXT, DOUBLE, TEXT));
        add("greatest", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.COMMON_TYPE,
                Signature.variadic(Function.GREATEST, UNKNOWN, UNKNOWN));
        add("least", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.COMMON_TYPE,
                Signature.variadic(Function.LEAST, UNKNOWN, UNKNOWN));

        string("regexp_replace", Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT),
                Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT, TEXT),
                Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT, INTEGER),
                Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT, INTEGER, INTEGER),
                Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT, INTEGER, INTEGER, TEXT));
        string("regexp_count", Signature.of(Function.REGEXP_COUNT, INTEGER, TEXT, TEXT),
                Signature.of(Function.REGEXP_COUNT, INTEGER, TEXT, TEXT, INTEGER),
                Signature.of(Function.REGEXP_COUNT, INTEGER, TEXT, TEXT, INTEGER, TEXT));
        for (Function match : List.of(Function.REGEX_MATCH, Function.REGEX_IMATCH, Function.REGEX_NOT_MATCH, Function.REGEX_NOT_IMATCH)) {
            // what ~, ~*, !~ and !~* become before Calcite parses (JsonOperators)
            string(match.name().toLowerCase().replace("regex_", "regex_op_"), Signature.of(match, BOOLEAN, TEXT, TEXT));
        }
        string("to_hex", Signature.of(Function.TO_HEX, TEXT, INTEGER), Signature.of(Function.TO_HEX, TEXT, BIGINT));
        string("quote_literal", Signature.of(Function.QUOTE_LITERAL, TEXT, TEXT));
        string("quote_ident", Signature.of(Function.QUOTE_IDENT, TEXT, TEXT));
        for (Function function : List.of(Function.REGEXP_MATCH, Function.REGEXP_SPLIT_TO_ARRAY)) {
            string(function.name().toLowerCase(), Signature.of(function, SqlType.TEXT_ARRAY, TEXT, TEXT),
                    Signature.of(function, SqlType.TEXT_ARRAY, TEXT, TEXT, TEXT));
        }
        string("regexp_like", Signature.of(Function.REGEXP_LIKE, BOOLEAN, TEXT, TEXT),
                Signature.of(Function.REGEXP_LIKE, BOOLEAN, TEXT, TEXT, TEXT));
        List<SqlType> instr = List.of(TEXT, TEXT, INTEGER, INTEGER, INTEGER, TEXT, INTEGER);
        List<SqlType> substr = List.of(TEXT, TEXT, INTEGER, INTEGER, TEXT, INTEGER);
        string("regexp_instr", prefixes(Function.REGEXP_INSTR, INTEGER, instr));
        string("regexp_substr", prefixes(Function.REGEXP_SUBSTR, TEXT, substr));

        json();
        dateTime();
        catalog();

        // x COLLATE "C" for an x that is no string constant (Collations): text as it is, nothing else.
        add(dev.amelie.planner.sql.Collations.FUNCTION, SqlFunctionCategory.STRING, PostgresFunction.Kind.SIGNATURE,
                Signature.of(null, TEXT, TEXT));
        // current_database(): the one database's name, a constant (ExpressionLowering).
        add("current_database", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, Signature.of(null, TEXT));
        add("pg_typeof", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.TYPE_NAME, Signature.of(null, TEXT, UNKNOWN));
    }

    /**
     * The json and jsonb functions, and the functions their operators (->, ->>, #>, #>>, @>, <@)
     * become before Calcite parses ({@link dev.amelie.planner.sql.JsonOperators}): jsonb's
     * signatures first, so an untyped literal on the left is read as jsonb.
     */
    private static void json() {
        SqlType json = SqlType.JSON;
        SqlType jsonb = SqlType.JSONB;
        add("json_op_field", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_FIELD, jsonb, jsonb, TEXT), Signature.of(Function.JSON_FIELD, jsonb, jsonb, INTEGER),
                Signature.of(Function.JSON_FIELD, json, json, TEXT), Signature.of(Function.JSON_FIELD, json, json, INTEGER));
        add("json_op_field_text", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_FIELD_TEXT, TEXT, jsonb, TEXT), Signature.of(Function.JSON_FIELD_TEXT, TEXT, jsonb, INTEGER),
                Signature.of(Function.JSON_FIELD_TEXT, TEXT, json, TEXT), Signature.of(Function.JSON_FIELD_TEXT, TEXT, json, INTEGER));
        add("json_op_path", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_PATH, jsonb, jsonb, TEXT), Signature.of(Function.JSON_PATH, json, json, TEXT));
        add("json_op_path_text", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_PATH_TEXT, TEXT, jsonb, TEXT), Signature.of(Function.JSON_PATH_TEXT, TEXT, json, TEXT));
        List<Signature> contains = new ArrayList<>(List.of(Signature.of(Function.JSONB_CONTAINS, BOOLEAN, jsonb, jsonb)));
        List<Signature> contained = new ArrayList<>(List.of(Signature.of(Function.JSONB_CONTAINED, BOOLEAN, jsonb, jsonb)));
        List<Signature> overlap = new ArrayList<>();
        for (SqlType type : SqlType.values()) {
            if (type.isArray()) {
                contains.add(Signature.of(Function.ARRAY_CONTAINS, BOOLEAN, type, type));
                contained.add(Signature.of(Function.ARRAY_CONTAINED, BOOLEAN, type, type));
                overlap.add(Signature.of(Function.ARRAY_OVERLAP, BOOLEAN, type, type));
            }
        }
        add("json_op_contains", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, contains.toArray(Signature[]::new));
        add("json_op_contained", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, contained.toArray(Signature[]::new));
        add("array_op_overlap", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, overlap.toArray(Signature[]::new));
        add("jsonb_exists", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSONB_EXISTS, BOOLEAN, jsonb, TEXT));
        add("jsonb_typeof", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, Signature.of(Function.JSON_TYPEOF, TEXT, jsonb));
        add("json_typeof", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, Signature.of(Function.JSON_TYPEOF, TEXT, json));
        add("jsonb_array_length", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_ARRAY_LENGTH, INTEGER, jsonb));
        add("json_array_length", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_ARRAY_LENGTH, INTEGER, json));
        add("jsonb_pretty", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, Signature.of(Function.JSONB_PRETTY, TEXT, jsonb));
        add("json_build_object", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_BUILD_OBJECT, json), Signature.variadic(Function.JSON_BUILD_OBJECT, json, UNKNOWN));
        add("jsonb_build_object", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSONB_BUILD_OBJECT, jsonb), Signature.variadic(Function.JSONB_BUILD_OBJECT, jsonb, UNKNOWN));
        add("json_build_array", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSON_BUILD_ARRAY, json), Signature.variadic(Function.JSON_BUILD_ARRAY, json, UNKNOWN));
        add("jsonb_build_array", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.JSONB_BUILD_ARRAY, jsonb), Signature.variadic(Function.JSONB_BUILD_ARRAY, jsonb, UNKNOWN));
        add("to_json", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, Signature.of(Function.TO_JSON, json, UNKNOWN));
        add("to_jsonb", SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, Signature.of(Function.TO_JSONB, jsonb, UNKNOWN));
    }

    /** Date and time functions (a date argument becomes a timestamptz, PostgreSQL's preferred type of the category). */
    private static void dateTime() {
        SqlType timestamp = SqlType.TIMESTAMP;
        SqlType timestamptz = SqlType.TIMESTAMPTZ;
        SqlType interval = SqlType.INTERVAL;
        add("date_trunc", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.DATE_TRUNC, timestamp, TEXT, timestamp),
                Signature.of(Function.DATE_TRUNC, timestamptz, TEXT, timestamptz),
                Signature.of(Function.DATE_TRUNC, interval, TEXT, interval),
                Signature.of(Function.DATE_TRUNC, timestamptz, TEXT, timestamptz, TEXT));
        // date(x): PostgreSQL's function-style cast to a type's name (a signature without a VM function).
        add("date", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(null, SqlType.DATE, TEXT), Signature.of(null, SqlType.DATE, timestamp),
                Signature.of(null, SqlType.DATE, timestamptz), Signature.of(null, SqlType.DATE, SqlType.DATE));
        add("age", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.AGE, interval, timestamp, timestamp),
                Signature.of(Function.AGE, interval, timestamptz, timestamptz));
        add("to_timestamp", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.TO_TIMESTAMP, timestamptz, DOUBLE));
        add("make_date", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.MAKE_DATE, SqlType.DATE, INTEGER, INTEGER, INTEGER));
        add("make_timestamp", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.MAKE_TIMESTAMP, timestamp, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, DOUBLE));
        add("timezone", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.TIMEZONE, timestamp, TEXT, timestamptz),
                Signature.of(Function.TIMEZONE, timestamptz, TEXT, timestamp));
        // x AT TIME ZONE z, which becomes at_time_zone_op(x, z) before Calcite parses (JsonOperators)
        add("at_time_zone_op", SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                Signature.of(Function.AT_TIME_ZONE, timestamp, timestamptz, TEXT),
                Signature.of(Function.AT_TIME_ZONE, timestamptz, timestamp, TEXT));
        for (Function justify : List.of(Function.JUSTIFY_HOURS, Function.JUSTIFY_DAYS, Function.JUSTIFY_INTERVAL)) {
            add(justify.name().toLowerCase(), SqlFunctionCategory.TIMEDATE, PostgresFunction.Kind.SIGNATURE,
                    Signature.of(justify, interval, interval));
        }
    }

    /**
     * The functions clients' catalog queries call (psql's \d, pgjdbc's DatabaseMetaData, ORMs'
     * introspection), answered from the catalog when the statement runs ({@code ServerState#catalogCall}).
     */
    private static void catalog() {
        SqlType oid = SqlType.OID;
        system("pg_table_is_visible", Signature.of(Function.PG_TABLE_IS_VISIBLE, BOOLEAN, oid));
        system("pg_type_is_visible", Signature.of(Function.PG_TYPE_IS_VISIBLE, BOOLEAN, oid));
        system("pg_function_is_visible", Signature.of(Function.PG_FUNCTION_IS_VISIBLE, BOOLEAN, oid));
        system("pg_get_userbyid", Signature.of(Function.PG_GET_USERBYID, TEXT, oid));
        system("format_type", Signature.of(Function.FORMAT_TYPE, TEXT, oid, INTEGER));
        system("pg_get_indexdef", Signature.of(Function.PG_GET_INDEXDEF, TEXT, oid),
                Signature.of(Function.PG_GET_INDEXDEF, TEXT, oid, INTEGER, BOOLEAN));
        system("pg_get_constraintdef", Signature.of(Function.PG_GET_CONSTRAINTDEF, TEXT, oid),
                Signature.of(Function.PG_GET_CONSTRAINTDEF, TEXT, oid, BOOLEAN));
        system("pg_get_expr", Signature.of(Function.PG_GET_EXPR, TEXT, TEXT, oid),
                Signature.of(Function.PG_GET_EXPR, TEXT, TEXT, oid, BOOLEAN));
        system("pg_get_viewdef", Signature.of(Function.PG_GET_VIEWDEF, TEXT, oid),
                Signature.of(Function.PG_GET_VIEWDEF, TEXT, oid, BOOLEAN), Signature.of(Function.PG_GET_VIEWDEF, TEXT, oid, INTEGER),
                Signature.of(Function.PG_GET_VIEWDEF, TEXT, TEXT), Signature.of(Function.PG_GET_VIEWDEF, TEXT, TEXT, BOOLEAN));
        system("obj_description", Signature.of(Function.OBJ_DESCRIPTION, TEXT, oid),
                Signature.of(Function.OBJ_DESCRIPTION, TEXT, oid, TEXT));
        system("col_description", Signature.of(Function.COL_DESCRIPTION, TEXT, oid, INTEGER));
        system("shobj_description", Signature.of(Function.SHOBJ_DESCRIPTION, TEXT, oid, TEXT));
        system("pg_encoding_to_char", Signature.of(Function.PG_ENCODING_TO_CHAR, TEXT, INTEGER));
        system("pg_get_serial_sequence", Signature.of(Function.PG_GET_SERIAL_SEQUENCE, TEXT, TEXT, TEXT));
        system("to_regclass", Signature.of(Function.TO_REGCLASS, SqlType.REGCLASS, TEXT));
        system("pg_relation_is_publishable", Signature.of(Function.PG_RELATION_IS_PUBLISHABLE, BOOLEAN, oid));
        system("pg_get_statisticsobjdef_columns", Signature.of(Function.PG_GET_STATISTICSOBJDEF_COLUMNS, TEXT, oid));
        system("pg_get_triggerdef", Signature.of(Function.PG_GET_TRIGGERDEF, TEXT, oid),
                Signature.of(Function.PG_GET_TRIGGERDEF, TEXT, oid, BOOLEAN));
        system("pg_get_partkeydef", Signature.of(Function.PG_GET_PARTKEYDEF, TEXT, oid));
        system("pg_get_function_arguments", Signature.of(Function.PG_GET_FUNCTION_ARGUMENTS, TEXT, oid));
        system("pg_get_function_identity_arguments", Signature.of(Function.PG_GET_FUNCTION_IDENTITY_ARGUMENTS, TEXT, oid));
        system("pg_get_function_result", Signature.of(Function.PG_GET_FUNCTION_RESULT, TEXT, oid));
        system("has_table_privilege", Signature.of(Function.HAS_TABLE_PRIVILEGE, BOOLEAN, UNKNOWN, TEXT),
                Signature.of(Function.HAS_TABLE_PRIVILEGE, BOOLEAN, UNKNOWN, UNKNOWN, TEXT));
        system("has_schema_privilege", Signature.of(Function.HAS_SCHEMA_PRIVILEGE, BOOLEAN, UNKNOWN, TEXT),
                Signature.of(Function.HAS_SCHEMA_PRIVILEGE, BOOLEAN, UNKNOWN, UNKNOWN, TEXT));
        for (String name : List.of("has_database_privilege",
                "has_sequence_privilege", "has_function_privilege", "has_any_column_privilege", "pg_has_role",
                "has_tablespace_privilege", "has_foreign_data_wrapper_privilege", "has_server_privilege",
                "has_language_privilege", "has_type_privilege")) {
            system(name, Signature.of(Function.HAS_PRIVILEGE, BOOLEAN, UNKNOWN, TEXT),
                    Signature.of(Function.HAS_PRIVILEGE, BOOLEAN, UNKNOWN, UNKNOWN, TEXT));
        }
        system("has_column_privilege", Signature.of(Function.HAS_PRIVILEGE, BOOLEAN, UNKNOWN, UNKNOWN, TEXT),
                Signature.of(Function.HAS_PRIVILEGE, BOOLEAN, UNKNOWN, UNKNOWN, UNKNOWN, TEXT));
        for (String name : List.of("pg_table_size", "pg_relation_size", "pg_total_relation_size", "pg_indexes_size")) {
            system(name, Signature.of(Function.PG_TABLE_SIZE, BIGINT, oid));
        }
        system("pg_size_pretty", Signature.of(Function.PG_SIZE_PRETTY, TEXT, BIGINT), Signature.of(Function.PG_SIZE_PRETTY, TEXT, NUMERIC));
        system("version", Signature.of(Function.VERSION, TEXT));
        system("current_schemas", Signature.of(Function.CURRENT_SCHEMAS, SqlType.TEXT_ARRAY, BOOLEAN));
        system("pg_partition_ancestry", Signature.of(Function.PG_PARTITION_ANCESTRY, SqlType.OID_ARRAY, oid));
        system("pg_is_in_recovery", Signature.of(Function.PG_IS_IN_RECOVERY, BOOLEAN));
        system("pg_postmaster_start_time", Signature.of(Function.PG_POSTMASTER_START_TIME, SqlType.TIMESTAMPTZ));
        system("pg_get_functiondef", Signature.of(Function.PG_GET_FUNCTIONDEF, TEXT, oid));
        system("pg_get_ruledef", Signature.of(Function.PG_GET_RULEDEF, TEXT, oid),
                Signature.of(Function.PG_GET_RULEDEF, TEXT, oid, BOOLEAN));
        system("pg_tablespace_location", Signature.of(Function.PG_TABLESPACE_LOCATION, TEXT, oid));
        system("pg_stat_get_numscans", Signature.of(Function.PG_STAT_GET_NUMSCANS, BIGINT, oid));
        system("pg_database_size", Signature.of(Function.PG_DATABASE_SIZE, BIGINT, oid),
                Signature.of(Function.PG_DATABASE_SIZE, BIGINT, TEXT));
        system("current_schema", Signature.of(Function.CURRENT_SCHEMA, TEXT));
        system("oidvectortypes", Signature.of(Function.OIDVECTORTYPES, TEXT, SqlType.OID_ARRAY));
        advisoryLocks();
    }

    /**
     * The advisory lock functions (ServerState#sessionCall): a bigint key or two integer keys.
     * The waiting and unlock_all ones return void in PostgreSQL; here text, always NULL, which
     * clients show alike.
     */
    private static void advisoryLocks() {
        for (Function function : List.of(Function.PG_ADVISORY_LOCK, Function.PG_ADVISORY_LOCK_SHARED,
                Function.PG_ADVISORY_XACT_LOCK, Function.PG_ADVISORY_XACT_LOCK_SHARED)) {
            system(function.name().toLowerCase(java.util.Locale.ROOT), Signature.of(function, TEXT, BIGINT),
                    Signature.of(function, TEXT, INTEGER, INTEGER));
        }
        for (Function function : List.of(Function.PG_TRY_ADVISORY_LOCK, Function.PG_TRY_ADVISORY_LOCK_SHARED,
                Function.PG_TRY_ADVISORY_XACT_LOCK, Function.PG_TRY_ADVISORY_XACT_LOCK_SHARED,
                Function.PG_ADVISORY_UNLOCK, Function.PG_ADVISORY_UNLOCK_SHARED)) {
            system(function.name().toLowerCase(java.util.Locale.ROOT), Signature.of(function, BOOLEAN, BIGINT),
                    Signature.of(function, BOOLEAN, INTEGER, INTEGER));
        }
        system("pg_advisory_unlock_all", Signature.of(Function.PG_ADVISORY_UNLOCK_ALL, TEXT));
    }

    private static void system(String name, Signature... signatures) {
        add(name, SqlFunctionCategory.SYSTEM, PostgresFunction.Kind.SIGNATURE, signatures);
    }

    public static final SqlOperatorTable TABLE = SqlOperatorTables.of(FUNCTIONS);

    /** Every function with its signatures, for pg_proc. */
    public static List<PostgresFunction> functions() {
        List<PostgresFunction> functions = new ArrayList<>();
        for (SqlOperator operator : FUNCTIONS) {
            if (operator instanceof PostgresFunction function && !function.getName().endsWith("_op")
                    && !function.getName().startsWith("amelie_") && !function.getName().contains("_op_")) {
                functions.add(function);
            }
        }
        return functions;
    }

    private static void numeric(String name, Signature... signatures) {
        add(name, SqlFunctionCategory.NUMERIC, PostgresFunction.Kind.SIGNATURE, signatures);
    }

    private static void string(String name, Signature... signatures) {
        add(name, SqlFunctionCategory.STRING, PostgresFunction.Kind.SIGNATURE, signatures);
    }

    private static void add(String name, SqlFunctionCategory category, PostgresFunction.Kind kind, Signature... signatures) {
        FUNCTIONS.add(new PostgresFunction(name, category, kind, List.of(signatures)));
    }

    /** The signatures taking the first 2, 3, … of the parameters (PostgreSQL's optional trailing arguments). */
    private static Signature[] prefixes(Function function, SqlType result, List<SqlType> parameters) {
        Signature[] signatures = new Signature[parameters.size() - 1];
        for (int n = 2; n <= parameters.size(); n++) {
            signatures[n - 2] = new Signature(parameters.subList(0, n), false, result, function);
        }
        return signatures;
    }
}
