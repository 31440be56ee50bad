package dev.amelie.planner.catalog;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Result types as PostgreSQL derives them where Calcite differs: sum(int2/int4) is bigint,
 * sum(int8) is numeric, avg of integers is numeric (PostgreSQL 15, "Aggregate Functions" table).
 */
public final class PostgresTypeSystem extends RelDataTypeSystemImpl {
    public static final PostgresTypeSystem INSTANCE = new PostgresTypeSystem();

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> factory.createSqlType(SqlTypeName.BIGINT);
            case BIGINT -> factory.createSqlType(SqlTypeName.DECIMAL, 38, 0);
            default -> argumentType;
        };
        return factory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    /** avg of an integer or numeric is numeric, of a float double precision (Calcite: the argument's type). */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType avg = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, 38, 0);
            case FLOAT, REAL, DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return factory.createTypeWithNullability(avg, argumentType.isNullable());
    }

    /** PostgreSQL's timestamps keep microseconds; Calcite's would keep milliseconds. */
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ, TIME -> 6;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> 6;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
