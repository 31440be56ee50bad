package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_language: The languages functions could be written in (we have none of our own yet). */
final class PgLanguage extends CatalogRelation {
    PgLanguage() {
        super(CatalogRelations.PG_CATALOG, "pg_language",
                "oid", SqlType.OID, "lanname", NAME, "lanowner", SqlType.OID, "lanispl", SqlType.BOOLEAN,
                "lanpltrusted", SqlType.BOOLEAN, "lanplcallfoid", SqlType.OID, "laninline", SqlType.OID,
                "lanvalidator", SqlType.OID, "lanacl", SqlType.TEXT_ARRAY);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(
                language(12, "internal", false), language(13, "c", false), language(14, "sql", true));
    }

    private Object[] language(long oid, String name, boolean trusted) {
        return row().set("oid", oid).set("lanname", name).set("lanowner", Roles.OWNER).set("lanpltrusted", trusted).values();
    }
}
