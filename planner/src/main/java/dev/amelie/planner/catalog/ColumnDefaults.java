package dev.amelie.planner.catalog;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.schema.ColumnStrategy;

import java.util.function.Function;

/**
 * What an INSERT puts in a column it does not name (or names with DEFAULT): the column's
 * DEFAULT expression, planned in the INSERT's own plan (so nextval() runs per row and now() is
 * the transaction's), else NULL.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
    private final TableDef def;
    private final Function<String, SqlNode> parseExpression;

    ColumnDefaults(TableDef def, Function<String, SqlNode> parseExpression) {
        this.def = def;
        this.parseExpression = parseExpression;
    }

    @Override
    public ColumnStrategy generationStrategy(RelOptTable table, int column) {
        return def.columns().get(column).defaultSql() != null ? ColumnStrategy.DEFAULT : ColumnStrategy.NULLABLE;
    }

    @Override
    public RexNode newColumnDefaultValue(RelOptTable table, int column, InitializerContext context) {
        ColumnDef columnDef = def.columns().get(column);
        if (columnDef.defaultSql() == null) {
            return super.newColumnDefaultValue(table, column, context);
        }
        RexNode value = context.convertExpression(parseExpression.apply(columnDef.defaultSql()));
        var type = table.getRowType().getFieldList().get(column).getType();
        if (type.getSqlTypeName() == value.getType().getSqlTypeName()) {
            // Already of the column's type: a cast to Calcite's numeric(38,6) would turn 9.5 into 9.500000.
            return value;
        }
        return context.getRexBuilder().makeAbstractCast(type, value, false);
    }
}
