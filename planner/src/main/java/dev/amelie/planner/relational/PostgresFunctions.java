package dev.amelie.planner.relational;

import dev.amelie.planner.function.FunctionCatalog;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * PostgreSQL functions that neither Calcite's standard operators nor its PostgreSQL library
 * define. Their behaviour is the lowering's (ExpressionLowering), by name. Names are lower case:
 * the parser folds unquoted names to lower case, as PostgreSQL does.
 */
final class PostgresFunctions {
    private PostgresFunctions() {}

    /** now(): the transaction's start as timestamptz. Not deterministic: plans must not fold it. */
    static final SqlFunction NOW = nonDeterministic("now",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6), SqlFunctionCategory.TIMEDATE);

    /** random(): double precision in [0, 1). */
    static final SqlFunction RANDOM = nonDeterministic("random",
            ReturnTypes.explicit(SqlTypeName.DOUBLE), SqlFunctionCategory.NUMERIC);

    /** gen_random_uuid(): a version 4 UUID. Not deterministic: each call draws anew. */
    static final SqlFunction GEN_RANDOM_UUID = nonDeterministic("gen_random_uuid",
            binding -> dev.amelie.planner.catalog.PostgresSqlType.create(binding.getTypeFactory(), dev.amelie.vm.type.SqlType.UUID),
            SqlFunctionCategory.SYSTEM);

    /** nextval('name'), currval('name'): bigint; the name is text (PostgreSQL's regclass). */
    static final SqlFunction NEXTVAL = nonDeterministic("nextval", ReturnTypes.BIGINT, SqlFunctionCategory.SYSTEM,
            OperandTypes.STRING);
    static final SqlFunction CURRVAL = nonDeterministic("currval", ReturnTypes.BIGINT, SqlFunctionCategory.SYSTEM,
            OperandTypes.STRING);

    /** setval('name', value [, is_called]). */
    static final SqlFunction SETVAL = nonDeterministic("setval", ReturnTypes.BIGINT, SqlFunctionCategory.SYSTEM,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.BOOLEAN)));

    /**
     * pg_backend_pid(): the session's process id (as BackendKeyData and pg_stat_activity.pid);
     * pg_cancel_backend(pid), pg_terminate_backend(pid [, timeout]): act on another session.
     */
    static final SqlFunction PG_BACKEND_PID = nonDeterministic("pg_backend_pid", ReturnTypes.INTEGER,
            SqlFunctionCategory.SYSTEM);
    static final SqlFunction PG_CANCEL_BACKEND = nonDeterministic("pg_cancel_backend", ReturnTypes.BOOLEAN_NULLABLE,
            SqlFunctionCategory.SYSTEM, OperandTypes.family(SqlTypeFamily.INTEGER));
    static final SqlFunction PG_TERMINATE_BACKEND = nonDeterministic("pg_terminate_backend", ReturnTypes.BOOLEAN_NULLABLE,
            SqlFunctionCategory.SYSTEM, OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)));

    /**
     * current_setting(name [, missing_ok]) and set_config(name, value, is_local): the session's
     * parameters, as SHOW and SET see them. Not deterministic: they read or change the session.
     */
    static final SqlFunction CURRENT_SETTING = nonDeterministic("current_setting", ReturnTypes.VARCHAR_NULLABLE,
            SqlFunctionCategory.SYSTEM, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN)));
    static final SqlFunction SET_CONFIG = nonDeterministic("set_config", ReturnTypes.explicit(SqlTypeName.VARCHAR),
            SqlFunctionCategory.SYSTEM, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN));

    /** length(text): characters, as char_length. */
    static final SqlFunction LENGTH = new SqlFunction("length", SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER_NULLABLE,
            null, OperandTypes.CHARACTER, SqlFunctionCategory.STRING);

    /**
     * bool_and / bool_or: the least and the greatest boolean of the group. Calcite's PostgreSQL
     * library has them under upper-case names, which our lower-casing lookup does not reach.
     */
    static final org.apache.calcite.sql.SqlAggFunction BOOL_AND =
            new org.apache.calcite.sql.fun.SqlMinMaxAggFunction("bool_and", SqlKind.MIN, OperandTypes.BOOLEAN);
    static final org.apache.calcite.sql.SqlAggFunction BOOL_OR =
            new org.apache.calcite.sql.fun.SqlMinMaxAggFunction("bool_or", SqlKind.MAX, OperandTypes.BOOLEAN);

    /** json_agg(x), jsonb_agg(x): the group's values as a JSON array (NULLs as null), in the group's order. */
    static final org.apache.calcite.sql.SqlAggFunction JSON_AGG = jsonAggregate("json_agg", dev.amelie.vm.type.SqlType.JSON, OperandTypes.ANY);
    static final org.apache.calcite.sql.SqlAggFunction JSONB_AGG = jsonAggregate("jsonb_agg", dev.amelie.vm.type.SqlType.JSONB, OperandTypes.ANY);

    /**
     * json_object_agg(key, value), jsonb_object_agg(key, value): the group's pairs as a JSON
     * object, in the group's order; a NULL key is an error, a NULL value a JSON null.
     */
    static final org.apache.calcite.sql.SqlAggFunction JSON_OBJECT_AGG =
            jsonAggregate("json_object_agg", dev.amelie.vm.type.SqlType.JSON, OperandTypes.ANY_ANY);
    static final org.apache.calcite.sql.SqlAggFunction JSONB_OBJECT_AGG =
            jsonAggregate("jsonb_object_agg", dev.amelie.vm.type.SqlType.JSONB, OperandTypes.ANY_ANY);

    /** An aggregate collecting into json or jsonb (nullable: no rows give NULL), with an optional ORDER BY. */
    private static org.apache.calcite.sql.SqlAggFunction jsonAggregate(String name, dev.amelie.vm.type.SqlType type,
                                                                      org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
        return org.apache.calcite.sql.fun.SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION,
                ReturnTypes.cascade(binding -> dev.amelie.planner.catalog.PostgresSqlType.create(binding.getTypeFactory(), type),
                        org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
                operands).withGroupOrder(org.apache.calcite.util.Optionality.OPTIONAL);
    }

    /** These, then PostgreSQL's math, string and regular-expression functions ({@link FunctionCatalog}). */
    static final SqlOperatorTable TABLE = SqlOperatorTables.chain(SqlOperatorTables.of(PostgresExtract.EXTRACT, PostgresExtract.DATE_PART, NOW, RANDOM, GEN_RANDOM_UUID, NEXTVAL, CURRVAL, SETVAL, LENGTH,
                    PG_BACKEND_PID, PG_CANCEL_BACKEND, PG_TERMINATE_BACKEND, CURRENT_SETTING, SET_CONFIG, GenerateSeries.INSTANCE, Unnest.FUNCTION, Unnest.SUBSCRIPTS,
                    RegexpMatches.INSTANCE,
                    UnconstrainedNumeric.NUMERIC, TypeModifierCasts.VARCHAR, TypeModifierCasts.BPCHAR, TypeModifierCasts.NAME, RegClassLiterals.REGCLASS,
                    TypeModifierCasts.NUMERIC, BOOL_AND, BOOL_OR, JSON_AGG, JSONB_AGG, JSON_OBJECT_AGG, JSONB_OBJECT_AGG),
            SqlOperatorTables.of(PostgresCasts.functions()),
            ArrayFunctions.TABLE,
            FunctionCatalog.TABLE);

    /** A function without arguments whose value the plan must not fold into a constant. */
    private static SqlFunction nonDeterministic(String name, org.apache.calcite.sql.type.SqlReturnTypeInference type,
                                                SqlFunctionCategory category) {
        return nonDeterministic(name, type, category, OperandTypes.NILADIC);
    }

    /** A function whose value the plan must not fold into a constant. */
    private static SqlFunction nonDeterministic(String name, org.apache.calcite.sql.type.SqlReturnTypeInference type,
                                                SqlFunctionCategory category,
                                                org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, category) {
            @Override
            public boolean isDynamicFunction() {
                return true;
            }

            @Override
            public boolean isDeterministic() {
                return false;
            }
        };
    }
}
