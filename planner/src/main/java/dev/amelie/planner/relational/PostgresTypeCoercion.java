package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.TypeMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit conversions, except text into an array: Calcite reads '{1,2}' as an
 * array constructor by its own rules (and cannot read '{}'); here it becomes our cast, which
 * runs PostgreSQL's array_in for the element type.
 */
final class PostgresTypeCoercion extends TypeCoercionImpl {
    PostgresTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    protected Boolean coerceStringToArray(SqlCall call, SqlNode node, int index, RelDataType fromType, RelDataType targetType) {
        if (!org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(fromType)
                || targetType.getSqlTypeName() != org.apache.calcite.sql.type.SqlTypeName.ARRAY) {
            return super.coerceStringToArray(call, node, index, fromType, targetType);
        }
        dev.amelie.vm.type.SqlType type = TypeMapping.fromCalcite(targetType);
        SqlNode cast = PostgresCasts.call(type, node);
        call.setOperand(index, cast);
        updateInferredType(cast, TypeMapping.toCalcite(type, factory));
        return true;
    }
}
