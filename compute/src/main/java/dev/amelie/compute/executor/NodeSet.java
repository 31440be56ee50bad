package dev.amelie.compute.executor;

import dev.amelie.compute.layout.ComputeLayout;

import java.util.BitSet;

/**
 * The compute nodes a transaction declares before it takes its place in the order, as node ids
 * under the layout version they were computed with. If ALTER COMPUTE changed the layout in
 * between, the ids may no longer own what the statements need: the transaction then takes every
 * node of the new layout instead, which is always right.
 */
public final class NodeSet {
    private static final long ANY_LAYOUT = -1;
    private static final NodeSet ALL = new NodeSet(null, ANY_LAYOUT);
    private static final NodeSet NONE = new NodeSet(new BitSet(), ANY_LAYOUT);

    /** null: every node of whatever layout is current at entry. */
    private final BitSet ids;
    private final long layoutVersion;

    private NodeSet(BitSet ids, long layoutVersion) {
        this.ids = ids;
        this.layoutVersion = layoutVersion;
    }

    public static NodeSet all() {
        return ALL;
    }

    /** No node yet; {@link #union} with the sets statements need. */
    public static NodeSet none() {
        return NONE;
    }

    static NodeSet of(BitSet ids, ComputeLayout layout) {
        return new NodeSet((BitSet) ids.clone(), layout.version());
    }

    public boolean isAll() {
        return ids == null;
    }

    /** No node at all. */
    public boolean isEmpty() {
        return ids != null && ids.isEmpty();
    }

    public NodeSet union(NodeSet other) {
        if (isAll() || other.isAll()) {
            return ALL;
        }
        if (ids.isEmpty() && layoutVersion == ANY_LAYOUT) {
            return other;
        }
        if (other.ids.isEmpty() && other.layoutVersion == ANY_LAYOUT) {
            return this;
        }
        if (layoutVersion != other.layoutVersion) {
            return ALL;
        }
        BitSet both = (BitSet) ids.clone();
        both.or(other.ids);
        return new NodeSet(both, layoutVersion);
    }

    /** The node ids to enter under {@code current}, the layout in force at the entry. */
    BitSet resolve(ComputeLayout current) {
        if (ids == null || layoutVersion != current.version() && layoutVersion != ANY_LAYOUT) {
            return current.idSet();
        }
        return ids;
    }

    @Override
    public String toString() {
        return isAll() ? "all nodes" : "nodes " + ids + " of layout " + layoutVersion;
    }
}
