package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * {@code x::numeric} without precision and scale keeps every digit in PostgreSQL ({@code
 * 0.5::numeric} is 0.5); to Calcite it is DECIMAL(19, 0), and it folds a cast of a constant to
 * that, so {@code 0.5::numeric} became 0. Such casts become calls of {@link #NUMERIC} instead,
 * typed as our numeric columns are, which the runtime casts without rounding.
 */
final class UnconstrainedNumeric {

    /** numeric(x): x as numeric, with the scale it has. Named as PostgreSQL names the column. */
    static final SqlFunction NUMERIC = new SqlFunction("numeric", SqlKind.OTHER_FUNCTION,
            ReturnTypes.cascade(opBinding -> opBinding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 38, 6),
                    SqlTypeTransforms.TO_NULLABLE),
            // A parameter ($1::numeric) is numeric, as PostgreSQL types it. Not the type the
            // context expects of the call: in a select list that is unknown, and an unknown
            // parameter is 42P18.
            (binding, returnType, operandTypes) -> operandTypes[0] =
                    binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 38, 6),
            OperandTypes.ANY, SqlFunctionCategory.NUMERIC) {
        @Override
        public boolean isDeterministic() {
            return true;
        }
    };

    private UnconstrainedNumeric() {
    }

    static SqlNode rewrite(SqlNode node) {
        return CastRewriter.rewrite(node, (cast, value, spec) ->
                spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
                        && basic.getTypeName().getSimple().equalsIgnoreCase("DECIMAL") && basic.getPrecision() < 0
                        ? NUMERIC.createCall(cast.getParserPosition(), new SqlNode[] {value}) : null);
    }
}
