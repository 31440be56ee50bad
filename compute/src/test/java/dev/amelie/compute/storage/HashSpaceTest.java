package dev.amelie.compute.storage;

import dev.amelie.compute.layout.ComputeLayout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashSpaceTest {

    /**
     * Slots decide where replayed rows go, so they must never change silently between versions:
     * these values were computed once from the current hash. If this fails, the hash changed and
     * existing WALs replay rows into other partitions than a running server would look in.
     */
    @Test
    void slotsOfKnownKeysNeverChange() {
        assertEquals(754, HashSpace.slot(1L));
        assertEquals(2629, HashSpace.slot(2L));
        assertEquals(2833, HashSpace.slot(42L));
        assertEquals(3773, HashSpace.slot(-1L));
        assertEquals(3934, HashSpace.slot(Long.MAX_VALUE));
        assertEquals(1275, HashSpace.slot("alice"));
        assertEquals(721, HashSpace.slot("日本"));
        assertEquals(2612, HashSpace.slot(1.5));
        assertEquals(1994, HashSpace.slot(new RowKey.Composite(new Object[] {1L, "x"})));
    }

    @Test
    void slotsStayInsideTheHashSpace() {
        for (long key = -10_000; key <= 10_000; key++) {
            int slot = HashSpace.slot(key);
            assertTrue(slot >= 0 && slot < HashSpace.SIZE, "slot " + slot + " of " + key);
        }
        assertTrue(HashSpace.slot(Long.MIN_VALUE) >= 0);
    }

    /** Every partition owns one contiguous, non-empty range, and the ranges differ in size by at most one slot. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void partitionsSplitTheHashSpaceIntoContiguousNearlyEqualRanges(int partitions) {
        int[] sizes = new int[partitions];
        int previous = 0;
        for (int slot = 0; slot < HashSpace.SIZE; slot++) {
            int partition = ComputeLayout.uniform(partitions).ownerOf(slot);
            assertTrue(partition == previous || partition == previous + 1, "slot " + slot + " jumps to " + partition);
            sizes[partition]++;
            previous = partition;
        }
        assertEquals(partitions - 1, previous, "last slot belongs to the last partition");
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int size : sizes) {
            min = Math.min(min, size);
            max = Math.max(max, size);
        }
        assertTrue(min > 0 && max - min <= 1, "range sizes " + min + ".." + max);
    }

    /** Neighbouring keys spread over the partitions instead of piling into one. */
    @Test
    void consecutiveKeysSpreadOverEveryPartition() {
        Set<Integer> seen = new HashSet<>();
        for (long key = 1; key <= 30; key++) {
            seen.add(ComputeLayout.uniform(8).ownerOf(HashSpace.slot(key)));
        }
        assertEquals(8, seen.size());
    }

    /** PostgreSQL treats -0 and 0 as one float8 key, so they must hash alike. */
    @Test
    void negativeZeroAndZeroShareASlot() {
        assertEquals(HashSpace.slot(0.0), HashSpace.slot(-0.0));
    }
}
