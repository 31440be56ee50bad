package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_namespace: The schemas: pg_catalog, public, information_schema and every created one. */
final class PgNamespace extends CatalogRelation {
    PgNamespace() {
        super(CatalogRelations.PG_CATALOG, "pg_namespace",
                "oid", SqlType.OID, "nspname", NAME, "nspowner", SqlType.OID, "nspacl", SqlType.TEXT_ARRAY);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Namespace namespace : contents.namespaces()) {
            rows.add(row().set("oid", namespace.oid()).set("nspname", namespace.name()).set("nspowner",
                    namespace.oid() == ObjectOids.PUBLIC ? Roles.DATABASE_OWNER : Roles.OWNER).values());
        }
        return rows;
    }
}
