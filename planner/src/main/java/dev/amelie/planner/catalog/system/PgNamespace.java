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
            var target = dev.amelie.compute.catalog.AclTarget.schema(namespace.name());
            var acl = dev.amelie.planner.privilege.Privileges.acl(contents.catalog(), target);
            Object[] items = dev.amelie.planner.privilege.Privileges.aclText(contents.catalog().access(),
                    contents.catalog().access().acls().get(target));
            rows.add(row().set("oid", namespace.oid()).set("nspname", namespace.name()).set("nspowner", acl.owner())
                    .set("nspacl", items == null ? null : new dev.amelie.vm.value.SqlArray(items)).values());
        }
        return rows;
    }
}
