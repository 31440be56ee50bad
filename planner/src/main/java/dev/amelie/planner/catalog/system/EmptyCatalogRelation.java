package dev.amelie.planner.catalog.system;

import java.util.List;

/**
 * A pg_catalog relation for what this server does not have (triggers, policies, publications,
 * extensions, inheritance, …): PostgreSQL's columns and no rows, so the queries clients send
 * about them run and find nothing, as on a PostgreSQL that has none.
 */
final class EmptyCatalogRelation extends CatalogRelation {
    EmptyCatalogRelation(String schema, String name, Object... columns) {
        super(schema, name, columns);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.of();
    }
}
