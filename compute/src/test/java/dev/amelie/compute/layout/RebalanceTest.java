package dev.amelie.compute.layout;

import dev.amelie.compute.storage.HashSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RebalanceTest {
    @Test
    void aBalancedLayoutNeedsNoMove() {
        for (int n = 1; n <= 9; n++) {
            assertEquals(List.of(), Rebalance.plan(ComputeLayout.uniform(n), Set.of(), 128), n + " nodes");
        }
    }

    @Test
    void aNewNodeGetsItsShareFromEveryOtherInSmallMoves() {
        ComputeLayout layout = ComputeLayout.uniform(3).withNode(UUID.randomUUID());
        List<Rebalance.Move> moves = Rebalance.plan(layout, Set.of(), 128);
        ComputeLayout after = apply(layout, moves);
        int[] counts = after.slotCounts();
        for (int id : after.nodeIds()) {
            assertEquals(HashSpace.SIZE / 4, counts[id], "slots of node " + id);
        }
        for (Rebalance.Move move : moves) {
            assertEquals(3, move.target());
            assertTrue(move.slots().length <= 128);
        }
        // Only the new node's share moved, and what a node kept stayed where it was.
        assertEquals(HashSpace.SIZE / 4, moves.stream().mapToInt(m -> m.slots().length).sum());
        for (int slot = 0; slot < HashSpace.SIZE; slot++) {
            assertTrue(after.ownerOf(slot) == layout.ownerOf(slot) || after.ownerOf(slot) == 3);
        }
    }

    @Test
    void aDrainedNodeEndsWithNothingAndTheOthersEvenlySpread() {
        ComputeLayout layout = ComputeLayout.uniform(5);
        ComputeLayout after = apply(layout, Rebalance.plan(layout, Set.of(1, 4), 100));
        int[] counts = after.slotCounts();
        assertEquals(0, counts[1]);
        assertEquals(0, counts[4]);
        for (int id : new int[] {0, 2, 3}) {
            assertTrue(Math.abs(counts[id] - HashSpace.SIZE / 3) <= 1, "node " + id + " has " + counts[id]);
        }
        ComputeLayout without = after.withoutNode(1).withoutNode(4);
        assertEquals(3, without.size());
        assertEquals(layout.version() + Rebalance.plan(layout, Set.of(1, 4), 100).size() + 2, without.version());
    }

    @Test
    void theLastNodeCannotBeDrained() {
        assertThrows(IllegalArgumentException.class, () -> Rebalance.plan(ComputeLayout.uniform(1), Set.of(0), 128));
        assertThrows(IllegalStateException.class, () -> ComputeLayout.uniform(2).withoutNode(1));
    }

    private static ComputeLayout apply(ComputeLayout layout, List<Rebalance.Move> moves) {
        for (Rebalance.Move move : moves) {
            for (int slot : move.slots()) {
                assertEquals(move.source(), layout.ownerOf(slot), "slot " + slot + " moves from its owner");
            }
            layout = layout.withSlotsMoved(move.slots(), move.target());
        }
        return layout;
    }
}
