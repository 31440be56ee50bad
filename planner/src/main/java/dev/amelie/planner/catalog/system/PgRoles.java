package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_roles: The roles; passwords never show (********, as in PostgreSQL). */
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
        List<Object[]> rows = new ArrayList<>();
        for (RoleDef role : Roles.all(contents)) {
            rows.add(row().set("rolname", role.name()).set("rolsuper", role.superuser()).set("rolinherit", role.inherit())
                    .set("rolcreaterole", role.createRole()).set("rolcreatedb", role.createDb())
                    .set("rolcanlogin", role.login()).set("rolreplication", role.replication())
                    .set("rolconnlimit", role.connectionLimit()).set("rolpassword", "********")
                    .set("rolbypassrls", role.bypassRls()).set("oid", role.oid()).values());
        }
        return rows;
    }
}
