package dev.amelie.planner.catalog.system;

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
        return List.<Object[]>of(row().set("usename", Roles.NAME).set("usesysid", Roles.OWNER).set("usecreatedb", true)
                .set("usesuper", true).set("userepl", true).set("usebypassrls", true).set("passwd", "********").values());
    }
}
