package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_tablespace: The two tablespaces every PostgreSQL has. */
final class PgTablespace extends CatalogRelation {
    PgTablespace() {
        super(CatalogRelations.PG_CATALOG, "pg_tablespace",
                "oid", SqlType.OID, "spcname", NAME, "spcowner", SqlType.OID, "spcacl", SqlType.TEXT_ARRAY,
                "spcoptions", SqlType.TEXT_ARRAY);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(
                row().set("oid", Tablespaces.DEFAULT).set("spcname", "pg_default").set("spcowner", Roles.OWNER).values(),
                row().set("oid", Tablespaces.GLOBAL).set("spcname", "pg_global").set("spcowner", Roles.OWNER).values());
    }
}
