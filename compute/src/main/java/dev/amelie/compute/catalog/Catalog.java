package dev.amelie.compute.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

/**
 * An immutable version of the catalog. DDL makes a new version; planners read whichever is
 * current, and plans refer to tables by id so a dropped table is noticed at run time.
 */
public record Catalog(long version, Map<String, Table> tablesByName, Map<Long, Table> tablesById, long lastTableId,
                      Map<String, ViewDef> viewsByName, Map<String, Sequence> sequencesByName, Set<String> createdSchemas, AccessControl access) {

    public static final String DEFAULT_SCHEMA = "public";
    /** Where the system views live; like "public" it always exists and cannot be dropped. */
    public static final String SYSTEM_SCHEMA = "pg_catalog";

    public static Catalog empty() {
        return new Catalog(0, Map.of(), Map.of(), 0, Map.of(), Map.of(), Set.of(), AccessControl.initial());
    }

    /** True for "public", "pg_catalog" and every schema CREATE SCHEMA made. */
    public boolean schemaExists(String schema) {
        return schema.equals(DEFAULT_SCHEMA) || schema.equals(SYSTEM_SCHEMA) || createdSchemas.contains(schema);
    }

    public Catalog withSchema(String schema) {
        Set<String> schemas = new HashSet<>(createdSchemas);
        schemas.add(schema);
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, viewsByName, sequencesByName, Set.copyOf(schemas), access);
    }

    public Catalog withoutSchema(String schema) {
        Set<String> schemas = new HashSet<>(createdSchemas);
        schemas.remove(schema);
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, viewsByName, sequencesByName, Set.copyOf(schemas),
                access.withAcl(AclTarget.schema(schema), null));
    }

    public Catalog withLastTableId(long id) {
        return new Catalog(version, tablesByName, tablesById, Math.max(lastTableId, id), viewsByName, sequencesByName, createdSchemas, access);
    }

    public Table table(String schema, String name) {
        return tablesByName.get(schema + "." + name);
    }

    public Table table(long id) {
        return tablesById.get(id);
    }

    public Collection<Table> tables() {
        return tablesById.values();
    }

    /** A FOREIGN KEY constraint with the table that holds it. */
    public record Reference(Table referencing, ForeignKey key) {}

    /**
     * The FOREIGN KEY constraints that reference table {@code tableId} (its own included), by
     * referencing table id, then in the order each table has them: the order their actions run in.
     */
    public java.util.List<Reference> referencesTo(long tableId) {
        java.util.List<Reference> found = new java.util.ArrayList<>();
        tablesById.values().stream().sorted(java.util.Comparator.comparingLong(t -> t.def().id())).forEach(table -> {
            for (ForeignKey key : table.def().foreignKeys()) {
                if (key.referencedTable() == tableId) {
                    found.add(new Reference(table, key));
                }
            }
        });
        return found;
    }

    public ViewDef view(String schema, String name) {
        return viewsByName.get(schema + "." + name);
    }

    public Catalog withView(ViewDef view) {
        Map<String, ViewDef> views = new HashMap<>(viewsByName);
        views.put(view.schema() + "." + view.name(), view);
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, Map.copyOf(views), sequencesByName, createdSchemas, access);
    }

    public Catalog withoutView(String schema, String name) {
        Map<String, ViewDef> views = new HashMap<>(viewsByName);
        views.remove(schema + "." + name);
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, Map.copyOf(views), sequencesByName, createdSchemas,
                access.withAcl(AclTarget.view(schema, name), null));
    }

    public Sequence sequence(String schema, String name) {
        return sequencesByName.get(schema + "." + name);
    }

    public Catalog withSequence(Sequence sequence) {
        Map<String, Sequence> sequences = new HashMap<>(sequencesByName);
        sequences.put(sequence.def().schema() + "." + sequence.def().name(), sequence);
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, viewsByName, Map.copyOf(sequences), createdSchemas, access);
    }

    public Catalog withoutSequence(String schema, String name) {
        Map<String, Sequence> sequences = new HashMap<>(sequencesByName);
        sequences.remove(schema + "." + name);
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, viewsByName, Map.copyOf(sequences), createdSchemas, access);
    }

    /** Roles or privileges changed (CREATE / ALTER / DROP ROLE, GRANT, REVOKE, a new object's owner). */
    public Catalog withAccess(AccessControl changed) {
        return new Catalog(version + 1, tablesByName, tablesById, lastTableId, viewsByName, sequencesByName, createdSchemas, changed);
    }

    public Catalog withVersion(long newVersion) {
        return new Catalog(newVersion, tablesByName, tablesById, lastTableId, viewsByName, sequencesByName, createdSchemas, access);
    }

    public Catalog withTable(Table table) {
        TableDef def = table.def();
        Map<String, Table> byName = new HashMap<>(tablesByName);
        Map<Long, Table> byId = new HashMap<>(tablesById);
        Table replaced = tablesById.get(def.id());
        if (replaced != null) {
            // ALTER TABLE … RENAME TO: the old name no longer names it.
            byName.remove(replaced.def().schema() + "." + replaced.def().name());
        }
        byName.put(def.schema() + "." + def.name(), table);
        byId.put(def.id(), table);
        return new Catalog(version + 1, Map.copyOf(byName), Map.copyOf(byId), Math.max(lastTableId, def.id()), viewsByName, sequencesByName, createdSchemas, access);
    }

    public Catalog withoutTable(long id) {
        Table table = tablesById.get(id);
        if (table == null) {
            return this;
        }
        Map<String, Table> byName = new HashMap<>(tablesByName);
        Map<Long, Table> byId = new HashMap<>(tablesById);
        byName.remove(table.def().schema() + "." + table.def().name());
        byId.remove(id);
        return new Catalog(version + 1, Map.copyOf(byName), Map.copyOf(byId), lastTableId, viewsByName, sequencesByName, createdSchemas,
                access.withAcl(AclTarget.table(id), null));
    }
}
