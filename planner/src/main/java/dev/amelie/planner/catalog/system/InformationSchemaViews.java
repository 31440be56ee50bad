package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/** information_schema.views: our views with their definitions (the system relations have none to show). */
final class InformationSchemaViews extends CatalogRelation {
    InformationSchemaViews() {
        super(CatalogRelations.INFORMATION_SCHEMA, "views",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME,
                "view_definition", InformationSchema.CHARACTER_DATA, "check_option", InformationSchema.CHARACTER_DATA,
                "is_updatable", InformationSchema.YES_OR_NO, "is_insertable_into", InformationSchema.YES_OR_NO,
                "is_trigger_updatable", InformationSchema.YES_OR_NO, "is_trigger_deletable", InformationSchema.YES_OR_NO,
                "is_trigger_insertable_into", InformationSchema.YES_OR_NO);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() == 'v') {
                rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                        .set("table_name", relation.name())
                        .set("view_definition", relation.view() == null ? null : ObjectDefinitions.viewDefinition(relation.view()))
                        .set("check_option", "NONE").set("is_updatable", "NO").set("is_insertable_into", "NO")
                        .set("is_trigger_updatable", "NO").set("is_trigger_deletable", "NO")
                        .set("is_trigger_insertable_into", "NO").values());
            }
        }
        return rows;
    }
}
