package dev.amelie.compute.catalog;

/**
 * An object privileges are granted on: a table (or materialized view) by id, so that RENAME
 * keeps its grants; a view by name; a schema by name.
 */
public record AclTarget(Kind kind, long tableId, String schema, String name) {
    public enum Kind { TABLE, VIEW, SCHEMA }

    public static AclTarget table(long id) {
        return new AclTarget(Kind.TABLE, id, "", "");
    }

    public static AclTarget view(String schema, String name) {
        return new AclTarget(Kind.VIEW, 0, schema, name);
    }

    public static AclTarget schema(String name) {
        return new AclTarget(Kind.SCHEMA, 0, name, "");
    }
}
