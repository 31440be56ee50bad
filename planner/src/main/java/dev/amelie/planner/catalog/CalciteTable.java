package dev.amelie.planner.catalog;

import java.util.function.Function;
import org.apache.calcite.sql.SqlNode;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One of our tables as Calcite sees it: only its row type. Columns are all nullable to Calcite:
 * NOT NULL is enforced when rows are stored, with PostgreSQL's 23502, not at validation.
 */
public final class CalciteTable extends AbstractTable {
    private final TableDef def;
    private final ColumnDefaults defaults;
    private final java.util.List<dev.amelie.compute.catalog.IndexDef> indexes;

    public CalciteTable(TableDef def, Function<String, SqlNode> parseExpression) {
        this(def, parseExpression, java.util.List.of());
    }

    public CalciteTable(TableDef def, Function<String, SqlNode> parseExpression,
                        java.util.List<dev.amelie.compute.catalog.IndexDef> indexes) {
        this.def = def;
        this.defaults = new ColumnDefaults(def, parseExpression);
        this.indexes = java.util.List.copyOf(indexes);
    }

    /** The table's secondary indexes, for lookups the planner may use instead of scans. */
    public java.util.List<dev.amelie.compute.catalog.IndexDef> indexes() {
        return indexes;
    }

    @Override
    public <C> C unwrap(Class<C> aClass) {
        if (aClass.isInstance(defaults)) {
            return aClass.cast(defaults);
        }
        return super.unwrap(aClass);
    }

    public TableDef def() {
        return def;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDef column : def.columns()) {
            builder.add(column.name(), typeFactory.createTypeWithNullability(TypeMapping.toCalcite(column.type(), typeFactory), true));
        }
        return builder.build();
    }
}
