package dev.amelie.planner.catalog;

import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A PostgreSQL type Calcite has no faithful counterpart of (uuid, bytea, time, interval, json,
 * jsonb). To Calcite it is ANY, which it casts to and from anything and compares with anything,
 * and never folds or evaluates; the type carries which of ours it is, so results, parameters
 * and casts get PostgreSQL's type, and our operators ({@code PostgresOperators}) give
 * arithmetic and comparisons PostgreSQL's result types.
 */
public final class PostgresSqlType extends BasicSqlType {
    private final SqlType type;

    PostgresSqlType(RelDataTypeSystem typeSystem, SqlType type, boolean nullable) {
        super(typeSystem, SqlTypeName.ANY, nullable);
        this.type = type;
        computeDigest();
    }

    /** The (not null) Calcite type of one of ours. */
    public static RelDataType create(org.apache.calcite.rel.type.RelDataTypeFactory factory, SqlType type) {
        return factory.createTypeWithNullability(new PostgresSqlType(factory.getTypeSystem(), type, true), false);
    }

    public SqlType type() {
        return type;
    }

    /** Our type behind a Calcite type, or null when it is none of these. */
    public static SqlType of(RelDataType type) {
        return type instanceof PostgresSqlType p ? p.type : null;
    }

    @Override
    public BasicSqlType createWithNullability(boolean nullable) {
        return nullable == isNullable ? this : new PostgresSqlType(typeSystem, type, nullable);
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        // The super constructor computes a digest before this class's field is set.
        sb.append(type == null ? "ANY" : type.sqlName().toUpperCase(java.util.Locale.ROOT));
    }
}
