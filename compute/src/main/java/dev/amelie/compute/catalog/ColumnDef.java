package dev.amelie.compute.catalog;

import dev.amelie.vm.type.SqlType;

/**
 * A table column: name (already case-folded), type, whether it rejects NULL, its DEFAULT
 * expression as SQL text (null: none, so NULL), and the sequence it owns (serial and identity
 * columns; dropped with the table), or null.
 */
public record ColumnDef(String name, SqlType type, boolean notNull, String defaultSql, String ownedSequence) {

    public ColumnDef(String name, SqlType type, boolean notNull) {
        this(name, type, notNull, null, null);
    }

    public ColumnDef withNotNull() {
        return new ColumnDef(name, type, true, defaultSql, ownedSequence);
    }
}
