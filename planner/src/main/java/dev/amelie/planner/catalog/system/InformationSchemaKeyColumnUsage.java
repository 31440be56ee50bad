package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.key_column_usage: The columns of each primary key, unique constraint and
 * foreign key in key order; a foreign key's column also says where its referenced column stands
 * in the referenced key (position_in_unique_constraint).
 */
final class InformationSchemaKeyColumnUsage extends CatalogRelation {
    InformationSchemaKeyColumnUsage() {
        super(CatalogRelations.INFORMATION_SCHEMA, "key_column_usage",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "column_name", NAME,
                "ordinal_position", SqlType.INTEGER, "position_in_unique_constraint", SqlType.INTEGER);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            if (constraint.type() == 'c') {
                continue;
            }
            int[] columns = constraint.columns();
            for (int i = 0; i < columns.length; i++) {
                Integer position = null;
                if (constraint.foreignKey() != null && constraint.index() != null) {
                    position = positionIn(constraint.index().columns(), constraint.foreignKey().referencedColumns()[i]);
                }
                rows.add(row().set("constraint_catalog", SystemView.DATABASE)
                        .set("constraint_schema", constraint.table().schema()).set("constraint_name", constraint.name())
                        .set("table_catalog", SystemView.DATABASE).set("table_schema", constraint.table().schema())
                        .set("table_name", constraint.table().name())
                        .set("column_name", constraint.table().columns().get(columns[i]).name())
                        .set("ordinal_position", i + 1).set("position_in_unique_constraint", position).values());
            }
        }
        return rows;
    }

    private static Integer positionIn(int[] key, int column) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == column) {
                return i + 1;
            }
        }
        return null;
    }
}
