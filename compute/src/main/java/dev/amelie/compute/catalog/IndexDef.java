package dev.amelie.compute.catalog;

/**
 * A secondary index: its name (in the schema's relation namespace, as in PostgreSQL), the
 * table, the indexed column positions, whether it is UNIQUE, the access method asked for, and
 * whether it is the index of a UNIQUE constraint (which DROP INDEX may not remove).
 */
public record IndexDef(String schema, String name, long tableId, int[] columns, boolean unique, Method method,
                       boolean constraint) {

    /** {@code USING btree} (the default) or {@code USING hash}. */
    public enum Method { BTREE, HASH }

    public IndexDef {
        columns = columns.clone();
    }

    /** An index made by CREATE INDEX, not by a constraint. */
    public IndexDef(String schema, String name, long tableId, int[] columns, boolean unique, Method method) {
        this(schema, name, tableId, columns, unique, method, false);
    }
}
