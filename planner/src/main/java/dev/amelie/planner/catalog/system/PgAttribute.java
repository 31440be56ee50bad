package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_attribute: The columns of every relation (attnum from 1; no system columns). */
final class PgAttribute extends CatalogRelation {
    PgAttribute() {
        super(CatalogRelations.PG_CATALOG, "pg_attribute",
                "attrelid", SqlType.OID, "attname", NAME, "atttypid", SqlType.OID, "attstattarget", SqlType.INTEGER,
                "attlen", SqlType.SMALLINT, "attnum", SqlType.SMALLINT, "attndims", SqlType.INTEGER,
                "attcacheoff", SqlType.INTEGER, "atttypmod", SqlType.INTEGER, "attbyval", SqlType.BOOLEAN,
                "attalign", CHAR, "attstorage", CHAR, "attcompression", CHAR, "attnotnull", SqlType.BOOLEAN,
                "atthasdef", SqlType.BOOLEAN, "atthasmissing", SqlType.BOOLEAN, "attidentity", CHAR,
                "attgenerated", CHAR, "attisdropped", SqlType.BOOLEAN, "attislocal", SqlType.BOOLEAN,
                "attinhcount", SqlType.INTEGER, "attcollation", SqlType.OID, "attacl", SqlType.TEXT_ARRAY,
                "attoptions", SqlType.TEXT_ARRAY, "attfdwoptions", SqlType.TEXT_ARRAY, "attmissingval", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            List<ColumnDef> columns = contents.columns(relation);
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef column = columns.get(i);
                long type = PgTypes.oidOf(column);
                PgTypes.TypeRow typeRow = PgTypes.of(type);
                boolean notNull = column.notNull() || relation.table() != null && relation.table().isKeyColumn(i);
                rows.add(row().set("attrelid", relation.oid()).set("attname", column.name()).set("atttypid", type)
                        .set("attstattarget", -1).set("attlen", typeRow.length()).set("attnum", (short) (i + 1))
                        .set("attcacheoff", -1).set("atttypmod", column.typmod()).set("attbyval", typeRow.byValue())
                        .set("attndims", column.type().element() != null ? 1 : 0)
                        .set("attalign", typeRow.length() == 8 ? "d" : typeRow.length() == 2 ? "s" : typeRow.length() == 1 ? "c" : "i")
                        .set("attstorage", PgTypes.storage(typeRow)).set("attcompression", "")
                        .set("attnotnull", notNull)
                        .set("atthasdef", relation.table() != null && column.defaultSql() != null)
                        .set("attidentity", "").set("attgenerated", "").set("attislocal", true)
                        .set("attcollation", PgTypes.collation(typeRow)).values());
            }
        }
        return rows;
    }
}
