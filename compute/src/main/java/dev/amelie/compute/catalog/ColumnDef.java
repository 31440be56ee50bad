package dev.amelie.compute.catalog;

import dev.amelie.vm.type.SqlType;

/**
 * A table column: name (already case-folded), type, whether it rejects NULL, its DEFAULT
 * expression as SQL text (null: none, so NULL), the sequence it owns (serial and identity
 * columns; dropped with the table) or null, and for {@code numeric(p, s)} its precision and
 * scale (precision -1 when unconstrained), which every stored value is rounded to.
 */
public record ColumnDef(String name, SqlType type, boolean notNull, String defaultSql, String ownedSequence,
                        int precision, int scale) {

    public ColumnDef(String name, SqlType type, boolean notNull, String defaultSql, String ownedSequence) {
        this(name, type, notNull, defaultSql, ownedSequence, -1, -1);
    }

    public ColumnDef(String name, SqlType type, boolean notNull) {
        this(name, type, notNull, null, null);
    }

    public ColumnDef withNotNull() {
        return new ColumnDef(name, type, true, defaultSql, ownedSequence, precision, scale);
    }

    /** Whether stored values are rounded to a scale (numeric(p, s)). */
    public boolean hasScale() {
        return type == SqlType.NUMERIC && precision > 0;
    }
}
