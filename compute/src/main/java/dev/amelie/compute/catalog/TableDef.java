package dev.amelie.compute.catalog;

import java.util.List;

/**
 * A table's definition. {@code primaryKey} lists column positions; empty means the table has
 * no declared key and its rows carry a hidden row id as one extra trailing value. A
 * materialized view is a table that holds what {@code materializedQuery} returned when it was
 * last refreshed (null for every other table).
 */
public record TableDef(long id, String schema, String name, List<ColumnDef> columns, int[] primaryKey,
                       String materializedQuery) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = primaryKey.clone();
    }

    public TableDef(long id, String schema, String name, List<ColumnDef> columns, int[] primaryKey) {
        this(id, schema, name, columns, primaryKey, null);
    }

    public boolean isMaterializedView() {
        return materializedQuery != null;
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
