package dev.amelie.compute.catalog;

import java.util.Arrays;

/**
 * A FOREIGN KEY constraint of the referencing table that holds it: its columns (positions in
 * that table) must equal, as a whole, the {@code referencedColumns} of some row of the table of
 * id {@code referencedTable} (its primary key or a UNIQUE constraint), unless one of them is
 * NULL (MATCH SIMPLE). The referenced table is named by id, so renaming it changes nothing here.
 */
public record ForeignKey(String name, int[] columns, long referencedTable, int[] referencedColumns, Action onDelete,
                         Action onUpdate) {

    /** What a DELETE or key UPDATE of a referenced row does to the rows that reference it. */
    public enum Action {
        NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

        /** As PostgreSQL writes it (pg_get_constraintdef). */
        public String sql() {
            return name().replace('_', ' ');
        }
    }

    public ForeignKey {
        columns = columns.clone();
        referencedColumns = referencedColumns.clone();
    }

    /** The same constraint under another name. */
    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }

    /** Whether {@code column} of the referencing table is one of its columns. */
    public boolean uses(int column) {
        return Arrays.stream(columns).anyMatch(c -> c == column);
    }

    /** Whether {@code column} of the referenced table is one of the referenced columns. */
    public boolean references(int column) {
        return Arrays.stream(referencedColumns).anyMatch(c -> c == column);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForeignKey k && name.equals(k.name) && Arrays.equals(columns, k.columns)
                && referencedTable == k.referencedTable && Arrays.equals(referencedColumns, k.referencedColumns)
                && onDelete == k.onDelete && onUpdate == k.onUpdate;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Long.hashCode(referencedTable);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(columns) + "->" + referencedTable + Arrays.toString(referencedColumns);
    }
}
