package dev.amelie.compute.executor;

import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.exec.Cursor;
import dev.amelie.vm.exec.ListCursor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash indexes of a section's row sets, built by HASH_BUILD and read by HASH_PROBE (an
 * equi-join's build side, a correlated subquery's rows by its outer keys). Keys are normalized
 * as stored keys are, so 5 and 5L meet. Confined to the thread running the section.
 */
final class RowSetHashes {
    private final Map<Integer, Map<Object, List<Object[]>>> hashes = new HashMap<>();

    void build(int rowSet, List<Object[]> rows, int[] columns) {
        Map<Object, List<Object[]>> index = new HashMap<>();
        for (Object[] row : rows) {
            Object[] key = new Object[columns.length];
            boolean hasNull = false;
            for (int i = 0; i < columns.length; i++) {
                key[i] = row[columns[i]];
                hasNull |= key[i] == null;
            }
            if (!hasNull) { // NULL equals nothing in an equi-join
                index.computeIfAbsent(RowKey.fromValues(key), k -> new ArrayList<>()).add(row);
            }
        }
        hashes.put(rowSet, index);
    }

    /** The rows of a hashed row set whose key equals these values; none when a value is NULL. */
    Cursor probe(int rowSet, Object[] key) {
        for (Object value : key) {
            if (value == null) {
                return new ListCursor(List.of());
            }
        }
        List<Object[]> rows = hashes.get(rowSet).get(RowKey.fromValues(key));
        return new ListCursor(rows == null ? List.of() : rows);
    }
}
