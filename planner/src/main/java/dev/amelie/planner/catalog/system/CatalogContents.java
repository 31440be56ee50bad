package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.CheckConstraint;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.SequenceDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.planner.catalog.RelationOids;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One catalog version as the pg_catalog relations and functions see it: every schema, relation,
 * index and constraint with its OID. Built from the catalog when a statement reads a catalog
 * relation or calls a catalog function, and shared by the reads of one message.
 */
public final class CatalogContents {
    /** A pg_namespace row. */
    public record Namespace(long oid, String name) {}

    /**
     * A pg_class row: a table (r), materialized view (m), view (v), sequence (S) or index (i);
     * {@code columns} are the relation's attributes (an index's are the indexed columns).
     */
    public record Relation(long oid, String schema, String name, char kind, List<ColumnDef> columns,
                           TableDef table, ViewDef view, SequenceDef sequence, Index index) {
        public long namespace(CatalogContents contents) {
            return contents.namespaceOid(schema);
        }
    }

    /** A pg_index row: the primary key's implicit index too, as PostgreSQL has one. */
    public record Index(long oid, String name, TableDef table, int[] columns, boolean unique, boolean primary,
                        String method, boolean constraint) {}

    /** A pg_constraint row: p, u, f or c. */
    public record Constraint(long oid, String name, char type, TableDef table, int[] columns, Index index,
                             ForeignKey foreignKey, TableDef referenced, CheckConstraint check) {}

    private final Catalog catalog;
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<Long, Relation> relationsByOid = new HashMap<>();
    private final Map<Long, Index> indexesByOid = new HashMap<>();
    private final Map<Long, Constraint> constraintsByOid = new HashMap<>();
    private final Map<String, Long> namespaceOids = new HashMap<>();
    private final ObjectOids oids;
    private final Function<ViewDef, List<ColumnDef>> viewColumns;

    /** {@code viewColumns}: a view's columns with their types, as planning its query gives them. */
    public CatalogContents(Catalog catalog, Function<ViewDef, List<ColumnDef>> viewColumns) {
        this.catalog = catalog;
        this.viewColumns = viewColumns;
        this.oids = new ObjectOids(keys(catalog));
        addNamespace(ObjectOids.PG_CATALOG, Catalog.SYSTEM_SCHEMA);
        addNamespace(ObjectOids.PUBLIC, Catalog.DEFAULT_SCHEMA);
        addNamespace(ObjectOids.INFORMATION_SCHEMA, CatalogRelations.INFORMATION_SCHEMA);
        catalog.createdSchemas().stream().sorted().forEach(schema -> addNamespace(oids.of("n:" + schema), schema));
        for (CatalogRelation relation : CatalogRelations.all()) {
            addRelation(new Relation(RelationOids.of(relation.def()), relation.def().schema(), relation.def().name(), 'v',
                    relation.def().columns(), null, null, null, null));
        }
        for (dev.amelie.planner.catalog.SystemView view : dev.amelie.planner.catalog.SystemView.values()) {
            addRelation(new Relation(RelationOids.of(view.def()), view.def().schema(), view.def().name(), 'v',
                    view.def().columns(), null, null, null, null));
        }
        catalog.tables().stream().sorted(Comparator.comparingLong(table -> table.def().id())).forEach(this::addTable);
        catalog.viewsByName().values().stream().sorted(Comparator.comparing(ViewDef::name)).forEach(view ->
                addRelation(new Relation(oids.of(ObjectOids.key("v", view.schema(), view.name())), view.schema(), view.name(),
                        'v', null, null, view, null, null)));
        catalog.sequencesByName().values().stream().map(dev.amelie.compute.catalog.Sequence::def)
                .sorted(Comparator.comparing(SequenceDef::name)).forEach(sequence ->
                        addRelation(new Relation(oids.of(ObjectOids.key("S", sequence.schema(), sequence.name())), sequence.schema(),
                                sequence.name(), 'S', SEQUENCE_COLUMNS, null, null, sequence, null)));
    }

    private static final List<ColumnDef> SEQUENCE_COLUMNS = List.of(
            new ColumnDef("last_value", dev.amelie.vm.type.SqlType.BIGINT, true),
            new ColumnDef("log_cnt", dev.amelie.vm.type.SqlType.BIGINT, true),
            new ColumnDef("is_called", dev.amelie.vm.type.SqlType.BOOLEAN, true));

    private static List<String> keys(Catalog catalog) {
        List<String> keys = new ArrayList<>();
        for (String schema : catalog.createdSchemas()) {
            keys.add("n:" + schema);
        }
        for (Table table : catalog.tables()) {
            TableDef def = table.def();
            keys.add(ObjectOids.key("T", def.schema(), def.name()));
            if (def.hasPrimaryKey()) {
                keys.add(ObjectOids.key("i", def.schema(), def.primaryKeyName()));
                keys.add(constraintKey(def, def.primaryKeyName()));
            }
            for (IndexDef index : table.indexDefs()) {
                keys.add(ObjectOids.key("i", index.schema(), index.name()));
                if (index.constraint()) {
                    keys.add(constraintKey(def, index.name()));
                }
            }
            for (ForeignKey key : def.foreignKeys()) {
                keys.add(constraintKey(def, key.name()));
            }
            for (CheckConstraint check : def.checks()) {
                keys.add(constraintKey(def, check.name()));
            }
            for (ColumnDef column : def.columns()) {
                if (column.defaultSql() != null) {
                    keys.add(ObjectOids.key("d", def.schema(), def.name() + "." + column.name()));
                }
            }
        }
        for (ViewDef view : catalog.viewsByName().values()) {
            keys.add(ObjectOids.key("v", view.schema(), view.name()));
            keys.add(ObjectOids.key("T", view.schema(), view.name()));
        }
        for (dev.amelie.compute.catalog.Sequence sequence : catalog.sequencesByName().values()) {
            keys.add(ObjectOids.key("S", sequence.def().schema(), sequence.def().name()));
        }
        return keys;
    }

    private static String constraintKey(TableDef table, String name) {
        return ObjectOids.key("c", table.schema(), table.name() + "." + name);
    }

    private void addNamespace(long oid, String name) {
        namespaces.add(new Namespace(oid, name));
        namespaceOids.put(name, oid);
    }

    private void addRelation(Relation relation) {
        relations.add(relation);
        relationsByOid.put(relation.oid(), relation);
    }

    private void addTable(Table table) {
        TableDef def = table.def();
        addRelation(new Relation(RelationOids.of(def), def.schema(), def.name(), def.isMaterializedView() ? 'm' : 'r',
                def.columns(), def, null, null, null));
        if (def.hasPrimaryKey()) {
            Index primary = new Index(oids.of(ObjectOids.key("i", def.schema(), def.primaryKeyName())), def.primaryKeyName(),
                    def, def.primaryKey(), true, true, "btree", true);
            addIndex(primary);
            addConstraint(new Constraint(oids.of(constraintKey(def, primary.name())), primary.name(), 'p', def,
                    def.primaryKey(), primary, null, null, null));
        }
        for (IndexDef index : table.indexDefs()) {
            Index added = new Index(oids.of(ObjectOids.key("i", index.schema(), index.name())), index.name(), def,
                    index.columns(), index.unique(), false, index.method() == IndexDef.Method.HASH ? "hash" : "btree",
                    index.constraint());
            addIndex(added);
            if (index.constraint()) {
                addConstraint(new Constraint(oids.of(constraintKey(def, index.name())), index.name(), 'u', def,
                        index.columns(), added, null, null, null));
            }
        }
        for (CheckConstraint check : def.checks()) {
            addConstraint(new Constraint(oids.of(constraintKey(def, check.name())), check.name(), 'c', def,
                    columnsIn(def, check.expression()), null, null, null, check));
        }
        for (ForeignKey key : def.foreignKeys()) {
            Table referenced = catalog.table(key.referencedTable());
            addConstraint(new Constraint(oids.of(constraintKey(def, key.name())), key.name(), 'f', def, key.columns(),
                    referenced == null ? null : referencedIndex(referenced.def(), key.referencedColumns()), key,
                    referenced == null ? null : referenced.def(), null));
        }
    }

    /**
     * The columns a CHECK expression reads, in table order (its conkey): the names that stand
     * as words in it outside string literals, plain or double-quoted.
     */
    static int[] columnsIn(TableDef table, String expression) {
        String words = expression.replaceAll("'([^']|'')*'", " ");
        java.util.List<Integer> found = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String name = table.columns().get(i).name();
            java.util.regex.Pattern plain = java.util.regex.Pattern.compile("(?<![\\w$\"])" + java.util.regex.Pattern.quote(name) + "(?![\\w$])");
            if (plain.matcher(words).find() || words.contains("\"" + name.replace("\"", "\"\"") + "\"")) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private void addIndex(Index index) {
        List<ColumnDef> columns = new ArrayList<>();
        for (int column : index.columns()) {
            columns.add(index.table().columns().get(column));
        }
        indexes.add(index);
        indexesByOid.put(index.oid(), index);
        addRelation(new Relation(index.oid(), index.table().schema(), index.name(), 'i', columns, null, null, null, index));
    }

    private void addConstraint(Constraint constraint) {
        constraints.add(constraint);
        constraintsByOid.put(constraint.oid(), constraint);
    }

    /** The unique index a foreign key's referenced columns match (conindid), or null. */
    private Index referencedIndex(TableDef referenced, int[] columns) {
        if (java.util.Arrays.equals(sorted(referenced.primaryKey()), sorted(columns))) {
            return new Index(oids.of(ObjectOids.key("i", referenced.schema(), referenced.primaryKeyName())),
                    referenced.primaryKeyName(), referenced, referenced.primaryKey(), true, true, "btree", true);
        }
        Table table = catalog.table(referenced.id());
        for (IndexDef index : table.indexDefs()) {
            if (index.unique() && java.util.Arrays.equals(sorted(index.columns()), sorted(columns))) {
                return new Index(oids.of(ObjectOids.key("i", index.schema(), index.name())), index.name(), referenced,
                        index.columns(), true, false, "btree", index.constraint());
            }
        }
        return null;
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<Namespace> namespaces() {
        return namespaces;
    }

    public List<Relation> relations() {
        return relations;
    }

    public List<Index> indexes() {
        return indexes;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public Relation relation(long oid) {
        return relationsByOid.get(oid);
    }

    public Index index(long oid) {
        return indexesByOid.get(oid);
    }

    public Constraint constraint(long oid) {
        return constraintsByOid.get(oid);
    }

    /** A schema's OID; 0 for one that does not exist. */
    public long namespaceOid(String schema) {
        return namespaceOids.getOrDefault(schema, 0L);
    }

    /** The columns of a relation; a view's are planned from its query. */
    public List<ColumnDef> columns(Relation relation) {
        return relation.view() != null ? viewColumns.apply(relation.view()) : relation.columns();
    }

    /**
     * pg_class.reltype: the OID of the row type PostgreSQL creates with each table and view (we
     * have no such type in pg_type); 0 for indexes, sequences and the system relations.
     */
    public long rowTypeOid(Relation relation) {
        boolean ours = relation.table() != null || relation.view() != null;
        return ours ? oids.of(ObjectOids.key("T", relation.schema(), relation.name())) : 0L;
    }

    /** pg_attrdef's OID of a column's default. */
    public long defaultOid(TableDef table, int column) {
        return oids.of(ObjectOids.key("d", table.schema(), table.name() + "." + table.columns().get(column).name()));
    }
}
