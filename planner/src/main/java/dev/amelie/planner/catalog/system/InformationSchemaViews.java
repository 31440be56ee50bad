package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** information_schema.views: The views users made, with their query as pg_get_viewdef shows it; none can be written to. */
final class InformationSchemaViews extends CatalogRelation {
    InformationSchemaViews() {
        super(CatalogRelations.INFORMATION_SCHEMA, "views",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "view_definition", SqlType.TEXT,
                "check_option", SqlType.TEXT, "is_updatable", SqlType.TEXT, "is_insertable_into", SqlType.TEXT,
                "is_trigger_updatable", SqlType.TEXT, "is_trigger_deletable", SqlType.TEXT,
                "is_trigger_insertable_into", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.view() != null) {
                rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                        .set("table_name", relation.name())
                        .set("view_definition", ObjectDefinitions.viewDefinition(relation.view()))
                        .set("check_option", "NONE").set("is_updatable", "NO").set("is_insertable_into", "NO")
                        .set("is_trigger_updatable", "NO").set("is_trigger_deletable", "NO")
                        .set("is_trigger_insertable_into", "NO").values());
            }
        }
        return rows;
    }
}
