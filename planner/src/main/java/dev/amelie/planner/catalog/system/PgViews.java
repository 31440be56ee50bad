package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_views: The views, ours and the system relations. */
final class PgViews extends CatalogRelation {
    PgViews() {
        super(CatalogRelations.PG_CATALOG, "pg_views",
                "schemaname", NAME, "viewname", NAME, "viewowner", NAME, "definition", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() == 'v') {
                rows.add(row().set("schemaname", relation.schema()).set("viewname", relation.name())
                        .set("viewowner", Roles.name(contents, Roles.owner(contents, relation)))
                        .set("definition", relation.view() == null ? null : ObjectDefinitions.viewDefinition(relation.view()))
                        .values());
            }
        }
        return rows;
    }
}
