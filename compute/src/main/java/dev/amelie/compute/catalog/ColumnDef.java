package dev.amelie.compute.catalog;

import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;

/**
 * A table column: name (already case-folded), type, whether it rejects NULL, its DEFAULT
 * expression as SQL text (null: none, so NULL), the sequence it owns (serial and identity
 * columns; dropped with the table) or null, and its type modifier: for {@code numeric(p, s)}
 * its precision and scale, for {@code varchar(n)} and {@code char(n)} (a text column whose
 * {@code character} type says which) n in precision; -1 when unconstrained. Every stored value
 * is fitted to it (see {@link dev.amelie.vm.value.TypeModifiers}).
 */
public record ColumnDef(String name, SqlType type, boolean notNull, String defaultSql, String ownedSequence,
                        int precision, int scale, CharacterType character) {

    public ColumnDef {
        if (character == null) {
            character = CharacterType.TEXT;
        }
    }

    public ColumnDef(String name, SqlType type, boolean notNull, String defaultSql, String ownedSequence,
                     int precision, int scale) {
        this(name, type, notNull, defaultSql, ownedSequence, precision, scale, CharacterType.TEXT);
    }

    public ColumnDef(String name, SqlType type, boolean notNull, String defaultSql, String ownedSequence) {
        this(name, type, notNull, defaultSql, ownedSequence, -1, -1);
    }

    public ColumnDef(String name, SqlType type, boolean notNull) {
        this(name, type, notNull, null, null);
    }

    public ColumnDef withNotNull() {
        return new ColumnDef(name, type, true, defaultSql, ownedSequence, precision, scale, character);
    }

    /** The same column, NOT NULL or not (ALTER COLUMN … SET / DROP NOT NULL). */
    public ColumnDef withNotNull(boolean rejectsNull) {
        return new ColumnDef(name, type, rejectsNull, defaultSql, ownedSequence, precision, scale, character);
    }

    /** The same column with another DEFAULT (null: none). */
    public ColumnDef withDefault(String newDefaultSql) {
        return new ColumnDef(name, type, notNull, newDefaultSql, ownedSequence, precision, scale, character);
    }

    /** The same column under another name (RENAME COLUMN). */
    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, type, notNull, defaultSql, ownedSequence, precision, scale, character);
    }

    /** Whether stored values are rounded to a scale (numeric(p, s)). */
    public boolean hasScale() {
        return type == SqlType.NUMERIC && precision > 0;
    }

    /** Whether stored values are fitted to a length or stripped of trailing blanks (varchar(n), char(n)). */
    public boolean hasLength() {
        return type == SqlType.TEXT && character != CharacterType.TEXT
                && (precision >= 0 || character == CharacterType.BPCHAR || character == CharacterType.NAME);
    }

    /** PostgreSQL's atttypmod: what RowDescription and format_type show; -1 when unconstrained. */
    public int typmod() {
        if (type == SqlType.NUMERIC) {
            return dev.amelie.vm.value.TypeModifiers.numericTypmod(precision, scale);
        }
        return character == CharacterType.TEXT || character == CharacterType.NAME ? -1
                : dev.amelie.vm.value.TypeModifiers.characterTypmod(precision);
    }
}
