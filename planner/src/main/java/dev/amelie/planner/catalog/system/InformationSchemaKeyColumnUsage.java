package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.key_column_usage: each column of a primary key, unique constraint or foreign
 * key, in the key's order; a foreign key's column also says which column of the referenced key it
 * matches (position_in_unique_constraint).
 */
final class InformationSchemaKeyColumnUsage extends CatalogRelation {
    InformationSchemaKeyColumnUsage() {
        super(CatalogRelations.INFORMATION_SCHEMA, "key_column_usage",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "column_name", NAME,
                "ordinal_position", InformationSchema.CARDINAL_NUMBER,
                "position_in_unique_constraint", InformationSchema.CARDINAL_NUMBER);
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
                rows.add(row().set("constraint_catalog", SystemView.DATABASE)
                        .set("constraint_schema", constraint.table().schema()).set("constraint_name", constraint.name())
                        .set("table_catalog", SystemView.DATABASE).set("table_schema", constraint.table().schema())
                        .set("table_name", constraint.table().name())
                        .set("column_name", constraint.table().columns().get(columns[i]).name())
                        .set("ordinal_position", i + 1)
                        .set("position_in_unique_constraint", constraint.type() == 'f' ? positionInKey(constraint, i) : null)
                        .values());
            }
        }
        return rows;
    }

    /** Where the referenced column of a foreign key's i-th column stands in the referenced key. */
    private static Integer positionInKey(CatalogContents.Constraint constraint, int i) {
        int referenced = constraint.foreignKey().referencedColumns()[i];
        int[] key = constraint.index() == null ? constraint.foreignKey().referencedColumns() : constraint.index().columns();
        for (int k = 0; k < key.length; k++) {
            if (key[k] == referenced) {
                return k + 1;
            }
        }
        return null;
    }
}
