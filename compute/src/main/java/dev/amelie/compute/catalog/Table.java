package dev.amelie.compute.catalog;

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

    /** Next hidden row id for a table without a primary key. */
    public long nextRowId() {
        return lastRowId.incrementAndGet();
    }

    /** Recovery: row ids must continue after the highest one found in the log. */
    public void observeRowId(long rowId) {
        lastRowId.accumulateAndGet(rowId, Math::max);
    }
}
