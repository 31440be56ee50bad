package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.tables: Tables and views (not sequences, indexes or materialized views, as
 * in PostgreSQL). Our views cannot be written to, so they are not insertable into.
 */
final class InformationSchemaTables extends CatalogRelation {
    InformationSchemaTables() {
        super(CatalogRelations.INFORMATION_SCHEMA, "tables",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "table_type", SqlType.TEXT,
                "self_referencing_column_name", NAME, "reference_generation", SqlType.TEXT,
                "user_defined_type_catalog", NAME, "user_defined_type_schema", NAME, "user_defined_type_name", NAME,
                "is_insertable_into", SqlType.TEXT, "is_typed", SqlType.TEXT, "commit_action", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() != 'r' && relation.kind() != 'v') {
                continue;
            }
            boolean table = relation.kind() == 'r';
            rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                    .set("table_name", relation.name()).set("table_type", table ? "BASE TABLE" : "VIEW")
                    .set("is_insertable_into", table ? "YES" : "NO").set("is_typed", "NO").values());
        }
        return rows;
    }
}
