package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/** information_schema.schemata: every schema of the one database, owned by the one superuser. */
final class InformationSchemaSchemata extends CatalogRelation {
    InformationSchemaSchemata() {
        super(CatalogRelations.INFORMATION_SCHEMA, "schemata",
                "catalog_name", NAME, "schema_name", NAME, "schema_owner", NAME,
                "default_character_set_catalog", NAME, "default_character_set_schema", NAME,
                "default_character_set_name", NAME, "sql_path", InformationSchema.CHARACTER_DATA);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Namespace namespace : contents.namespaces()) {
            // PostgreSQL 15 gives public to pg_database_owner.
            String owner = namespace.name().equals(dev.amelie.compute.catalog.Catalog.DEFAULT_SCHEMA)
                    ? Roles.DATABASE_OWNER_NAME : Roles.NAME;
            rows.add(row().set("catalog_name", SystemView.DATABASE).set("schema_name", namespace.name())
                    .set("schema_owner", owner).values());
        }
        return rows;
    }
}
