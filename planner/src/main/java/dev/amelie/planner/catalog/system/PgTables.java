package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_tables: The tables (not views, sequences or system relations). */
final class PgTables extends CatalogRelation {
    PgTables() {
        super(CatalogRelations.PG_CATALOG, "pg_tables",
                "schemaname", NAME, "tablename", NAME, "tableowner", NAME, "tablespace", NAME,
                "hasindexes", SqlType.BOOLEAN, "hasrules", SqlType.BOOLEAN, "hastriggers", SqlType.BOOLEAN,
                "rowsecurity", SqlType.BOOLEAN);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() == 'r') {
                rows.add(row().set("schemaname", relation.schema()).set("tablename", relation.name())
                        .set("tableowner", Roles.name(contents, Roles.owner(contents, relation))).set("hasindexes", hasIndexes(contents, relation)).values());
            }
        }
        return rows;
    }

    private static boolean hasIndexes(CatalogContents contents, CatalogContents.Relation relation) {
        return contents.indexes().stream().anyMatch(index -> index.table() == relation.table());
    }
}
