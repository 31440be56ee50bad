package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.PostgresSqlType;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.Map;

/**
 * PostgreSQL's arithmetic on dates, times, timestamps and intervals: timestamp ± interval,
 * date ± integer, date + time, timestamp − timestamp = interval, interval × number, … Calcite
 * knows its own interval types only and rejects or mistypes these, so before validation each
 * binary + − × ÷ and || gets an operator that types these combinations as PostgreSQL does (its
 * operator table, pg_operator) and leaves every other combination to Calcite's operator. The
 * run time computes them by the values' classes (DateTimeArithmetic).
 */
final class PostgresArithmetic extends SqlBinaryOperator {
    private static final Map<String, PostgresArithmetic> BY_NAME = Map.of(
            "+", new PostgresArithmetic(SqlStdOperatorTable.PLUS),
            "-", new PostgresArithmetic(SqlStdOperatorTable.MINUS),
            "*", new PostgresArithmetic(SqlStdOperatorTable.MULTIPLY),
            "/", new PostgresArithmetic(SqlStdOperatorTable.DIVIDE),
            "||", new PostgresArithmetic(SqlStdOperatorTable.CONCAT));

    private final SqlBinaryOperator standard;

    private PostgresArithmetic(SqlBinaryOperator standard) {
        super(standard.getName(), standard.getKind(), standard.getLeftPrec(), true,
                standard.getReturnTypeInference(), standard.getOperandTypeInference(), standard.getOperandTypeChecker());
        this.standard = standard;
    }

    static SqlNode rewrite(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlBasicCall basic && basic.operandCount() == 2
                        && basic.getOperator() instanceof SqlBinaryOperator
                        && !(basic.getOperator() instanceof PostgresArithmetic)) {
                    PostgresArithmetic ours = BY_NAME.get(basic.getOperator().getName());
                    if (ours != null && basic.getOperator().getKind() == ours.getKind()) {
                        basic.setOperator(ours);
                    }
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    /**
     * Calcite's deriveType looks the operator up again by name, which would put the standard
     * one back; ours keeps itself where these types take part, and hands over otherwise.
     */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        RelDataType left = validator.deriveType(scope, call.operand(0));
        RelDataType right = validator.deriveType(scope, call.operand(1));
        if (getKind() == SqlKind.OTHER && (left.getSqlTypeName() == SqlTypeName.ARRAY || right.getSqlTypeName() == SqlTypeName.ARRAY)) {
            try {
                return validateOperands(validator, scope, call);
            } catch (dev.amelie.vm.error.SqlException e) {
                org.apache.calcite.sql.parser.SqlParserPos pos = call.getParserPosition();
                throw new org.apache.calcite.runtime.CalciteContextException(e.getMessage(), e, pos.getLineNum(),
                        pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            }
        }
        if (resultType(left, right) == null) {
            ((SqlBasicCall) call).setOperator(standard);
            return standard.deriveType(validator, scope, call);
        }
        return validateOperands(validator, scope, call);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        if (resultType(binding) != null) {
            return true;
        }
        return standard.checkOperandTypes(binding, throwOnFailure);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        SqlType result = resultType(binding);
        if (result == null) {
            return standard.inferReturnType(binding);
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        boolean nullable = binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable();
        return factory.createTypeWithNullability(TypeMapping.toCalcite(result, factory), nullable);
    }

    /** The result type of PostgreSQL's operator for these operand types, or null when it is not one of these. */
    private SqlType resultType(SqlOperatorBinding binding) {
        if (getKind() == SqlKind.OTHER) {
            ArrayConcatenation.Resolved array = ArrayConcatenation.resolve(
                    binding.getOperandType(0), ArrayConcatenation.isUntyped(binding.getOperandType(0), binding.isOperandLiteral(0, false)),
                    binding.getOperandType(1), ArrayConcatenation.isUntyped(binding.getOperandType(1), binding.isOperandLiteral(1, false)));
            if (array != null) {
                return array.type();
            }
        }
        return resultType(binding.getOperandType(0), binding.getOperandType(1));
    }

    private SqlType resultType(RelDataType left, RelDataType right) {
        SqlType a = typeOf(left);
        SqlType b = typeOf(right);
        if (a == null || b == null) {
            return null;
        }
        boolean aNumber = a.isNumeric();
        boolean bNumber = b.isNumeric();
        if ((a == SqlType.REAL || b == SqlType.REAL) && aNumber && bNumber && getKind() != SqlKind.OTHER) {
            // real with real stays real; with anything else PostgreSQL picks the float4/float8
            // operators (float8 is the preferred type), so the result is double precision.
            return a == b ? SqlType.REAL : SqlType.DOUBLE;
        }
        return switch (getKind()) {
            case PLUS -> plus(a, b, aNumber, bNumber);
            case MINUS -> minus(a, b, bNumber);
            case TIMES -> a == SqlType.INTERVAL && bNumber || aNumber && b == SqlType.INTERVAL ? SqlType.INTERVAL : null;
            case DIVIDE -> a == SqlType.INTERVAL && bNumber ? SqlType.INTERVAL : null;
            // ||: bytea and jsonb concatenate to their own type (byteacat, jsonb_concat).
            default -> concatenation(a, b);
        };
    }

    private static SqlType plus(SqlType a, SqlType b, boolean aNumber, boolean bNumber) {
        if (a == SqlType.INTERVAL && b != SqlType.INTERVAL || a == SqlType.TIME && b == SqlType.DATE
                || aNumber && b == SqlType.DATE) {
            return plus(b, a, bNumber, aNumber);
        }
        return switch (a) {
            case INTERVAL -> b == SqlType.INTERVAL ? SqlType.INTERVAL : null;
            case TIMESTAMP, TIMESTAMPTZ, TIME -> b == SqlType.INTERVAL ? a : null;
            case DATE -> b == SqlType.INTERVAL || b == SqlType.TIME ? SqlType.TIMESTAMP
                    : isInteger(b) ? SqlType.DATE : null;
            default -> null;
        };
    }

    private static SqlType minus(SqlType a, SqlType b, boolean bNumber) {
        return switch (a) {
            case INTERVAL -> b == SqlType.INTERVAL ? SqlType.INTERVAL : null;
            case TIMESTAMP, TIMESTAMPTZ -> b == SqlType.INTERVAL ? a : b == a ? SqlType.INTERVAL : null;
            case TIME -> b == SqlType.INTERVAL ? SqlType.TIME : b == SqlType.TIME ? SqlType.INTERVAL : null;
            case DATE -> b == SqlType.INTERVAL ? SqlType.TIMESTAMP : b == SqlType.DATE ? SqlType.INTEGER
                    : isInteger(b) ? SqlType.DATE : null;
            default -> null;
        };
    }

    /** ||'s type when not text: bytea, jsonb, or an array with an array or an element of it. */
    private static SqlType concatenation(SqlType a, SqlType b) {
        if (a == b && (a == SqlType.BYTEA || a == SqlType.JSONB || a.isArray())) {
            return a;
        }
        if (a.isArray() && b == a.element()) {
            return a;
        }
        if (b.isArray() && a == b.element()) {
            return b;
        }
        // text with any other non-array value: that value's text (anytextcat, textanycat); an untyped
        // literal with bytea or jsonb is read as that type instead, so those are left to the rules above
        boolean ownConcatenation = a == SqlType.BYTEA || b == SqlType.BYTEA || a == SqlType.JSONB || b == SqlType.JSONB;
        return !ownConcatenation && (a == SqlType.TEXT && !b.isArray() || b == SqlType.TEXT && !a.isArray()) ? SqlType.TEXT : null;
    }

    private static boolean isInteger(SqlType type) {
        return type == SqlType.SMALLINT || type == SqlType.INTEGER || type == SqlType.BIGINT;
    }

    /** Our type of an operand, or null for one that plays no part here (NULL, text, …). */
    private static SqlType typeOf(RelDataType type) {
        SqlType ours = PostgresSqlType.of(type);
        if (ours != null) {
            return ours;
        }
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case NULL, ANY -> null;
            case CHAR, VARCHAR -> SqlType.TEXT;
            default -> {
                try {
                    yield TypeMapping.fromCalcite(type);
                } catch (RuntimeException notOurs) {
                    yield null;
                }
            }
        };
    }
}
