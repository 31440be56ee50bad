package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/** information_schema.table_constraints: primary keys, unique, foreign keys and checks, then NOT NULL as checks. */
final class InformationSchemaTableConstraints extends CatalogRelation {
    InformationSchemaTableConstraints() {
        super(CatalogRelations.INFORMATION_SCHEMA, "table_constraints",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME,
                "constraint_type", InformationSchema.CHARACTER_DATA, "is_deferrable", InformationSchema.YES_OR_NO,
                "initially_deferred", InformationSchema.YES_OR_NO, "enforced", InformationSchema.YES_OR_NO,
                "nulls_distinct", InformationSchema.YES_OR_NO);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            rows.add(row(constraint.table().schema(), constraint.name(), constraint.table().name(),
                    switch (constraint.type()) {
                        case 'p' -> "PRIMARY KEY";
                        case 'u' -> "UNIQUE";
                        case 'f' -> "FOREIGN KEY";
                        default -> "CHECK";
                    }, constraint.type() == 'u' ? "YES" : null));
        }
        for (NotNullConstraints.NotNull notNull : NotNullConstraints.of(contents)) {
            rows.add(row(notNull.table().schema(), notNull.name(), notNull.table().name(), "CHECK", null));
        }
        return rows;
    }

    private Object[] row(String schema, String name, String table, String type, String nullsDistinct) {
        return row().set("constraint_catalog", SystemView.DATABASE).set("constraint_schema", schema)
                .set("constraint_name", name).set("table_catalog", SystemView.DATABASE).set("table_schema", schema)
                .set("table_name", table).set("constraint_type", type).set("is_deferrable", "NO")
                .set("initially_deferred", "NO").set("enforced", "YES").set("nulls_distinct", nullsDistinct).values();
    }
}
