package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_catalog.pg_authid: The roles with the columns clients may read. rolpassword stays NULL:
 * the verifiers are for authentication only (a safe subset, where PostgreSQL lets only
 * superusers read the table at all).
 */
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
        List<Object[]> rows = new ArrayList<>();
        for (RoleDef role : Roles.all(contents)) {
            rows.add(row().set("oid", role.oid()).set("rolname", role.name()).set("rolsuper", role.superuser())
                    .set("rolinherit", role.inherit()).set("rolcreaterole", role.createRole())
                    .set("rolcreatedb", role.createDb()).set("rolcanlogin", role.login())
                    .set("rolreplication", role.replication()).set("rolbypassrls", role.bypassRls())
                    .set("rolconnlimit", role.connectionLimit()).values());
        }
        return rows;
    }
}
