package dev.amelie.compute.recovery;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.storage.HashSpace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves every row to the node that owns its slot in the layout recovery ends with, when that is
 * not the one the rows were loaded and replayed by (the log recorded ALTER COMPUTE steps, or the
 * data predates recorded layouts). Before the nodes start, on one thread.
 */
public final class Relocation {
    private Relocation() {}

    /** Returns how many rows moved. */
    public static long relocate(CatalogStore catalog, ComputeLayout layout) {
        long moved = 0;
        for (Table table : catalog.current().tables()) {
            for (int from : table.partitionNodes()) {
                List<Map.Entry<Object, Object[]>> leaving = table.detach(from, slot -> layout.ownerOf(slot) != from);
                Map<Integer, List<Map.Entry<Object, Object[]>>> byTarget = new HashMap<>();
                for (Map.Entry<Object, Object[]> row : leaving) {
                    byTarget.computeIfAbsent(layout.ownerOf(HashSpace.slot(row.getKey())), t -> new ArrayList<>()).add(row);
                }
                byTarget.forEach(table::attach);
                moved += leaving.size();
            }
        }
        return moved;
    }
}
