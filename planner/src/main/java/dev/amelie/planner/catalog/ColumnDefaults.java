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
        RexNode typed = context.getRexBuilder().makeCast(table.getRowType().getFieldList().get(column).getType(), value, true, false);
        return typed;
    }
}
