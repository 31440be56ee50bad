package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_matviews: The materialized views. */
final class PgMatviews extends CatalogRelation {
    PgMatviews() {
        super(CatalogRelations.PG_CATALOG, "pg_matviews",
                "schemaname", NAME, "matviewname", NAME, "matviewowner", NAME, "tablespace", NAME,
                "hasindexes", SqlType.BOOLEAN, "ispopulated", SqlType.BOOLEAN, "definition", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() == 'm') {
                rows.add(row().set("schemaname", relation.schema()).set("matviewname", relation.name())
                        .set("matviewowner", Roles.name(contents, Roles.owner(contents, relation))).set("ispopulated", true)
                        .set("definition", " " + relation.table().materializedQuery().strip() + ";").values());
            }
        }
        return rows;
    }
}
