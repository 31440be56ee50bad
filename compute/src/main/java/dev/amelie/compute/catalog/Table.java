package dev.amelie.compute.catalog;

import dev.amelie.compute.storage.HashSpace;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.amelie.compute.storage.Partition;
import dev.amelie.compute.storage.PartitionsByNode;
import dev.amelie.compute.storage.SecondaryIndex;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A live table: its definition and one partition per compute node id. A node's partition is
 * confined to that node's thread; the host only reaches it through that node's inbox.
 */
public final class Table {
    private final TableDef def;
    private final PartitionsByNode partitions;
    private final AtomicLong lastRowId;
    private final List<SecondaryIndex> indexes;
    /** Whether an index is UNIQUE: asked per statement, so known once per table version. */
    private final boolean hasUniqueIndex;
    /** The numeric(p, s), varchar(n) and char(n) columns, whose values are fitted to their type modifier as rows are stored: asked per row. */
    private final int[] typmodColumns;

    public Table(TableDef def) {
        this.def = def;
        this.typmodColumns = typmodColumns(def);
        this.partitions = new PartitionsByNode(def);
        this.lastRowId = new AtomicLong();
        this.indexes = List.of();
        this.hasUniqueIndex = false;
    }

    private Table(TableDef def, PartitionsByNode partitions, AtomicLong lastRowId, List<SecondaryIndex> indexes) {
        this.def = def;
        this.typmodColumns = typmodColumns(def);
        this.partitions = partitions;
        this.lastRowId = lastRowId;
        this.indexes = List.copyOf(indexes);
        this.hasUniqueIndex = indexes.stream().anyMatch(index -> index.def().unique());
    }

    /**
     * Whether a write to this table must take every node, one at a time: a UNIQUE index is
     * checked across partitions (see {@link SecondaryIndex}).
     */
    public boolean hasUniqueIndex() {
        return hasUniqueIndex;
    }

    /** Positions of the columns declared numeric(p, s), varchar(n) or char(n). */
    public int[] typmodColumns() {
        return typmodColumns;
    }

    private static int[] typmodColumns(TableDef def) {
        return java.util.stream.IntStream.range(0, def.columns().size())
                .filter(i -> def.columns().get(i).hasScale() || def.columns().get(i).hasLength()).toArray();
    }

    public List<SecondaryIndex> indexes() {
        return indexes;
    }

    /** The definitions of the table's indexes, in creation order. */
    public List<IndexDef> indexDefs() {
        return indexes.stream().map(SecondaryIndex::def).toList();
    }

    /** The index of this name, or null. */
    public SecondaryIndex index(String name) {
        for (SecondaryIndex index : indexes) {
            if (index.def().name().equals(name)) {
                return index;
            }
        }
        return null;
    }

    /**
     * The same table and rows with one more index, built from the rows now (CREATE INDEX). The
     * rows are shared, not copied: a rollback puts back the catalog that holds this table without
     * it. Only while no compute node runs (DDL holds them all, recovery runs before them).
     */
    public Table withIndex(IndexDef index) {
        SecondaryIndex built = new SecondaryIndex(index, def);
        for (int p : partitions.nodeIds()) {
            for (Iterator<Map.Entry<Object, Object[]>> it = partitions.get(p).iterator(); it.hasNext(); ) {
                Map.Entry<Object, Object[]> row = it.next();
                built.build(p, row.getKey(), row.getValue());
            }
        }
        List<SecondaryIndex> more = new ArrayList<>(indexes);
        more.add(built);
        return new Table(def, partitions, lastRowId, more);
    }

    /** The same table and rows without the named index (DROP INDEX). */
    public Table withoutIndex(String name) {
        List<SecondaryIndex> fewer = new ArrayList<>(indexes);
        fewer.removeIf(index -> index.def().name().equals(name));
        return new Table(def, partitions, lastRowId, fewer);
    }

    /**
     * Stores a row in partition {@code p} and keeps every index in step; a UNIQUE index that
     * refuses the row leaves everything as it was and raises 23505. On the partition's node.
     */
    public Object[] put(int p, Object key, Object[] row) {
        Partition partition = partitions.get(p);
        if (indexes.isEmpty()) {
            return partition.put(key, row);
        }
        Object[] old = partition.get(key);
        int added = 0;
        try {
            for (SecondaryIndex index : indexes) {
                if (old != null) {
                    index.remove(p, key, old);
                }
                index.add(p, key, row);
                added++;
            }
        } catch (RuntimeException refused) {
            for (int i = 0; i <= added && i < indexes.size(); i++) {
                if (i < added) {
                    indexes.get(i).remove(p, key, row);
                }
                if (old != null) {
                    indexes.get(i).add(p, key, old);
                }
            }
            throw refused;
        }
        return partition.put(key, row);
    }

    /** Removes a row from partition {@code p} and from every index. On the partition's node. */
    public Object[] remove(int p, Object key) {
        Object[] old = partitions.get(p).remove(key);
        if (old != null) {
            for (SecondaryIndex index : indexes) {
                index.remove(p, key, old);
            }
        }
        return old;
    }

    /** Fills every index from the rows (after recovery put the rows in directly). */
    public void rebuildIndexes() {
        for (SecondaryIndex index : indexes) {
            index.clear();
            for (int p : partitions.nodeIds()) {
                for (Iterator<Map.Entry<Object, Object[]>> it = partitions.get(p).iterator(); it.hasNext(); ) {
                    Map.Entry<Object, Object[]> row = it.next();
                    index.build(p, row.getKey(), row.getValue());
                }
            }
        }
    }

    public TableDef def() {
        return def;
    }

    public Partition partition(int node) {
        return partitions.get(node);
    }

    /** The node ids this table has a partition on (some may be empty). */
    public List<Integer> partitionNodes() {
        return partitions.nodeIds();
    }

    /**
     * Takes the rows whose key is in one of {@code slots} out of node {@code from}'s partition and
     * its index entries, for {@link #attach} on the node that owns those slots next (ALTER
     * COMPUTE). A UNIQUE index's entries stay: the rows keep their keys and exist throughout.
     * On node {@code from}'s thread.
     */
    public List<Map.Entry<Object, Object[]>> detach(int from, java.util.function.IntPredicate slots) {
        Partition partition = partitions.get(from);
        List<Map.Entry<Object, Object[]>> leaving = new ArrayList<>();
        for (Iterator<Map.Entry<Object, Object[]>> it = partition.iterator(); it.hasNext(); ) {
            Map.Entry<Object, Object[]> row = it.next();
            if (slots.test(HashSpace.slot(row.getKey()))) {
                leaving.add(Map.entry(row.getKey(), row.getValue()));
            }
        }
        for (Map.Entry<Object, Object[]> row : leaving) {
            partition.remove(row.getKey());
            for (SecondaryIndex index : indexes) {
                index.detach(from, row.getKey(), row.getValue());
            }
        }
        return leaving;
    }

    /** Puts rows {@link #detach detached} elsewhere into node {@code to}'s partition. On that node's thread. */
    public void attach(int to, List<Map.Entry<Object, Object[]>> rows) {
        Partition partition = partitions.get(to);
        for (Map.Entry<Object, Object[]> row : rows) {
            partition.put(row.getKey(), row.getValue());
            for (SecondaryIndex index : indexes) {
                index.attach(to, row.getKey(), row.getValue());
            }
        }
    }

    /**
     * The same table without rows (TRUNCATE). A new object, so that the transaction's rollback
     * gets the old rows back by restoring the catalog that holds the old one.
     */
    public Table emptied() {
        Table empty = new Table(def);
        for (SecondaryIndex index : indexes) {
            empty = empty.withIndex(index.def());
        }
        return empty;
    }

    /**
     * The same rows keyed by {@code primaryKey} (ALTER TABLE … ADD PRIMARY KEY): the hidden row
     * ids go, every row moves to the partition its key hashes to, key columns become NOT NULL.
     * Only while no compute node runs (DDL holds them all, recovery runs before them).
     * Raises PostgreSQL's errors for a NULL or a duplicate key.
     *
     * @param ownerOfSlot the node id owning a hash slot (the layout the change runs under)
     */
    public Table withPrimaryKey(int[] primaryKey, java.util.function.IntUnaryOperator ownerOfSlot) {
        if (def.hasPrimaryKey()) {
            throw new SqlException(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + def.name() + "\" are not allowed");
        }
        List<ColumnDef> columns = new ArrayList<>(def.columns());
        for (int position : primaryKey) {
            ColumnDef c = columns.get(position);
            columns.set(position, c.withNotNull());
        }
        TableDef keyed = new TableDef(def.id(), def.schema(), def.name(), columns, primaryKey.clone(), def.materializedQuery(),
                def.checks(), def.foreignKeys());
        Table result = new Table(keyed);
        for (int p : partitions.nodeIds()) {
            for (Iterator<Map.Entry<Object, Object[]>> it = partitions.get(p).iterator(); it.hasNext(); ) {
                Object[] row = Arrays.copyOf(it.next().getValue(), keyed.storedWidth());
                for (int position : primaryKey) {
                    if (row[position] == null) {
                        throw new SqlException(SqlState.NOT_NULL_VIOLATION, "column \"" + columns.get(position).name()
                                + "\" of relation \"" + def.name() + "\" contains null values");
                    }
                }
                Object key = RowKey.of(keyed, row);
                Partition home = result.partition(ownerOfSlot.applyAsInt(HashSpace.slot(key)));
                if (home.put(key, row) != null) {
                    throw new SqlException(SqlState.UNIQUE_VIOLATION, "could not create unique index \"" + def.name() + "_pkey\"",
                            "Key (" + keyColumns(keyed) + ")=(" + keyValues(keyed, row) + ") is duplicated.", null, 0, null);
                }
            }
        }
        for (SecondaryIndex index : indexes) {
            result = result.withIndex(index.def());
        }
        return result;
    }

    /**
     * The same rows with one more column (ALTER TABLE … ADD COLUMN) holding {@code value}; a
     * keyless table's hidden row id stays last. New row arrays in a new table, so that a rollback
     * gets the old ones back with the old catalog. Only while no compute node runs.
     */
    public Table withColumn(ColumnDef column, Object value) {
        List<ColumnDef> columns = new ArrayList<>(def.columns());
        columns.add(column);
        TableDef wider = new TableDef(def.id(), def.schema(), def.name(), columns, def.primaryKey(), def.materializedQuery(),
                def.checks(), def.foreignKeys());
        int width = def.columns().size();
        Table result = new Table(wider);
        result.observeRowId(lastRowId.get());
        for (int p : partitions.nodeIds()) {
            Partition to = result.partition(p);
            for (Iterator<Map.Entry<Object, Object[]>> it = partitions.get(p).iterator(); it.hasNext(); ) {
                Map.Entry<Object, Object[]> entry = it.next();
                Object[] old = entry.getValue();
                Object[] row = new Object[wider.storedWidth()];
                System.arraycopy(old, 0, row, 0, width);
                row[width] = value;
                if (!def.hasPrimaryKey()) {
                    row[width + 1] = old[width];
                }
                to.put(entry.getKey(), row);
            }
        }
        for (SecondaryIndex index : indexes) {
            result = result.withIndex(index.def());
        }
        return result;
    }

    /**
     * The same rows under another definition that keeps the columns' count, order, types and
     * the key (ALTER TABLE … RENAME, ALTER COLUMN … SET DEFAULT / NOT NULL, CHECK constraints).
     * The rows are shared; the indexes are built anew, since their errors name the columns.
     * Only while no compute node runs.
     */
    public Table withDefinition(TableDef changed) {
        Table result = new Table(changed, partitions, lastRowId, List.of());
        for (SecondaryIndex index : indexes) {
            result = result.withIndex(index.def());
        }
        return result;
    }

    /**
     * The rows without column {@code position} (ALTER TABLE … DROP COLUMN), in new row arrays of
     * a new table, so that a rollback gets the old ones back with the old catalog. Indexes on the
     * column go; so does the primary key when the column is part of it (as in PostgreSQL): the
     * rows then get hidden row ids, numbered in key order so that a replay numbers them alike,
     * and move to the partitions their row ids hash to. Only while no compute node runs.
     *
     * @param ownerOfSlot the node id owning a hash slot (the layout the change runs under)
     */
    public Table withoutColumn(int position, java.util.function.IntUnaryOperator ownerOfSlot) {
        List<ColumnDef> columns = new ArrayList<>(def.columns());
        columns.remove(position);
        boolean losesKey = def.isKeyColumn(position);
        int[] key = losesKey ? new int[0] : Arrays.stream(def.primaryKey()).map(k -> k > position ? k - 1 : k).toArray();
        // A constraint on the column goes with it; the others follow the columns (a constraint
        // that references the table itself, on both sides).
        List<ForeignKey> foreignKeys = def.foreignKeys().stream().filter(k -> !k.uses(position))
                .map(k -> new ForeignKey(k.name(), Arrays.stream(k.columns()).map(c -> c > position ? c - 1 : c).toArray(),
                        k.referencedTable(), k.referencedTable() != def.id() ? k.referencedColumns()
                        : Arrays.stream(k.referencedColumns()).map(c -> c > position ? c - 1 : c).toArray(),
                        k.onDelete(), k.onUpdate())).toList();
        TableDef narrower = new TableDef(def.id(), def.schema(), def.name(), columns, key, def.materializedQuery(), def.checks(),
                foreignKeys);
        Table result = new Table(narrower);
        result.observeRowId(lastRowId.get());
        List<Map.Entry<Object, Object[]>> rows = new ArrayList<>();
        for (int p : partitions.nodeIds()) {
            for (Iterator<Map.Entry<Object, Object[]>> it = partitions.get(p).iterator(); it.hasNext(); ) {
                Map.Entry<Object, Object[]> entry = it.next();
                rows.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        if (losesKey) {
            rows.sort((x, y) -> compareKeys(RowKey.values(x.getKey()), RowKey.values(y.getKey())));
        }
        for (Map.Entry<Object, Object[]> entry : rows) {
            Object[] old = entry.getValue();
            Object[] row = new Object[narrower.storedWidth()];
            System.arraycopy(old, 0, row, 0, position);
            System.arraycopy(old, position + 1, row, position, old.length - position - 1);
            if (losesKey) {
                row[columns.size()] = result.nextRowId();
            }
            Object rowKey = losesKey ? RowKey.of(narrower, row) : entry.getKey();
            result.partition(ownerOfSlot.applyAsInt(HashSpace.slot(rowKey))).put(rowKey, row);
        }
        for (SecondaryIndex index : indexes) {
            int[] indexed = index.def().columns();
            if (Arrays.stream(indexed).anyMatch(c -> c == position)) {
                continue;
            }
            IndexDef old = index.def();
            int[] shifted = Arrays.stream(indexed).map(c -> c > position ? c - 1 : c).toArray();
            result = result.withIndex(new IndexDef(old.schema(), old.name(), old.tableId(), shifted, old.unique(), old.method(),
                    old.constraint()));
        }
        return result;
    }

    private static int compareKeys(Object[] x, Object[] y) {
        for (int i = 0; i < x.length; i++) {
            int c = Values.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether a row holds NULL in column {@code position}. */
    public boolean hasNullIn(int position) {
        for (int p : partitions.nodeIds()) {
            for (Iterator<Map.Entry<Object, Object[]>> it = partitions.get(p).iterator(); it.hasNext(); ) {
                if (it.next().getValue()[position] == null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any partition holds a row. */
    public boolean hasRows() {
        for (int p : partitions.nodeIds()) {
            if (partitions.get(p).iterator().hasNext()) {
                return true;
            }
        }
        return false;
    }

    private static String keyColumns(TableDef def) {
        StringJoiner names = new StringJoiner(", ");
        for (int position : def.primaryKey()) {
            names.add(def.columns().get(position).name());
        }
        return names.toString();
    }

    private static String keyValues(TableDef def, Object[] row) {
        StringJoiner values = new StringJoiner(", ");
        for (int position : def.primaryKey()) {
            values.add(Values.toOutputText(row[position]));
        }
        return values.toString();
    }

    /** Next hidden row id for a table without a primary key. */
    public long nextRowId() {
        return lastRowId.incrementAndGet();
    }

    /** Recovery: row ids must continue after the highest one found in the log. */
    public void observeRowId(long rowId) {
        lastRowId.accumulateAndGet(rowId, Math::max);
    }
}
