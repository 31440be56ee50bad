package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_indexes: Every index with its CREATE INDEX statement. */
final class PgIndexes extends CatalogRelation {
    PgIndexes() {
        super(CatalogRelations.PG_CATALOG, "pg_indexes",
                "schemaname", NAME, "tablename", NAME, "indexname", NAME, "tablespace", NAME,
                "indexdef", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Index index : contents.indexes()) {
            rows.add(row().set("schemaname", index.table().schema()).set("tablename", index.table().name())
                    .set("indexname", index.name()).set("indexdef", ObjectDefinitions.indexDefinition(index)).values());
        }
        return rows;
    }
}
