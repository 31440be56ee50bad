package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_am: The access methods: heap for tables, btree and hash for indexes. */
final class PgAm extends CatalogRelation {
    PgAm() {
        super(CatalogRelations.PG_CATALOG, "pg_am",
                "oid", SqlType.OID, "amname", NAME, "amhandler", SqlType.TEXT, "amtype", CHAR);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(
                row().set("oid", AccessMethods.HEAP).set("amname", "heap").set("amhandler", "heap_tableam_handler").set("amtype", "t").values(),
                row().set("oid", AccessMethods.BTREE).set("amname", "btree").set("amhandler", "bthandler").set("amtype", "i").values(),
                row().set("oid", AccessMethods.HASH).set("amname", "hash").set("amhandler", "hashhandler").set("amtype", "i").values());
    }
}
