package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.PostgresSqlType;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Casts to the types Calcite sees as ANY ({@link PostgresSqlType}: uuid, bytea, time,
 * interval, json, jsonb). Calcite drops a cast to ANY, so {@code '1 day'::interval =
 * '24 hours'::interval} would compare two strings; such casts become calls of a function
 * named as the type instead (PostgreSQL names the column so too), which the lowering turns
 * into the run-time cast.
 */
public final class PostgresCasts {
    private static final Map<SqlType, SqlFunction> FUNCTIONS = new EnumMap<>(SqlType.class);

    static {
        java.util.List<SqlType> types = new java.util.ArrayList<>(java.util.List.of(SqlType.UUID, SqlType.BYTEA,
                SqlType.TIME, SqlType.INTERVAL, SqlType.JSON, SqlType.JSONB, SqlType.OID, SqlType.REGCLASS));
        for (SqlType type : SqlType.values()) {
            if (type.isArray()) {
                types.add(type);
            }
        }
        for (SqlType type : types) {
            FUNCTIONS.put(type, new SqlFunction(castName(type), SqlKind.OTHER_FUNCTION,
                    org.apache.calcite.sql.type.ReturnTypes.cascade(
                            binding -> dev.amelie.planner.catalog.TypeMapping.toCalcite(type, binding.getTypeFactory()),
                            SqlTypeTransforms.TO_NULLABLE),
                    // $1::uuid: the parameter is a uuid, as PostgreSQL types it.
                    // (Not the returnType argument: that is what the context expects, unknown in a select list.)
                    (binding, returnType, operandTypes) -> operandTypes[0] =
                            dev.amelie.planner.catalog.TypeMapping.toCalcite(type, binding.getTypeFactory()),
                    OperandTypes.ANY, SqlFunctionCategory.SYSTEM));
        }
    }

    private PostgresCasts() {}

    /** A call of the cast to {@code type}. */
    static SqlNode call(SqlType type, SqlNode operand) {
        return FUNCTIONS.get(type).createCall(operand.getParserPosition(), operand);
    }

    /** Whether this operator is one of the cast functions. */
    public static boolean isCast(org.apache.calcite.sql.SqlOperator operator) {
        return operator instanceof SqlFunction function && FUNCTIONS.containsValue(function);
    }

    /** The cast functions, for the operator table (the validator looks calls up by name). */
    static java.util.Collection<SqlFunction> functions() {
        return FUNCTIONS.values();
    }

    /**
     * The name a cast to this type is called by: PostgreSQL's short name of the type, or for an
     * array PostgreSQL's internal name of the array type (_int4), which no one calls.
     */
    static String castName(SqlType type) {
        if (type.isArray()) {
            return "_" + shortName(type.element());
        }
        return type == SqlType.TIME ? "time" : type.sqlName();
    }

    /** pg_type.typname of a scalar type: what PostgreSQL names a column cast to it. */
    static String shortName(SqlType type) {
        return switch (type) {
            case BOOLEAN -> "bool";
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case DOUBLE -> "float8";
            case REAL -> "float4";
            case TIMESTAMPTZ -> "timestamptz";
            case TIME -> "time";
            default -> type.sqlName();
        };
    }

    /** The array type of an element type named as Calcite's parser or PostgreSQL name it, or null. */
    private static SqlType arrayOf(String elementName) {
        SqlType element = typeNamed(elementName);
        if (element == null) {
            element = switch (elementName.toLowerCase(Locale.ROOT)) {
                case "boolean", "bool" -> SqlType.BOOLEAN;
                case "smallint", "int2" -> SqlType.SMALLINT;
                case "integer", "int", "int4" -> SqlType.INTEGER;
                case "bigint", "int8" -> SqlType.BIGINT;
                case "double", "float8", "float" -> SqlType.DOUBLE;
                case "real", "float4" -> SqlType.REAL;
                case "decimal", "numeric" -> SqlType.NUMERIC;
                case "varchar", "char", "text", "bpchar", "name" -> SqlType.TEXT;
                case "date" -> SqlType.DATE;
                case "timestamp" -> SqlType.TIMESTAMP;
                case "timestamptz" -> SqlType.TIMESTAMPTZ;
                default -> null;
            };
        }
        return element == null ? null : element.arrayOf();
    }

    static SqlNode rewrite(SqlNode node) {
        return CastRewriter.rewrite(node, (cast, value, spec) -> {
            SqlType type = spec.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec collection
                    ? arrayOf(collection.getElementTypeName().getTypeName().names.getLast())
                    : typeNamed(spec.getTypeNameSpec().getTypeName().names.getLast());
            if (type == null) {
                return null;
            }
            checkLiteral(value, type);
            return FUNCTIONS.get(type).createCall(cast.getParserPosition(), value);
        });
    }

    /**
     * A string literal cast to one of these types is read now, as PostgreSQL reads a constant
     * while it parses, so a bad one is reported at the literal's place.
     */
    private static void checkLiteral(SqlNode operand, SqlType type) {
        if (type == SqlType.REGCLASS) {
            return; // a relation is looked up when the statement runs (CatalogFunctions)
        }
        if (operand instanceof org.apache.calcite.sql.SqlCharStringLiteral literal) {
            try {
                // Only whether it reads: that does not depend on the zone.
                dev.amelie.vm.value.Values.cast(literal.getValueAs(String.class), type, java.time.ZoneOffset.UTC);
            } catch (dev.amelie.vm.error.SqlException e) {
                org.apache.calcite.sql.parser.SqlParserPos pos = literal.getParserPosition();
                throw new org.apache.calcite.runtime.CalciteContextException(e.getMessage(), e, pos.getLineNum(),
                        pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            }
        }
    }

    private static SqlType typeNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "uuid" -> SqlType.UUID;
            case "bytea" -> SqlType.BYTEA;
            case "time" -> SqlType.TIME;
            case "interval" -> SqlType.INTERVAL;
            case "json" -> SqlType.JSON;
            case "jsonb" -> SqlType.JSONB;
            case "oid" -> SqlType.OID;
            case "regclass" -> SqlType.REGCLASS;
            default -> null;
        };
    }
}
