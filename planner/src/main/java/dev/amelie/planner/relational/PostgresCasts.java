package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.PostgresSqlType;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlShuttle;

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
final class PostgresCasts {
    static final SqlType[] TYPES = {SqlType.UUID, SqlType.BYTEA, SqlType.TIME, SqlType.INTERVAL, SqlType.JSON, SqlType.JSONB};
    private static final Map<SqlType, SqlFunction> FUNCTIONS = new EnumMap<>(SqlType.class);

    static {
        for (SqlType type : TYPES) {
            FUNCTIONS.put(type, new SqlFunction(castName(type), SqlKind.OTHER_FUNCTION,
                    org.apache.calcite.sql.type.ReturnTypes.cascade(
                            binding -> PostgresSqlType.create(binding.getTypeFactory(), type), SqlTypeTransforms.TO_NULLABLE),
                    null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM));
        }
    }

    private PostgresCasts() {}

    /** The cast functions, for the operator table (the validator looks calls up by name). */
    static java.util.Collection<SqlFunction> functions() {
        return FUNCTIONS.values();
    }

    /** The name a cast to this type is called by: PostgreSQL's short name of the type. */
    static String castName(SqlType type) {
        return type == SqlType.TIME ? "time" : type.sqlName();
    }

    static SqlNode rewrite(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall cast && cast.getKind() == SqlKind.CAST && cast.operandCount() == 2
                        && cast.operand(1) instanceof SqlDataTypeSpec spec) {
                    SqlType type = typeNamed(spec.getTypeNameSpec().getTypeName().names.getLast());
                    if (type != null) {
                        checkLiteral(cast.operand(0), type);
                        return FUNCTIONS.get(type).createCall(cast.getParserPosition(), new SqlNode[] {cast.operand(0)});
                    }
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    /**
     * A string literal cast to one of these types is read now, as PostgreSQL reads a constant
     * while it parses, so a bad one is reported at the literal's place.
     */
    private static void checkLiteral(SqlNode operand, SqlType type) {
        if (operand instanceof org.apache.calcite.sql.SqlCharStringLiteral literal) {
            try {
                dev.amelie.vm.value.Values.cast(literal.getValueAs(String.class), type);
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
            default -> null;
        };
    }
}
