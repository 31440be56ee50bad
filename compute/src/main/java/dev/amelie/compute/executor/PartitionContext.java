package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.compute.storage.Partition;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.compute.storage.SecondaryIndex;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.value.TypeModifiers;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.exec.Cursor;
import dev.amelie.vm.exec.ListCursor;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A pushdown section's view of one partition, on the owning node's thread. Every change is
 * recorded twice: as an undo entry (for abort) and as a logical {@link Change} (for the WAL).
 */
final class PartitionContext extends SectionContext {
    private final Table table;
    private final int partitionIndex;
    /** The layout the transaction routes by: which node a changed key belongs on. */
    private final ComputeLayout layout;
    private final Partition partition;
    /** The catalog the statement runs against: other tables' partitions on this node (LOOKUP_IN). */
    private final dev.amelie.compute.catalog.Catalog catalog;
    private final List<Object[]> input;
    /** The rows of the statement's source programs (an UPDATE's FROM tables and subqueries). */
    private final List<List<Object[]>> sources;
    private final RowSetHashes hashes = new RowSetHashes();
    private final boolean modifies;
    private final List<UndoEntry> undo;
    /** Keys an INSERT … ON CONFLICT DO UPDATE has inserted or updated so far; null otherwise. */
    private java.util.Set<Object> affectedKeys;
    private final List<Change> changes = new ArrayList<>();
    private final RowSets rowSets = new RowSets(budget());
    private long affected;
    /**
     * The last LSN of a commit that wrote a key this section read and may not be durable yet
     * ({@link dev.amelie.compute.storage.RecentWrites}); {@link Long#MAX_VALUE} once it read more
     * than keys (a scan, an index, a unique check across partitions): then it waits for every commit.
     */
    private long readUpTo;

    PartitionContext(Table table, int partitionIndex, ComputeLayout layout, Object[] parameters, List<Object[]> input,
                     List<List<Object[]>> sources, boolean modifies, List<UndoEntry> undo, java.util.function.BooleanSupplier cancelled,
                     FixedValues fixed, dev.amelie.compute.catalog.Catalog catalog) {
        super(parameters, cancelled, fixed, partitionIndex);
        this.catalog = catalog;
        this.table = table;
        this.partitionIndex = partitionIndex;
        this.layout = layout;
        this.partition = table.partition(partitionIndex);
        this.input = input;
        this.sources = sources;
        this.modifies = modifies;
        this.undo = undo;
    }

    PushdownResult result() {
        return new PushdownResult(rowSets.output(), affected, changes, readUpTo);
    }

    /** The section read {@code key} of {@code from}, present or not. */
    private void read(Partition from, Object key) {
        long writer = from.recentWrites().lastWriterOf(key);
        if (writer > readUpTo) {
            readUpTo = writer;
        }
    }

    /** A write of {@code key}: it reads whether the key is taken, and a unique index reads every partition. */
    private void readKey(Object key) {
        if (table.hasUniqueIndex()) {
            readEverything();
        } else {
            read(partition, key);
        }
    }

    private void readEverything() {
        readUpTo = Long.MAX_VALUE;
    }

    @Override
    public Cursor open(RowSourceKind source, int rowSet) {
        return switch (source) {
            case PARTITION -> {
                readEverything();
                yield new PartitionCursor(modifies ? partition.snapshotIterator() : partition.iterator());
            }
            case INPUT -> new ListCursor(input == null ? List.of() : input);
            case SOURCE -> new ListCursor(sources.get(rowSet));
            case SYSTEM -> throw new IllegalStateException("pushdown sections do not read system views");
            case SCRATCH -> new ListCursor(rowSet(rowSet));
        };
    }

    @Override
    public void buildHash(int rowSet, int[] columns) {
        hashes.build(rowSet, rowSet(rowSet), columns);
    }

    @Override
    public Cursor probe(int rowSet, Object[] key) {
        return hashes.probe(rowSet, key);
    }

    @Override
    public Cursor lookup(Object[] key) {
        Object rowKey = RowKey.fromValues(key);
        Object[] row = partition.get(rowKey);
        read(partition, rowKey);
        Iterator<Map.Entry<Object, Object[]>> single = row == null
                ? java.util.Collections.emptyIterator()
                : List.<Map.Entry<Object, Object[]>>of(Map.entry(rowKey, row)).iterator();
        return new PartitionCursor(single);
    }

    @Override
    public Cursor lookupIn(long tableId, Object[] key) {
        Table other = catalog.table(tableId);
        if (other == null) {
            // Plans are made per catalog version, so the table existed when this one was.
            throw new IllegalStateException("table " + tableId + " is gone");
        }
        Object rowKey = RowKey.fromValues(key);
        Partition otherPartition = other.partition(partitionIndex);
        Object[] row = otherPartition.get(rowKey);
        read(otherPartition, rowKey);
        return new ListCursor(row == null ? List.of() : List.<Object[]>of(row));
    }

    @Override
    public Cursor indexLookup(String index, Object[] values) {
        SecondaryIndex secondary = table.index(index);
        if (secondary == null) {
            // Plans are made per catalog version, so the index existed when this one was.
            throw new IllegalStateException("index " + index + " of table " + table.def().name() + " is gone");
        }
        readEverything(); // what the index does not list may have been deleted by any commit
        List<Map.Entry<Object, Object[]>> rows = new ArrayList<>();
        for (Object key : secondary.lookup(partitionIndex, values)) {
            Object[] row = partition.get(key);
            if (row != null) {
                rows.add(Map.entry(key, row));
            }
        }
        return new PartitionCursor(rows.iterator());
    }

    @Override
    public void fitRow(Object[] registers, int first) {
        for (int i : table.typmodColumns()) {
            registers[first + i] = fitted(table.def().columns().get(i), registers[first + i]);
        }
    }

    @Override
    public void insert(Object[] row) {
        TableDef def = table.def();
        checkNotNull(def, row);
        fitToTypeModifiers(table, row);
        Object key = RowKey.of(def, row);
        readKey(key);
        if (partition.contains(key)) {
            throw duplicateKey(def, row);
        }
        table.put(partitionIndex, key, row);
        undo.add(new UndoEntry(table, partitionIndex, null, key, null));
        changes.add(new Change.Insert(def.id(), row));
        affected++;
    }

    @Override
    public boolean insertIfAbsent(Object[] row, boolean updateFollows) {
        TableDef def = table.def();
        checkNotNull(def, row);
        fitToTypeModifiers(table, row);
        Object key = RowKey.of(def, row);
        if (updateFollows && affectedKeys == null) {
            affectedKeys = new java.util.HashSet<>();
        }
        readKey(key);
        if (partition.contains(key)) {
            if (updateFollows && affectedKeys.contains(key)) {
                throw new SqlException(SqlState.CARDINALITY_VIOLATION,
                        "ON CONFLICT DO UPDATE command cannot affect row a second time", null,
                        "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.",
                        0, null);
            }
            return false;
        }
        table.put(partitionIndex, key, row);
        undo.add(new UndoEntry(table, partitionIndex, null, key, null));
        changes.add(new Change.Insert(def.id(), row));
        affected++;
        if (updateFollows) {
            affectedKeys.add(key);
        }
        return true;
    }

    @Override
    public void update(Cursor cursor, Object[] values) {
        TableDef def = table.def();
        PartitionCursor current = (PartitionCursor) cursor;
        Object[] oldRow = current.row();
        Object oldKey = current.key();
        Object[] row = def.hasPrimaryKey() ? values : withRowId(values, oldRow[def.columns().size()]);
        checkNotNull(def, row);
        fitToTypeModifiers(table, row);
        Object newKey = RowKey.of(def, row);
        readKey(newKey);
        if (newKey.equals(oldKey)) {
            table.put(partitionIndex, oldKey, row);
            undo.add(new UndoEntry(table, partitionIndex, null, oldKey, oldRow));
        } else {
            if (layout.ownerOf(HashSpace.slot(newKey)) != partitionIndex) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "updating a primary key so that the row moves to another partition is not supported yet");
            }
            if (partition.contains(newKey)) {
                throw duplicateKey(def, row);
            }
            // Undo first: if a unique index refuses the new row, the old one is still put back.
            undo.add(new UndoEntry(table, partitionIndex, newKey, oldKey, oldRow));
            table.remove(partitionIndex, oldKey);
            table.put(partitionIndex, newKey, row);
        }
        current.replace(row);
        if (affectedKeys != null) {
            affectedKeys.add(newKey);
        }
        changes.add(new Change.Update(def.id(), RowKey.values(oldKey), row));
        affected++;
    }

    @Override
    public void delete(Cursor cursor) {
        PartitionCursor current = (PartitionCursor) cursor;
        Object key = current.key();
        Object[] oldRow = table.remove(partitionIndex, key);
        if (oldRow == null) {
            return;
        }
        undo.add(new UndoEntry(table, partitionIndex, null, key, oldRow));
        changes.add(new Change.Delete(table.def().id(), RowKey.values(key)));
        affected++;
    }

    @Override
    public List<Object[]> rowSet(int id) {
        return rowSets.get(id);
    }

    private static Object[] withRowId(Object[] values, Object rowId) {
        Object[] row = Arrays.copyOf(values, values.length + 1);
        row[values.length] = rowId;
        return row;
    }

    private static void checkNotNull(TableDef def, Object[] row) {
        List<ColumnDef> columns = def.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] == null && (columns.get(i).notNull() || isKeyColumn(def, i))) {
                throw new SqlException(SqlState.NOT_NULL_VIOLATION,
                        "null value in column \"" + columns.get(i).name() + "\" of relation \"" + def.name()
                                + "\" violates not-null constraint",
                        "Failing row contains " + describe(row, columns.size()) + ".", null, 0, null);
            }
        }
    }

    /**
     * numeric(p, s) columns store their values rounded to s digits, varchar(n) and char(n)
     * columns values of at most n characters (PostgreSQL's assignment casts, TypeModifiers).
     */
    static void fitToTypeModifiers(Table table, Object[] row) {
        for (int i : table.typmodColumns()) {
            row[i] = fitted(table.def().columns().get(i), row[i]);
        }
    }

    /** One value as a column with a type modifier stores it. */
    static Object fitted(ColumnDef column, Object value) {
        if (value instanceof String text && column.hasLength()) {
            return TypeModifiers.fitCharacters(text, column.character(), column.precision(), false);
        }
        if (value instanceof Number number && column.hasScale()) {
            java.math.BigDecimal decimal = number instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(number.toString());
            return TypeModifiers.fitNumeric(decimal, column.precision(), column.scale());
        }
        return value;
    }

    private static boolean isKeyColumn(TableDef def, int column) {
        for (int k : def.primaryKey()) {
            if (k == column) {
                return true;
            }
        }
        return false;
    }

    private static SqlException duplicateKey(TableDef def, Object[] row) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (int k : def.primaryKey()) {
            names.add(def.columns().get(k).name());
            values.add(row[k] == null ? "null" : Values.toOutputText(row[k]));
        }
        return new SqlException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + def.primaryKeyName() + "\"",
                "Key (" + names + ")=(" + values + ") already exists.", null, 0, null);
    }

    private static String describe(Object[] row, int width) {
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < width; i++) {
            values.add(row[i] == null ? "null" : Values.toOutputText(row[i]));
        }
        return values.toString();
    }

    /** A cursor over partition entries that remembers the current key for UPDATE/DELETE. */
    private static final class PartitionCursor implements Cursor {
        private final Iterator<Map.Entry<Object, Object[]>> entries;
        private Object key;
        private Object[] row;

        PartitionCursor(Iterator<Map.Entry<Object, Object[]>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean next() {
            if (!entries.hasNext()) {
                return false;
            }
            Map.Entry<Object, Object[]> entry = entries.next();
            key = entry.getKey();
            row = entry.getValue();
            return true;
        }

        @Override
        public Object[] row() {
            return row;
        }

        Object key() {
            return key;
        }

        void replace(Object[] newRow) {
            row = newRow;
        }
    }
}
