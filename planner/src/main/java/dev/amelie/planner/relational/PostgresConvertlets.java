package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.PostgresSqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's SQL-to-expression conversions, except for casts to arrays and to the types Calcite
 * sees as ANY, which the validator adds where text goes into such a column: Calcite would read
 * '{1,2}' as an array its own way (and fail on '{}') or drop the cast; here the cast stays a
 * cast, which the run time performs with PostgreSQL's input functions.
 */
final class PostgresConvertlets implements SqlRexConvertletTable {
    static final PostgresConvertlets INSTANCE = new PostgresConvertlets();

    private PostgresConvertlets() {}

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
        if (call.getKind() == SqlKind.CAST && standard != null) {
            return (cx, cast) -> {
                RelDataType target = cx.getValidator().getValidatedNodeTypeIfKnown(cast);
                if (target != null && (target.getSqlTypeName() == SqlTypeName.ARRAY || PostgresSqlType.of(target) != null)) {
                    return cx.getRexBuilder().makeAbstractCast(target, cx.convertExpression(cast.operand(0)), false);
                }
                return standard.convertCall(cx, cast);
            };
        }
        return standard;
    }
}
