package dev.amelie.vm.exec;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * INTERSECT ALL and EXCEPT ALL over two materialized row sets, as PostgreSQL counts them: a row
 * that is m times in the left and n times in the right is in the result min(m, n) times
 * (INTERSECT ALL) or max(m - n, 0) times (EXCEPT ALL). Rows are equal when every column is, NULL
 * equal to NULL, as set operations compare.
 */
final class MultisetOperations {
    private MultisetOperations() {}

    static final int INTERSECT_ALL = 0;
    static final int EXCEPT_ALL = 1;

    private static final Comparator<Object[]> ROWS = RowOrder.NULLS_EQUAL;

    /** Replaces {@code left} with the result; {@code right} stays. */
    static void apply(List<Object[]> left, List<Object[]> right, int operation) {
        TreeMap<Object[], int[]> counts = new TreeMap<>(ROWS);
        for (Object[] row : right) {
            counts.computeIfAbsent(row, r -> new int[1])[0]++;
        }
        List<Object[]> result = new ArrayList<>();
        for (Object[] row : left) {
            int[] count = counts.get(row);
            boolean inRight = count != null && count[0] > 0;
            if (inRight) {
                count[0]--;
            }
            if (operation == INTERSECT_ALL ? inRight : !inRight) {
                result.add(row);
            }
        }
        left.clear();
        left.addAll(result);
    }
}
