package dev.amelie.planner.ddl;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.CheckConstraint;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;

import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * The names PostgreSQL gives constraints nobody named (ChooseConstraintName in
 * pg_constraint.c): {@code table_column_check} for a CHECK that reads one column,
 * {@code table_check} for one that reads none or several; then {@code …1}, {@code …2} past the
 * names constraints of the schema already have.
 */
public final class ConstraintNames {
    private ConstraintNames() {}

    public static String check(TableDef def, SortedSet<Integer> columns, Catalog catalog) {
        return numbered(def, def.name() + "_" + (columns.size() == 1 ? def.columns().get(columns.first()).name() + "_" : "") + "check",
                catalog);
    }

    /** {@code table_a_b_fkey} for a FOREIGN KEY on columns a, b; numbered as a CHECK's name is. */
    public static String foreignKey(TableDef def, java.util.List<String> columns, Catalog catalog) {
        return numbered(def, def.name() + "_" + String.join("_", columns) + "_fkey", catalog);
    }

    /** {@code table_a_b_key} for a UNIQUE constraint on columns a, b; numbered past the schema's relation names too. */
    public static String unique(TableDef def, java.util.List<String> columns, Catalog catalog) {
        String base = def.name() + "_" + String.join("_", columns) + "_key";
        String name = base;
        Set<String> taken = inSchema(def.schema(), catalog);
        taken.addAll(ofTable(def, catalog));
        for (int n = 1; taken.contains(name) || catalog.table(def.schema(), name) != null || indexExists(catalog, def.schema(), name); n++) {
            name = base + n;
        }
        return name;
    }

    private static boolean indexExists(Catalog catalog, String schema, String name) {
        for (Table table : catalog.tables()) {
            if (table.def().schema().equals(schema) && table.indexDefs().stream().anyMatch(index -> index.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static String numbered(TableDef def, String base, Catalog catalog) {
        Set<String> taken = inSchema(def.schema(), catalog);
        taken.addAll(ofTable(def, catalog));
        String name = base;
        for (int n = 1; taken.contains(name); n++) {
            name = base + n;
        }
        return name;
    }

    /** The names of the table's constraints: CHECKs, FOREIGN KEYs, primary key, UNIQUE. */
    public static Set<String> ofTable(TableDef def, Catalog catalog) {
        Set<String> names = new HashSet<>();
        def.checks().forEach(check -> names.add(check.name()));
        def.foreignKeys().forEach(key -> names.add(key.name()));
        if (def.hasPrimaryKey()) {
            names.add(def.primaryKeyName());
        }
        Table table = catalog.table(def.id());
        if (table != null) {
            for (IndexDef index : table.indexDefs()) {
                if (index.constraint()) {
                    names.add(index.name());
                }
            }
        }
        return names;
    }

    private static Set<String> inSchema(String schema, Catalog catalog) {
        Set<String> names = new HashSet<>();
        for (Table table : catalog.tables()) {
            if (table.def().schema().equals(schema)) {
                names.addAll(ofTable(table.def(), catalog));
            }
        }
        return names;
    }
}
