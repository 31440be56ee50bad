package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.tables: every table and view (PostgreSQL 15 lists relkinds r, v, f and p,
 * not materialized views), the system relations too, as a superuser sees them.
 */
final class InformationSchemaTables extends CatalogRelation {
    InformationSchemaTables() {
        super(CatalogRelations.INFORMATION_SCHEMA, "tables",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "table_type", InformationSchema.CHARACTER_DATA,
                "self_referencing_column_name", NAME, "reference_generation", InformationSchema.CHARACTER_DATA,
                "user_defined_type_catalog", NAME, "user_defined_type_schema", NAME, "user_defined_type_name", NAME,
                "is_insertable_into", InformationSchema.YES_OR_NO, "is_typed", InformationSchema.YES_OR_NO,
                "commit_action", InformationSchema.CHARACTER_DATA);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() == 'r' || relation.kind() == 'v') {
                rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                        .set("table_name", relation.name()).set("table_type", relation.kind() == 'r' ? "BASE TABLE" : "VIEW")
                        // Only tables take INSERT here: views are read-only.
                        .set("is_insertable_into", relation.kind() == 'r' ? "YES" : "NO").set("is_typed", "NO").values());
            }
        }
        return rows;
    }
}
