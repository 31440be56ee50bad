package dev.amelie.planner.catalog;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Our SQL types to Calcite's and back. */
public final class TypeMapping {
    private TypeMapping() {}

    public static RelDataType toCalcite(SqlType type, RelDataTypeFactory factory) {
        if (type.isArray()) {
            return factory.createArrayType(factory.createTypeWithNullability(toCalcite(type.element(), factory), true), -1);
        }
        return switch (type) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case REAL -> factory.createSqlType(SqlTypeName.REAL);
            case NUMERIC -> factory.createSqlType(SqlTypeName.DECIMAL, 38, 6);
            case TEXT -> factory.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case TIMESTAMPTZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
            case UUID, BYTEA, TIME, INTERVAL, JSON, JSONB, OID, REGCLASS -> PostgresSqlType.create(factory, type);
            case UNKNOWN -> factory.createSqlType(SqlTypeName.NULL);
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    public static SqlType fromCalcite(RelDataType type) {
        SqlType ours = PostgresSqlType.of(type);
        if (ours != null) {
            return ours;
        }
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> SqlType.BOOLEAN;
            case TINYINT, SMALLINT -> SqlType.SMALLINT;
            case INTEGER -> SqlType.INTEGER;
            case BIGINT -> SqlType.BIGINT;
            case FLOAT, DOUBLE -> SqlType.DOUBLE;
            case REAL -> SqlType.REAL;
            case DECIMAL -> SqlType.NUMERIC;
            case CHAR, VARCHAR -> SqlType.TEXT;
            case DATE -> SqlType.DATE;
            case TIMESTAMP -> SqlType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> SqlType.TIMESTAMPTZ;
            case TIME -> SqlType.TIME;
            case ARRAY -> {
                SqlType element = fromCalcite(type.getComponentType());
                if (element == SqlType.UNKNOWN) {
                    element = SqlType.TEXT; // ARRAY[NULL] is text[], as PostgreSQL resolves unknown elements
                }
                SqlType array = element.arrayOf();
                if (array == null) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "arrays of " + element.sqlName() + " are not supported yet");
                }
                yield array;
            }
            case NULL, UNKNOWN, ANY -> SqlType.UNKNOWN;
            default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "type " + type.getSqlTypeName().getName().toLowerCase() + " is not supported yet");
        };
    }
}
