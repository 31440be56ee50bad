package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.TableDef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partitions of one table, one per compute node id. A node's partition is made the first time
 * it is asked for, so nodes added at run time (ALTER COMPUTE) need nothing from the catalog; each
 * partition itself stays confined to its node's thread.
 */
public final class PartitionsByNode {
    private final TableDef def;
    private volatile Partition[] byNode = new Partition[0];

    public PartitionsByNode(TableDef def) {
        this.def = def;
    }

    public Partition get(int nodeId) {
        Partition[] partitions = byNode;
        if (nodeId < partitions.length) {
            Partition partition = partitions[nodeId];
            if (partition != null) {
                return partition;
            }
        }
        return create(nodeId);
    }

    private synchronized Partition create(int nodeId) {
        Partition[] partitions = byNode;
        if (nodeId >= partitions.length) {
            partitions = Arrays.copyOf(partitions, nodeId + 1);
        } else if (partitions[nodeId] != null) {
            return partitions[nodeId];
        } else {
            partitions = partitions.clone();
        }
        Partition made = new Partition(def);
        partitions[nodeId] = made;
        byNode = partitions;
        return made;
    }

    /** The node ids that have a partition (made so far), ascending. */
    public List<Integer> nodeIds() {
        Partition[] partitions = byNode;
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < partitions.length; id++) {
            if (partitions[id] != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
