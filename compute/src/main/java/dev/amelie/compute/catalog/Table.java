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

import java.util.concurrent.atomic.AtomicLong;

/**
 * A live table: its definition and one partition per compute node. Partition i is confined to
 * node i's thread; the host only reaches it through that node's inbox.
 */
public final class Table {
    private final TableDef def;
    private final Partition[] partitions;
    private final AtomicLong lastRowId = new AtomicLong();

    public Table(TableDef def, int nodes) {
        this.def = def;
        this.partitions = new Partition[nodes];
        for (int i = 0; i < nodes; i++) {
            partitions[i] = new Partition(def);
        }
    }

    public TableDef def() {
        return def;
    }

    public Partition partition(int node) {
        return partitions[node];
    }

    public int partitionCount() {
        return partitions.length;
    }

    /**
     * The same table without rows (TRUNCATE). A new object, so that the transaction's rollback
     * gets the old rows back by restoring the catalog that holds the old one.
     */
    public Table emptied() {
        return new Table(def, partitions.length);
    }

    /**
     * The same rows keyed by {@code primaryKey} (ALTER TABLE … ADD PRIMARY KEY): the hidden row
     * ids go, every row moves to the partition its key hashes to, key columns become NOT NULL.
     * Only while no compute node runs (DDL holds them all, recovery runs before them).
     * Raises PostgreSQL's errors for a NULL or a duplicate key.
     */
    public Table withPrimaryKey(int[] primaryKey) {
        if (def.hasPrimaryKey()) {
            throw new SqlException(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + def.name() + "\" are not allowed");
        }
        List<ColumnDef> columns = new ArrayList<>(def.columns());
        for (int position : primaryKey) {
            ColumnDef c = columns.get(position);
            columns.set(position, c.withNotNull());
        }
        TableDef keyed = new TableDef(def.id(), def.schema(), def.name(), columns, primaryKey.clone());
        Table result = new Table(keyed, partitions.length);
        for (Partition partition : partitions) {
            for (Iterator<Map.Entry<Object, Object[]>> it = partition.iterator(); it.hasNext(); ) {
                Object[] row = Arrays.copyOf(it.next().getValue(), keyed.storedWidth());
                for (int position : primaryKey) {
                    if (row[position] == null) {
                        throw new SqlException(SqlState.NOT_NULL_VIOLATION, "column \"" + columns.get(position).name()
                                + "\" of relation \"" + def.name() + "\" contains null values");
                    }
                }
                Object key = RowKey.of(keyed, row);
                Partition home = result.partitions[HashSpace.partitionOf(HashSpace.slot(key), partitions.length)];
                if (home.put(key, row) != null) {
                    throw new SqlException(SqlState.UNIQUE_VIOLATION, "could not create unique index \"" + def.name() + "_pkey\"",
                            "Key (" + keyColumns(keyed) + ")=(" + keyValues(keyed, row) + ") is duplicated.", null, 0, null);
                }
            }
        }
        return result;
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
            values.add(Values.toText(row[position]));
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
