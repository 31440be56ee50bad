package dev.amelie.compute.layout;

import dev.amelie.compute.storage.HashSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans the slot moves that spread the hash space evenly over a layout's nodes, leaving the
 * {@code draining} ones with nothing. Moves are small (at most {@code chunk} slots), so each one
 * holds its two nodes only briefly; a node gives away its highest slots first, so owned ranges
 * stay contiguous.
 */
public final class Rebalance {
    /** One step: {@code slots} go from node {@code source} to node {@code target}. */
    public record Move(int source, int target, int[] slots) {}

    private Rebalance() {}

    public static List<Move> plan(ComputeLayout layout, Set<Integer> draining, int chunk) {
        List<Integer> receivers = new ArrayList<>();
        for (ComputeLayout.Node node : layout.nodes()) {
            if (!draining.contains(node.id())) {
                receivers.add(node.id());
            }
        }
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("at least one compute node must remain");
        }
        int[] owners = layout.owners().clone();
        int[] counts = new int[layout.maxNodeId() + 1];
        for (int owner : owners) {
            counts[owner]++;
        }
        // The nodes that own the most keep the extra slot of an uneven split: fewer moves.
        receivers.sort((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int[] quota = new int[counts.length];
        for (int i = 0; i < receivers.size(); i++) {
            quota[receivers.get(i)] = HashSpace.SIZE / receivers.size() + (i < HashSpace.SIZE % receivers.size() ? 1 : 0);
        }
        List<Move> moves = new ArrayList<>();
        receivers.sort(Integer::compare);
        for (ComputeLayout.Node donor : layout.nodes()) {
            int source = donor.id();
            for (int target : receivers) {
                while (counts[source] > quota[source] && counts[target] < quota[target]) {
                    int n = Math.min(chunk, Math.min(counts[source] - quota[source], quota[target] - counts[target]));
                    int[] slots = new int[n];
                    int taken = 0;
                    for (int slot = owners.length - 1; slot >= 0 && taken < n; slot--) {
                        if (owners[slot] == source) {
                            slots[taken++] = slot;
                            owners[slot] = target;
                        }
                    }
                    counts[source] -= n;
                    counts[target] += n;
                    moves.add(new Move(source, target, slots));
                }
            }
        }
        return moves;
    }
}
