package dev.amelie.vm.exec;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The row-set steps of a recursive query's loop, as PostgreSQL's RecursiveUnion node takes them
 * (nodeRecursiveunion.c): the rows a turn produced become the next turn's working table until a
 * turn produces none; with UNION (not ALL) a row already produced, by this or an earlier turn,
 * is dropped.
 */
final class RecursiveRows {
    private RecursiveRows() {}

    private static final List<MemoryPoolMXBean> COLLECTED_HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()).toList();

    /** Rows are the same when every column is, NULL the same as NULL, as UNION compares them. */
    private static final Comparator<Object[]> ROWS = RowOrder.NULLS_EQUAL;

    /** Keeps in {@code rows} those not in {@code seen} (a set of rows, or null for none yet); returns the grown set. */
    @SuppressWarnings("unchecked")
    static Object keepNew(List<Object[]> rows, Object seen) {
        TreeSet<Object[]> set = seen == null ? new TreeSet<>(ROWS) : (TreeSet<Object[]>) seen;
        List<Object[]> kept = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (set.add(row)) {
                kept.add(row);
            }
        }
        rows.clear();
        rows.addAll(kept);
        return set;
    }

    /**
     * Moves the last turn's rows into the working table; false when there are none (the end).
     * A recursion that never ends runs until the statement is cancelled (statement_timeout, a
     * cancel request: every turn ends in a backward jump, which checks) or, when its rows fill
     * the heap first, fails here with 53200 instead of taking the server down.
     */
    static boolean nextTurn(List<Object[]> working, List<Object[]> produced) {
        working.clear();
        working.addAll(produced);
        produced.clear();
        if (heapNearlyFull() && heapStillNearlyFullAfterCollection()) {
            throw new SqlException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "The rows of a recursive query fill the server's memory.", null, 0, null);
        }
        return !working.isEmpty();
    }

    /**
     * The usage after the last collection may still count rows of an earlier statement that
     * failed here: collect once, and look again, before failing this one.
     */
    private static boolean heapStillNearlyFullAfterCollection() {
        System.gc();
        return heapNearlyFull();
    }

    /**
     * Whether the long-lived heap is still over 90% full right after its last collection: live
     * rows, not garbage waiting to be collected.
     */
    private static boolean heapNearlyFull() {
        for (MemoryPoolMXBean pool : COLLECTED_HEAP) {
            MemoryUsage afterCollection = pool.getCollectionUsage();
            long max = pool.getUsage().getMax();
            if (afterCollection != null && max > 0 && afterCollection.getUsed() > max / 10 * 9) {
                return true;
            }
        }
        return false;
    }
}
