package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_authid: The roles with the columns clients may read (no password: a safe subset). */
final class PgAuthid extends CatalogRelation {
    PgAuthid() {
        super(CatalogRelations.PG_CATALOG, "pg_authid",
                "oid", SqlType.OID, "rolname", NAME, "rolsuper", SqlType.BOOLEAN, "rolinherit", SqlType.BOOLEAN,
                "rolcreaterole", SqlType.BOOLEAN, "rolcreatedb", SqlType.BOOLEAN, "rolcanlogin", SqlType.BOOLEAN,
                "rolreplication", SqlType.BOOLEAN, "rolbypassrls", SqlType.BOOLEAN, "rolconnlimit", SqlType.INTEGER,
                "rolpassword", SqlType.TEXT, "rolvaliduntil", SqlType.TIMESTAMPTZ);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(row().set("oid", Roles.OWNER).set("rolname", Roles.NAME).set("rolsuper", true)
                .set("rolinherit", true).set("rolcreaterole", true).set("rolcreatedb", true).set("rolcanlogin", true)
                .set("rolreplication", true).set("rolbypassrls", true).set("rolconnlimit", -1).values(),
                row().set("oid", Roles.DATABASE_OWNER).set("rolname", Roles.DATABASE_OWNER_NAME).set("rolinherit", true)
                        .set("rolconnlimit", -1).values());
    }
}
