package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_roles: The roles (one superuser until roles are built); passwords never show. */
final class PgRoles extends CatalogRelation {
    PgRoles() {
        super(CatalogRelations.PG_CATALOG, "pg_roles",
                "rolname", NAME, "rolsuper", SqlType.BOOLEAN, "rolinherit", SqlType.BOOLEAN,
                "rolcreaterole", SqlType.BOOLEAN, "rolcreatedb", SqlType.BOOLEAN, "rolcanlogin", SqlType.BOOLEAN,
                "rolreplication", SqlType.BOOLEAN, "rolconnlimit", SqlType.INTEGER, "rolpassword", SqlType.TEXT,
                "rolvaliduntil", SqlType.TIMESTAMPTZ, "rolbypassrls", SqlType.BOOLEAN,
                "rolconfig", SqlType.TEXT_ARRAY, "oid", SqlType.OID);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(row().set("rolname", Roles.NAME).set("rolsuper", true).set("rolinherit", true)
                .set("rolcreaterole", true).set("rolcreatedb", true).set("rolcanlogin", true).set("rolreplication", true)
                .set("rolconnlimit", -1).set("rolpassword", "********").set("rolbypassrls", true).set("oid", Roles.OWNER)
                .values(),
                row().set("rolname", Roles.DATABASE_OWNER_NAME).set("rolinherit", true).set("rolconnlimit", -1)
                        .set("rolpassword", "********").set("oid", Roles.DATABASE_OWNER).values());
    }
}
