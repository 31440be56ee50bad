package dev.amelie.vm.program;

/**
 * Built-in scalar functions reachable through {@link Opcode#CALL}. The CALL instruction packs
 * the function ordinal and the argument count into one operand: {@code ordinal << 8 | count}.
 *
 * <p>The planner casts every argument to the type of the PostgreSQL signature it chose (say
 * {@code sqrt(double precision)} or {@code sqrt(numeric)}), so an implementation sees Double or
 * BigDecimal, Integer, Long, String as that signature says. Functions outside {@link Area#CORE}
 * run in {@code dev.amelie.vm.function}; a {@link #strict()} one returns NULL when any argument
 * is NULL without being called, as PostgreSQL's STRICT functions do.
 */
public enum Function {
    LOWER, UPPER, LENGTH, ABS, COALESCE(Area.CORE, false),
    /** now(), CURRENT_TIMESTAMP: the transaction's start, the same for all its statements and replays. */
    NOW,
    /** random(): from the statement's own seeded sequence, so that a replay draws the same numbers. */
    RANDOM,
    /** nextval(name), currval(name), setval(name, value[, called]): values a replay gets again. */
    NEXTVAL, CURRVAL, SETVAL,
    /** pg_backend_pid(), pg_cancel_backend(pid), pg_terminate_backend(pid): the session's server state. */
    PG_BACKEND_PID, PG_CANCEL_BACKEND, PG_TERMINATE_BACKEND,
    /** current_setting(name [, missing_ok]), set_config(name, value, is_local): the session's parameters. */
    CURRENT_SETTING, SET_CONFIG(Area.CORE, false),
    /** extract(field from value) / date_part: numeric. */
    EXTRACT,

    // Trigonometric functions in radians and in degrees, hyperbolic functions (float8).
    SIN(Area.TRIG), COS(Area.TRIG), TAN(Area.TRIG), COT(Area.TRIG), ASIN(Area.TRIG), ACOS(Area.TRIG),
    ATAN(Area.TRIG), ATAN2(Area.TRIG), SIND(Area.TRIG), COSD(Area.TRIG), TAND(Area.TRIG), COTD(Area.TRIG),
    ASIND(Area.TRIG), ACOSD(Area.TRIG), ATAND(Area.TRIG), ATAN2D(Area.TRIG), SINH(Area.TRIG), COSH(Area.TRIG),
    TANH(Area.TRIG), ASINH(Area.TRIG), ACOSH(Area.TRIG), ATANH(Area.TRIG), DEGREES(Area.TRIG),
    RADIANS(Area.TRIG), PI(Area.TRIG),

    // Mathematical functions on float8 or numeric (the argument's class tells which).
    CBRT(Area.MATH), EXP(Area.MATH), LN(Area.MATH), LOG10(Area.MATH),
    /** log(base, x): numeric only. */
    LOG(Area.MATH),
    POWER(Area.MATH), SQRT(Area.MATH), SIGN(Area.MATH), TRUNC(Area.MATH), ROUND(Area.MATH), CEIL(Area.MATH),
    FLOOR(Area.MATH), DIV(Area.MATH),
    /** x::numeric(p, s): (numeric, p, s), rounded to s digits, 22003 beyond p digits. */
    NUMERIC_TYPMOD(Area.MATH), GCD(Area.MATH), LCM(Area.MATH), FACTORIAL(Area.MATH),
    /** The integer operators &amp;, |, #, ~, &lt;&lt; and &gt;&gt; on smallint, integer or bigint (the first argument's class tells which). */
    BIT_AND(Area.MATH), BIT_OR(Area.MATH), BIT_XOR(Area.MATH), BIT_NOT(Area.MATH), SHIFT_LEFT(Area.MATH), SHIFT_RIGHT(Area.MATH),

    // String functions.
    /** concat(any, …): NULL arguments are skipped. */
    CONCAT(Area.TEXT, false),
    /** concat_ws(separator, any, …): NULL arguments after the separator are skipped. */
    CONCAT_WS(Area.TEXT, false),
    /** format(formatstr, any, …): NULL arguments format as nothing (%s), NULL (%L) or an error (%I). */
    FORMAT(Area.TEXT, false),
    /** btrim, ltrim, rtrim of text or of bytea (the argument's class tells which). */
    BTRIM(Area.TEXT), LTRIM(Area.TEXT), RTRIM(Area.TEXT), OVERLAY(Area.TEXT), REPEAT(Area.TEXT),
    SPLIT_PART(Area.TEXT), SUBSTR(Area.TEXT), LEFT(Area.TEXT), RIGHT(Area.TEXT), LPAD(Area.TEXT), RPAD(Area.TEXT),
    REVERSE(Area.TEXT), MD5(Area.TEXT), BIT_LENGTH(Area.TEXT), OCTET_LENGTH(Area.TEXT), CHR(Area.TEXT),
    ASCII(Area.TEXT), INITCAP(Area.TEXT), STARTS_WITH(Area.TEXT), STRPOS(Area.TEXT), TRANSLATE(Area.TEXT),
    REPLACE(Area.TEXT),
    /** to_char(timestamp | timestamptz | date | number, format). */
    TO_CHAR(Area.TEXT),
    /**
     * x::varchar(n), x::char(n): the value cut to n characters (char's trailing blanks dropped,
     * see TypeModifiers); (text, n), n -1 when the type has no length.
     */
    VARCHAR_TYPMOD(Area.TEXT), BPCHAR_TYPMOD(Area.TEXT), NAME_TYPMOD(Area.TEXT),
    /** GREATEST(…), LEAST(…): NULL arguments are ignored; NULL only when all are. */
    GREATEST(Area.TEXT, false), LEAST(Area.TEXT, false),

    // POSIX regular expressions.
    /** text LIKE / ILIKE / SIMILAR TO pattern [ESCAPE e]: (text, pattern[, escape]). */
    LIKE(Area.REGEX), ILIKE(Area.REGEX), SIMILAR(Area.REGEX),
    REGEXP_REPLACE(Area.REGEX), REGEXP_COUNT(Area.REGEX), REGEXP_LIKE(Area.REGEX), REGEXP_INSTR(Area.REGEX),
    REGEXP_SUBSTR(Area.REGEX),
    /** regexp_match(text, pattern[, flags]), regexp_split_to_array(text, pattern[, flags]): text[]. */
    REGEXP_MATCH(Area.REGEX), REGEXP_SPLIT_TO_ARRAY(Area.REGEX),
    /** regexp_matches(text, pattern[, flags])'s rows: an array of the matches' text[] (the first only without g). */
    REGEXP_MATCHES(Area.REGEX),
    /** text ~ pattern, ~* (case-insensitive), !~, !~*: POSIX regular-expression match somewhere in the text. */
    REGEX_MATCH(Area.REGEX), REGEX_IMATCH(Area.REGEX), REGEX_NOT_MATCH(Area.REGEX), REGEX_NOT_IMATCH(Area.REGEX),
    /** encode(bytea, format), decode(text, format), convert_from(bytea, encoding), convert_to(text, encoding). */
    ENCODE(Area.BYTEA), DECODE(Area.BYTEA), CONVERT_FROM(Area.BYTEA), CONVERT_TO(Area.BYTEA),
    /** to_hex(int | bigint), quote_literal(text), quote_ident(text). */
    TO_HEX(Area.TEXT), QUOTE_LITERAL(Area.TEXT), QUOTE_IDENT(Area.TEXT),

    // json and jsonb (the left operand's class tells which).
    /** json -> key or index, json ->> key or index (text). */
    JSON_FIELD(Area.JSON), JSON_FIELD_TEXT(Area.JSON),
    /** json #> path, json #>> path: path is a text array written as text '{a,0,b}'. */
    JSON_PATH(Area.JSON), JSON_PATH_TEXT(Area.JSON),
    /** jsonb @> jsonb, jsonb <@ jsonb. */
    JSONB_CONTAINS(Area.JSON), JSONB_CONTAINED(Area.JSON),
    /** jsonb ? key: a top-level key, or a string element of a top-level array. */
    JSONB_EXISTS(Area.JSON),
    JSON_TYPEOF(Area.JSON), JSON_ARRAY_LENGTH(Area.JSON),
    /** json[b]_build_object(k, v, …), json[b]_build_array(v, …): NULL values are JSON nulls. */
    JSON_BUILD_OBJECT(Area.JSON, false), JSONB_BUILD_OBJECT(Area.JSON, false), JSON_BUILD_ARRAY(Area.JSON, false),
    JSONB_BUILD_ARRAY(Area.JSON, false),
    TO_JSON(Area.JSON), TO_JSONB(Area.JSON),
    /** json_agg's and jsonb_agg's results from the collected values (COLLECT); NULL without rows. */
    JSON_AGG_RESULT(Area.JSON, false), JSONB_AGG_RESULT(Area.JSON, false),
    /** json_object_agg's and jsonb_object_agg's results from the collected keys and values, alternating; NULL without rows. */
    JSON_OBJECT_AGG_RESULT(Area.JSON, false), JSONB_OBJECT_AGG_RESULT(Area.JSON, false),
    /** jsonb_pretty(jsonb). */
    JSONB_PRETTY(Area.JSON),
    // Arrays (one-dimensional, lower bound 1).
    /** ARRAY[a, b, …]: NULL elements are kept. */
    ARRAY_BUILD(Area.ARRAY, false),
    /** a[i]: NULL outside the bounds. */
    ARRAY_ELEMENT(Area.ARRAY),
    /** array_length(a, dim), array_upper(a, dim), array_lower(a, dim): NULL for an empty array or another dimension. */
    ARRAY_LENGTH(Area.ARRAY), ARRAY_UPPER(Area.ARRAY), ARRAY_LOWER(Area.ARRAY),
    CARDINALITY(Area.ARRAY),
    /** array_to_string(a, separator[, null text]). */
    ARRAY_TO_STRING(Area.ARRAY),
    /** string_to_array(text, separator[, null text]). */
    STRING_TO_ARRAY(Area.ARRAY, false),
    /** array_append(a, e), array_prepend(e, a), array_cat(a, b): NULL operands count as empty (not strict). */
    ARRAY_APPEND(Area.ARRAY, false), ARRAY_PREPEND(Area.ARRAY, false), ARRAY_CAT(Area.ARRAY, false),
    /** array_position(a, e): the first subscript holding e (IS NOT DISTINCT FROM), or NULL. */
    ARRAY_POSITION(Area.ARRAY, false),
    /** array_remove(a, e). */
    ARRAY_REMOVE(Area.ARRAY, false),
    /** a @> b, a <@ b, a && b. */
    ARRAY_CONTAINS(Area.ARRAY), ARRAY_CONTAINED(Area.ARRAY), ARRAY_OVERLAP(Area.ARRAY),
    /** array_agg's result: the collected values (COLLECT) as an array; NULL without rows. */
    ARRAY_FROM_LIST(Area.ARRAY, false),
    /**
     * e op ANY(a), e op ALL(a) with op '=', '<>', '<', '<=', '>' or '>=' (third argument): as
     * three-valued OR / AND over the elements; an empty array is false / true even for a NULL e.
     */
    ARRAY_ANY(Area.ARRAY, false), ARRAY_ALL(Area.ARRAY, false),
    /**
     * a[lo:hi]: the elements from lo to hi within the bounds, {} when none, lower bound 1;
     * the fourth argument says which bounds were written (1 lower, 2 upper), an omitted one
     * being the array's own; NULL for a NULL array or a NULL written bound.
     */
    ARRAY_SLICE(Area.ARRAY, false),
    /** unnest's i-th element (1-based, in storage order), NULL past the end: its loop's step. */
    UNNEST_ELEMENT(Area.ARRAY),
    /** generate_subscripts(a, dim) as an array: {1, …, n} for dimension 1 of a non-empty array, else NULL. */
    ARRAY_SUBSCRIPTS(Area.ARRAY),

    // Date and time.
    /** date_trunc(unit, timestamp | timestamptz | interval). */
    DATE_TRUNC(Area.DATETIME),
    /** age(a, b): the symbolic difference in years, months, days and time. */
    AGE(Area.DATETIME),
    /** to_timestamp(epoch seconds). */
    TO_TIMESTAMP(Area.DATETIME),
    MAKE_DATE(Area.DATETIME), MAKE_TIMESTAMP(Area.DATETIME),
    JUSTIFY_HOURS(Area.DATETIME), JUSTIFY_DAYS(Area.DATETIME), JUSTIFY_INTERVAL(Area.DATETIME),
    /** timezone(zone, timestamp | timestamptz), and value AT TIME ZONE zone (the operands the other way round). */
    TIMEZONE(Area.DATETIME), AT_TIME_ZONE(Area.DATETIME),

    /** gen_random_uuid(): a version 4 UUID from the statement's random sequence. */
    GEN_RANDOM_UUID,

    // Functions that read or act on the session's state on the server (ServerState#sessionCall).
    /** current_user (also current_role, user) and session_user: the session's current and authenticated role. */
    CURRENT_USER(Area.SESSION), SESSION_USER(Area.SESSION),
    /**
     * Advisory locks (functions-admin.html): session level until unlocked, transaction level
     * (XACT) until the transaction ends; exclusive or SHARED; TRY ones answer at once.
     */
    PG_ADVISORY_LOCK(Area.SESSION), PG_ADVISORY_LOCK_SHARED(Area.SESSION), PG_TRY_ADVISORY_LOCK(Area.SESSION),
    PG_TRY_ADVISORY_LOCK_SHARED(Area.SESSION), PG_ADVISORY_UNLOCK(Area.SESSION), PG_ADVISORY_UNLOCK_SHARED(Area.SESSION),
    PG_ADVISORY_UNLOCK_ALL(Area.SESSION), PG_ADVISORY_XACT_LOCK(Area.SESSION), PG_ADVISORY_XACT_LOCK_SHARED(Area.SESSION),
    PG_TRY_ADVISORY_XACT_LOCK(Area.SESSION), PG_TRY_ADVISORY_XACT_LOCK_SHARED(Area.SESSION),

    // Functions that read the catalog (ServerState#catalogCall), as clients' catalog queries call them.
    PG_TABLE_IS_VISIBLE(Area.CATALOG), PG_TYPE_IS_VISIBLE(Area.CATALOG), PG_FUNCTION_IS_VISIBLE(Area.CATALOG),
    PG_GET_USERBYID(Area.CATALOG), FORMAT_TYPE(Area.CATALOG), PG_GET_INDEXDEF(Area.CATALOG),
    PG_GET_CONSTRAINTDEF(Area.CATALOG), PG_GET_EXPR(Area.CATALOG), PG_GET_VIEWDEF(Area.CATALOG),
    OBJ_DESCRIPTION(Area.CATALOG), COL_DESCRIPTION(Area.CATALOG), SHOBJ_DESCRIPTION(Area.CATALOG),
    PG_ENCODING_TO_CHAR(Area.CATALOG), PG_GET_SERIAL_SEQUENCE(Area.CATALOG), TO_REGCLASS(Area.CATALOG),
    PG_RELATION_IS_PUBLISHABLE(Area.CATALOG), PG_GET_STATISTICSOBJDEF_COLUMNS(Area.CATALOG),
    PG_GET_TRIGGERDEF(Area.CATALOG), PG_GET_PARTKEYDEF(Area.CATALOG), PG_GET_FUNCTION_ARGUMENTS(Area.CATALOG),
    PG_GET_FUNCTION_IDENTITY_ARGUMENTS(Area.CATALOG), PG_GET_FUNCTION_RESULT(Area.CATALOG),
    /** has_*_privilege and pg_has_role: what the session's role may do. */
    HAS_PRIVILEGE(Area.CATALOG),
    /** has_table_privilege and has_schema_privilege: answered from the roles and privileges of the catalog. */
    HAS_TABLE_PRIVILEGE(Area.CATALOG), HAS_SCHEMA_PRIVILEGE(Area.CATALOG),
    PG_TABLE_SIZE(Area.CATALOG), PG_SIZE_PRETTY(Area.CATALOG), VERSION(Area.CATALOG), CURRENT_SCHEMAS(Area.CATALOG),
    PG_IS_IN_RECOVERY(Area.CATALOG),
    /** x::regclass of an OID or a name that is no constant: the relation as the catalog has it now. */
    REGCLASS_OF(Area.CATALOG),
    /** The partitioned tables a relation descends from (pg_partition_ancestors is its unnest): none here. */
    PG_PARTITION_ANCESTRY(Area.CATALOG),
    PG_POSTMASTER_START_TIME(Area.CATALOG),
    /** pg_get_functiondef, pg_get_ruledef: the definition of a function or rule, of which there are none. */
    PG_GET_FUNCTIONDEF(Area.CATALOG), PG_GET_RULEDEF(Area.CATALOG),
    /** pg_tablespace_location: '' for the built-in tablespaces, the only ones. */
    PG_TABLESPACE_LOCATION(Area.CATALOG),
    /** pg_stat_get_numscans: how often an index was scanned; not counted. */
    PG_STAT_GET_NUMSCANS(Area.CATALOG),
    /** pg_database_size(oid | name): the one database's size on disk. */
    PG_DATABASE_SIZE(Area.CATALOG),
    /** current_schema: the first schema of the session's search_path that exists. */
    CURRENT_SCHEMA(Area.CATALOG),
    /** oidvectortypes(oidvector): the types' names, as format_type shows them, separated by ", ". */
    OIDVECTORTYPES(Area.CATALOG);

    /**
     * Where a function is implemented: CORE in the interpreter itself, CATALOG and SESSION by
     * the server (ServerState), the others in vm.function.
     */
    public enum Area { CORE, TRIG, MATH, TEXT, BYTEA, REGEX, JSON, ARRAY, DATETIME, CATALOG, SESSION }

    private static final Function[] VALUES = values();

    private final Area area;
    private final boolean strict;

    Function() {
        this(Area.CORE, true);
    }

    Function(Area area) {
        this(area, area != Area.CATALOG);
    }

    Function(Area area, boolean strict) {
        this.area = area;
        this.strict = strict;
    }

    public Area area() {
        return area;
    }

    /**
     * Whether its value comes from the transaction's fixed time or random numbers (now(),
     * random(), gen_random_uuid()): known only once the transaction has its place in the order.
     */
    public boolean drawsFromTransaction() {
        return this == NOW || this == RANDOM || this == GEN_RANDOM_UUID;
    }

    /** NULL in, NULL out, for any argument (PostgreSQL's STRICT). */
    public boolean strict() {
        return strict;
    }

    public static Function of(int ordinal) {
        return VALUES[ordinal];
    }

    public static int pack(Function function, int argumentCount) {
        return function.ordinal() << 8 | argumentCount;
    }
}
