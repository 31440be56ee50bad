package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * regexp_matches(string, pattern [, flags]), PostgreSQL's set-returning function: a text[] row
 * for each match (the first only, unless the flags have g), in a column named regexp_matches.
 * In FROM, or in a select list with arguments that read no column (as generate_series: see
 * {@link GenerateSeries#selectListCalls}); the rows are made on the host when the statement runs.
 */
public final class RegexpMatches extends SqlFunction implements SqlTableFunction {
    public static final String NAME = "regexp_matches";
    static final RegexpMatches INSTANCE = new RegexpMatches();

    private RegexpMatches() {
        super(NAME, SqlKind.OTHER_FUNCTION, org.apache.calcite.sql.type.ReturnTypes.CURSOR,
                (binding, returnType, operandTypes) -> {
                    for (int i = 0; i < operandTypes.length; i++) {
                        operandTypes[i] = binding.getTypeFactory().createTypeWithNullability(
                                binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
                    }
                },
                OperandTypes.variadic(SqlOperandCountRanges.between(2, 3)), SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            return factory.builder().add(NAME, factory.createTypeWithNullability(
                    TypeMapping.toCalcite(SqlType.TEXT_ARRAY, factory), true)).build();
        };
    }
}
