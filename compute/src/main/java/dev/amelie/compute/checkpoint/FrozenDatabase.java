package dev.amelie.compute.checkpoint;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.storage.Partition;

import java.util.List;
import java.util.Map;

/**
 * The database as of one point in the transaction order, held still for a checkpoint's writer:
 * the catalog then, and every partition's frozen row map.
 *
 * @param lsn the last WAL record of a transaction before the point
 * @param catalogChanges the catalog as changes that recreate it, sequence states included
 * @param partitions per compute node id, the partitions it froze (each thawed by the same node)
 * @param holdNanos how long the nodes were held to freeze, from when the last one arrived
 */
record FrozenDatabase(long lsn, Catalog catalog, List<Change> catalogChanges, Map<Integer, List<FrozenPartition>> partitions,
                      long holdNanos) {

    record FrozenPartition(Table table, int index, Partition partition, Map<Object, Object[]> rows) {}
}
