package dev.amelie.compute.catalog;

import java.util.List;

/**
 * A table's definition. {@code primaryKey} lists column positions; empty means the table has
 * no declared key and its rows carry a hidden row id as one extra trailing value.
 */
public record TableDef(long id, String schema, String name, List<ColumnDef> columns, int[] primaryKey) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = primaryKey.clone();
    }

    public boolean hasPrimaryKey() {
        return primaryKey.length > 0;
    }

    /** Number of values a stored row holds: the columns, plus the hidden row id if any. */
    public int storedWidth() {
        return columns.size() + (hasPrimaryKey() ? 0 : 1);
    }

    /** Column position by name, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** The name PostgreSQL gives the primary key constraint. */
    public String primaryKeyName() {
        return name + "_pkey";
    }
}
