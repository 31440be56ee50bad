package dev.amelie.compute.catalog;

/**
 * A secondary index: its name (in the schema's relation namespace, as in PostgreSQL), the
 * table, the indexed column positions, whether it is UNIQUE, and the access method asked for.
 */
public record IndexDef(String schema, String name, long tableId, int[] columns, boolean unique, Method method) {

    /** {@code USING btree} (the default) or {@code USING hash}. */
    public enum Method { BTREE, HASH }

    public IndexDef {
        columns = columns.clone();
    }
}
