package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_type: The built-in types (PostgreSQL's OIDs), all in pg_catalog. */
final class PgTypeTable extends CatalogRelation {
    PgTypeTable() {
        super(CatalogRelations.PG_CATALOG, "pg_type",
                "oid", SqlType.OID, "typname", NAME, "typnamespace", SqlType.OID, "typowner", SqlType.OID,
                "typlen", SqlType.SMALLINT, "typbyval", SqlType.BOOLEAN, "typtype", CHAR, "typcategory", CHAR,
                "typispreferred", SqlType.BOOLEAN, "typisdefined", SqlType.BOOLEAN, "typdelim", CHAR,
                "typrelid", SqlType.OID, "typsubscript", SqlType.TEXT, "typelem", SqlType.OID,
                "typarray", SqlType.OID, "typinput", SqlType.TEXT, "typoutput", SqlType.TEXT,
                "typreceive", SqlType.TEXT, "typsend", SqlType.TEXT, "typmodin", SqlType.TEXT,
                "typmodout", SqlType.TEXT, "typanalyze", SqlType.TEXT, "typalign", CHAR, "typstorage", CHAR,
                "typnotnull", SqlType.BOOLEAN, "typbasetype", SqlType.OID, "typtypmod", SqlType.INTEGER,
                "typndims", SqlType.INTEGER, "typcollation", SqlType.OID, "typdefaultbin", SqlType.TEXT,
                "typdefault", SqlType.TEXT, "typacl", SqlType.TEXT_ARRAY);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (PgTypes.TypeRow type : PgTypes.rows()) {
            String name = PgTypes.name(type);
            rows.add(row().set("oid", type.oid()).set("typname", name).set("typnamespace", ObjectOids.PG_CATALOG)
                    .set("typowner", Roles.OWNER).set("typlen", type.length()).set("typbyval", type.byValue())
                    .set("typtype", type.kind()).set("typcategory", type.category())
                    .set("typispreferred", type.oid() == 25 || type.oid() == 701 || type.oid() == 1184 || type.oid() == 16)
                    .set("typisdefined", true).set("typdelim", ",")
                    .set("typsubscript", type.element() != 0 ? "array_subscript_handler" : "-")
                    .set("typelem", type.element()).set("typarray", type.array())
                    .set("typinput", type.element() != 0 ? "array_in" : name + "in")
                    .set("typoutput", type.element() != 0 ? "array_out" : name + "out")
                    .set("typreceive", type.element() != 0 ? "array_recv" : name + "recv")
                    .set("typsend", type.element() != 0 ? "array_send" : name + "send")
                    .set("typmodin", "-").set("typmodout", "-").set("typanalyze", "-")
                    .set("typalign", type.length() == 8 ? "d" : "i").set("typstorage", PgTypes.storage(type))
                    .set("typtypmod", -1).set("typcollation", PgTypes.collation(type)).values());
        }
        return rows;
    }
}
