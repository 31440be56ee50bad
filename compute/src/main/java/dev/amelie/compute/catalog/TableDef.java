package dev.amelie.compute.catalog;

import java.util.List;

/**
 * A table's definition. {@code primaryKey} lists column positions; empty means the table has
 * no declared key and its rows carry a hidden row id as one extra trailing value. A
 * materialized view is a table that holds what {@code materializedQuery} returned when it was
 * last refreshed (null for every other table).
 */
public record TableDef(long id, String schema, String name, List<ColumnDef> columns, int[] primaryKey,
                       String materializedQuery, List<CheckConstraint> checks, List<ForeignKey> foreignKeys) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = primaryKey.clone();
        checks = checks == null ? List.of() : List.copyOf(checks);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    }

    public TableDef(long id, String schema, String name, List<ColumnDef> columns, int[] primaryKey,
                    String materializedQuery, List<CheckConstraint> checks) {
        this(id, schema, name, columns, primaryKey, materializedQuery, checks, List.of());
    }

    public TableDef(long id, String schema, String name, List<ColumnDef> columns, int[] primaryKey,
                    String materializedQuery) {
        this(id, schema, name, columns, primaryKey, materializedQuery, List.of());
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

    /** The same table under another name (ALTER TABLE … RENAME TO). */
    public TableDef withName(String newName) {
        return new TableDef(id, schema, newName, columns, primaryKey, materializedQuery, checks, foreignKeys);
    }

    /** The same table with other column definitions, of the same count and order (rows unchanged). */
    public TableDef withColumns(List<ColumnDef> newColumns) {
        return new TableDef(id, schema, name, newColumns, primaryKey, materializedQuery, checks, foreignKeys);
    }

    /** The same table with other CHECK constraints. */
    public TableDef withChecks(List<CheckConstraint> newChecks) {
        return new TableDef(id, schema, name, columns, primaryKey, materializedQuery, newChecks, foreignKeys);
    }

    /** The same table with other FOREIGN KEY constraints. */
    public TableDef withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new TableDef(id, schema, name, columns, primaryKey, materializedQuery, checks, newForeignKeys);
    }

    /** The FOREIGN KEY constraint of this name, or null. */
    public ForeignKey foreignKey(String constraintName) {
        for (ForeignKey key : foreignKeys) {
            if (key.name().equals(constraintName)) {
                return key;
            }
        }
        return null;
    }

    /** The CHECK constraint of this name, or null. */
    public CheckConstraint check(String constraintName) {
        for (CheckConstraint check : checks) {
            if (check.name().equals(constraintName)) {
                return check;
            }
        }
        return null;
    }

    /** Whether {@code column} is part of the primary key. */
    public boolean isKeyColumn(int column) {
        for (int k : primaryKey) {
            if (k == column) {
                return true;
            }
        }
        return false;
    }

    /** The name PostgreSQL gives the primary key constraint. */
    public String primaryKeyName() {
        return name + "_pkey";
    }
}
