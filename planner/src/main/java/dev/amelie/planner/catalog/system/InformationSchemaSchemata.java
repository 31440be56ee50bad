package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/** information_schema.schemata: Every schema; public is owned by pg_database_owner, the others by the one role. */
final class InformationSchemaSchemata extends CatalogRelation {
    InformationSchemaSchemata() {
        super(CatalogRelations.INFORMATION_SCHEMA, "schemata",
                "catalog_name", NAME, "schema_name", NAME, "schema_owner", NAME,
                "default_character_set_catalog", NAME, "default_character_set_schema", NAME,
                "default_character_set_name", NAME, "sql_path", dev.amelie.vm.type.SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Namespace namespace : contents.namespaces()) {
            rows.add(row().set("catalog_name", SystemView.DATABASE).set("schema_name", namespace.name())
                    .set("schema_owner", namespace.name().equals(Catalog.DEFAULT_SCHEMA) ? Roles.DATABASE_OWNER_NAME : Roles.NAME)
                    .values());
        }
        return rows;
    }
}
