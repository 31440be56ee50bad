package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_collation: The collations every PostgreSQL has: default, C and POSIX (we compare by code point). */
final class PgCollation extends CatalogRelation {
    PgCollation() {
        super(CatalogRelations.PG_CATALOG, "pg_collation",
                "oid", SqlType.OID, "collname", NAME, "collnamespace", SqlType.OID, "collowner", SqlType.OID,
                "collprovider", CHAR, "collisdeterministic", SqlType.BOOLEAN, "collencoding", SqlType.INTEGER,
                "collcollate", SqlType.TEXT, "collctype", SqlType.TEXT, "colliculocale", SqlType.TEXT,
                "collversion", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(
                collation(100, "default", "d", null),
                collation(950, "C", "c", "C"),
                collation(951, "POSIX", "c", "POSIX"));
    }

    private Object[] collation(long oid, String name, String provider, String locale) {
        return row().set("oid", oid).set("collname", name).set("collnamespace", ObjectOids.PG_CATALOG)
                .set("collowner", Roles.OWNER).set("collprovider", provider).set("collisdeterministic", true)
                .set("collencoding", -1).set("collcollate", locale).set("collctype", locale).values();
    }
}
