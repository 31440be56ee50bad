package dev.amelie.vm.exec;

import dev.amelie.vm.value.Values;

import java.util.Comparator;

/**
 * Rows compared column by column, NULL equal to NULL and before any value: how set operations
 * (INTERSECT ALL, EXCEPT ALL, a recursive UNION) tell rows apart, as IS NOT DISTINCT FROM does.
 */
final class RowOrder {
    private RowOrder() {}

    static final Comparator<Object[]> NULLS_EQUAL = (x, y) -> {
        for (int i = 0; i < x.length; i++) {
            Object u = x[i];
            Object v = y[i];
            if (u == null || v == null) {
                if (u != v) {
                    return u == null ? -1 : 1;
                }
                continue;
            }
            int cmp = Values.compare(u, v);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    };
}
