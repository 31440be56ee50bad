package dev.amelie.planner.catalog;

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

    public CalciteTable(TableDef def) {
        this.def = def;
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
