package dev.amelie.compute.layout;

import dev.amelie.compute.storage.HashSpace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Which compute nodes exist and which of them owns each slot of the {@link HashSpace}. Immutable:
 * every change (a node added or dropped, slots moved) is a new version, installed at one point of
 * the transaction order, so each transaction routes by exactly one layout.
 *
 * <p>Node ids are small and stable while a node exists (partitions of tables are kept per node
 * id); a node added after one was dropped may get its id, and finds that id's partitions empty.
 * The UUID is the node's name for operators.
 *
 * <p>A class, not a record: it keeps its node ids as an array too, because every statement that
 * runs on all nodes walks them.
 */
public final class ComputeLayout {
    /** A compute node as the layout knows it. */
    public record Node(int id, UUID uuid) {}

    private final long version;
    private final List<Node> nodes;
    private final int[] owners;
    private final int[] nodeIds;
    private final java.util.BitSet idSet = new java.util.BitSet();

    /**
     * @param version increases by one with every change
     * @param nodes the nodes, by increasing id
     * @param owners the owning node id of each slot of the hash space
     */
    public ComputeLayout(long version, List<Node> nodes, int[] owners) {
        this.version = version;
        this.nodes = List.copyOf(nodes);
        this.owners = owners.clone();
        this.nodeIds = this.nodes.stream().mapToInt(Node::id).toArray();
        for (int id : nodeIds) {
            idSet.set(id);
        }
        if (owners.length != HashSpace.SIZE) {
            throw new IllegalArgumentException("a layout assigns all " + HashSpace.SIZE + " slots, got " + owners.length);
        }
        for (int owner : owners) {
            if (nodeIndex(this.nodes, owner) < 0) {
                throw new IllegalArgumentException("slot owned by node " + owner + ", which the layout does not have");
            }
        }
    }

    public long version() {
        return version;
    }

    /** The nodes, by increasing id. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The owning node id of each slot of the hash space (a copy). */
    public int[] owners() {
        return owners.clone();
    }

    /**
     * {@code count} nodes with ids 0… owning equal contiguous ranges: what a server started with
     * {@code compute = count} has, and how data written before layouts were recorded is placed.
     * The UUIDs are derived from the ids, so the same count always gives the same layout.
     */
    public static ComputeLayout uniform(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one compute node, got " + count);
        }
        List<Node> nodes = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            nodes.add(new Node(id, UUID.nameUUIDFromBytes(("amelie-compute-" + id).getBytes(StandardCharsets.UTF_8))));
        }
        int[] owners = new int[HashSpace.SIZE];
        for (int slot = 0; slot < owners.length; slot++) {
            owners[slot] = (int) ((long) slot * count / HashSpace.SIZE);
        }
        return new ComputeLayout(1, nodes, owners);
    }

    /** The node id owning a slot. */
    public int ownerOf(int slot) {
        return owners[slot];
    }

    public int size() {
        return nodes.size();
    }

    /** The node ids, ascending; shared, not to be changed. */
    public int[] nodeIds() {
        return nodeIds;
    }

    /** The node ids as a set; shared, not to be changed (a transaction on every node enters these). */
    public java.util.BitSet idSet() {
        return idSet;
    }

    public boolean has(int nodeId) {
        return nodeIndex(nodes, nodeId) >= 0;
    }

    /** The largest node id, for arrays indexed by node id. */
    public int maxNodeId() {
        return nodes.getLast().id();
    }

    public Node node(UUID uuid) {
        for (Node node : nodes) {
            if (node.uuid().equals(uuid)) {
                return node;
            }
        }
        return null;
    }

    /** How many slots each node owns, indexed by node id. */
    public int[] slotCounts() {
        int[] counts = new int[maxNodeId() + 1];
        for (int owner : owners) {
            counts[owner]++;
        }
        return counts;
    }

    /** The contiguous slot ranges a node owns: its partitions of every table. */
    public int rangesOf(int nodeId) {
        int ranges = 0;
        for (int slot = 0; slot < owners.length; slot++) {
            if (owners[slot] == nodeId && (slot == 0 || owners[slot - 1] != nodeId)) {
                ranges++;
            }
        }
        return ranges;
    }

    /** The next version with one more node, owning no slot yet. */
    public ComputeLayout withNode(UUID uuid) {
        if (node(uuid) != null) {
            throw new IllegalArgumentException("compute node " + uuid + " already exists");
        }
        List<Node> more = new ArrayList<>(nodes);
        more.add(new Node(maxNodeId() + 1, uuid));
        return new ComputeLayout(version + 1, more, owners);
    }

    /** The next version without a node, which must own no slot any more. */
    public ComputeLayout withoutNode(int nodeId) {
        for (int owner : owners) {
            if (owner == nodeId) {
                throw new IllegalStateException("compute node " + nodeId + " still owns slots");
            }
        }
        List<Node> fewer = new ArrayList<>(nodes);
        fewer.removeIf(node -> node.id() == nodeId);
        return new ComputeLayout(version + 1, fewer, owners);
    }

    /** The next version with {@code slots} owned by {@code target}. */
    public ComputeLayout withSlotsMoved(int[] slots, int target) {
        int[] moved = owners.clone();
        for (int slot : slots) {
            moved[slot] = target;
        }
        return new ComputeLayout(version + 1, nodes, moved);
    }

    /** The same layout, only with another version number (recorded layouts keep theirs). */
    public ComputeLayout atVersion(long newVersion) {
        return new ComputeLayout(newVersion, nodes, owners);
    }

    /** Whether two layouts place every slot on the same node (versions aside). */
    public boolean samePlacement(ComputeLayout other) {
        return nodes.equals(other.nodes) && Arrays.equals(owners, other.owners);
    }

    private static int nodeIndex(List<Node> nodes, int id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComputeLayout other && version == other.version && samePlacement(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version) * 31 + Arrays.hashCode(owners);
    }

    @Override
    public String toString() {
        return "ComputeLayout[version=" + version + ", nodes=" + nodes + "]";
    }
}
