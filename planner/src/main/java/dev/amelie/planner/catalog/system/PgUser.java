package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_user: The roles that can log in. */
final class PgUser extends CatalogRelation {
    PgUser() {
        super(CatalogRelations.PG_CATALOG, "pg_user",
                "usename", NAME, "usesysid", SqlType.OID, "usecreatedb", SqlType.BOOLEAN,
                "usesuper", SqlType.BOOLEAN, "userepl", SqlType.BOOLEAN, "usebypassrls", SqlType.BOOLEAN,
                "passwd", SqlType.TEXT, "valuntil", SqlType.TIMESTAMPTZ, "useconfig", SqlType.TEXT_ARRAY);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (RoleDef role : Roles.all(contents)) {
            if (role.login()) {
                rows.add(row().set("usename", role.name()).set("usesysid", role.oid()).set("usecreatedb", role.createDb())
                        .set("usesuper", role.superuser()).set("userepl", role.replication())
                        .set("usebypassrls", role.bypassRls()).set("passwd", "********").values());
            }
        }
        return rows;
    }
}
