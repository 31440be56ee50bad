package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.tables: the tables and views (PostgreSQL 15's information_schema.sql; not
 * sequences, indexes or materialized views). The domain types are their base types here:
 * sql_identifier is name, character_data and yes_or_no are text.
 */
final class InformationSchemaTables extends CatalogRelation {
    InformationSchemaTables() {
        super(CatalogRelations.INFORMATION_SCHEMA, "tables",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "table_type", dev.amelie.vm.type.SqlType.TEXT,
                "self_referencing_column_name", NAME, "reference_generation", dev.amelie.vm.type.SqlType.TEXT,
                "user_defined_type_catalog", NAME, "user_defined_type_schema", NAME, "user_defined_type_name", NAME,
                "is_insertable_into", dev.amelie.vm.type.SqlType.TEXT, "is_typed", dev.amelie.vm.type.SqlType.TEXT,
                "commit_action", dev.amelie.vm.type.SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            String type = switch (relation.kind()) {
                case 'r', 'p' -> "BASE TABLE";
                case 'v' -> "VIEW";
                default -> null;
            };
            if (type == null) {
                continue;
            }
            // Views here are read-only (no INSERT into a view), so none is insertable into.
            rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                    .set("table_name", relation.name()).set("table_type", type)
                    .set("is_insertable_into", type.equals("VIEW") ? "NO" : "YES").set("is_typed", "NO").values());
        }
        return rows;
    }
}
