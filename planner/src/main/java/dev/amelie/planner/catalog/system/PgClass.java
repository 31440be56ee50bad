package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_class: Every relation: tables, materialized views, views (ours and the system relations), sequences and indexes (the primary key's too). */
final class PgClass extends CatalogRelation {
    PgClass() {
        super(CatalogRelations.PG_CATALOG, "pg_class",
                "oid", SqlType.OID, "relname", NAME, "relnamespace", SqlType.OID, "reltype", SqlType.OID,
                "reloftype", SqlType.OID, "relowner", SqlType.OID, "relam", SqlType.OID, "relfilenode", SqlType.OID,
                "reltablespace", SqlType.OID, "relpages", SqlType.INTEGER, "reltuples", SqlType.REAL,
                "relallvisible", SqlType.INTEGER, "reltoastrelid", SqlType.OID, "relhasindex", SqlType.BOOLEAN,
                "relisshared", SqlType.BOOLEAN, "relpersistence", CHAR, "relkind", CHAR,
                "relnatts", SqlType.SMALLINT, "relchecks", SqlType.SMALLINT, "relhasrules", SqlType.BOOLEAN,
                "relhastriggers", SqlType.BOOLEAN, "relhassubclass", SqlType.BOOLEAN,
                "relrowsecurity", SqlType.BOOLEAN, "relforcerowsecurity", SqlType.BOOLEAN,
                "relispopulated", SqlType.BOOLEAN, "relreplident", CHAR, "relispartition", SqlType.BOOLEAN,
                "relrewrite", SqlType.OID, "relfrozenxid", SqlType.TEXT, "relminmxid", SqlType.TEXT,
                "relacl", SqlType.TEXT_ARRAY, "reloptions", SqlType.TEXT_ARRAY, "relpartbound", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            boolean table = relation.table() != null;
            rows.add(row().set("oid", relation.oid()).set("relname", relation.name())
                    .set("relnamespace", relation.namespace(contents)).set("reltype", contents.rowTypeOid(relation))
                    .set("relowner", Roles.owner(contents, relation)).set("relacl", Roles.aclOf(contents, relation))
                    .set("relam", relation.kind() == 'i' ? AccessMethods.oid(relation.index().method())
                            : table ? AccessMethods.HEAP : 0L)
                    .set("relfilenode", relation.kind() == 'v' ? 0L : relation.oid())
                    .set("reltuples", relation.kind() == 'i' ? 0f : relation.kind() == 'S' ? 1f : -1f)
                    .set("relpages", pages(relation))
                    .set("relhasindex", table && hasIndex(contents, relation))
                    .set("relpersistence", "p").set("relkind", String.valueOf(relation.kind()))
                    .set("relnatts", (short) (relation.kind() == 'v' && relation.view() != null ? 0 : relation.columns().size()))
                    .set("relchecks", (short) (table ? relation.table().checks().size() : 0))
                    .set("relhasrules", relation.kind() == 'v')
                    // PostgreSQL enforces foreign keys with triggers on both tables; psql looks for them only then.
                    .set("relhastriggers", table && (!relation.table().foreignKeys().isEmpty()
                            || !contents.catalog().referencesTo(relation.table().id()).isEmpty()))
                    .set("relispopulated", true).set("relreplident", relation.kind() == 'r' ? "d" : "n")
                    .set("relfrozenxid", "0").set("relminmxid", "0").values());
        }
        return rows;
    }

    /**
     * relpages as PostgreSQL 15 has it before a relation is first analyzed: a table's 0, a
     * sequence's one page, a new btree index's metapage, a new hash index's ten pages
     * (pgjdbc's getIndexInfo shows relpages and reltuples as PAGES and CARDINALITY).
     */
    private static int pages(CatalogContents.Relation relation) {
        return switch (relation.kind()) {
            case 'S' -> 1;
            case 'i' -> relation.index().method().equals("hash") ? 10 : 1;
            default -> 0;
        };
    }

    private static boolean hasIndex(CatalogContents contents, CatalogContents.Relation relation) {
        for (CatalogContents.Index index : contents.indexes()) {
            if (index.table() == relation.table()) {
                return true;
            }
        }
        return false;
    }
}
