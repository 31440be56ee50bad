package dev.amelie.vm.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The server-wide memory guard: true while the heap is nearly full, so that statements still
 * accumulating rows stop with 53200 before the JVM throws OutOfMemoryError at a random thread.
 *
 * <p>"Nearly full" is measured on the heap pools' collection usage thresholds (usage right after
 * the last garbage collection, which live data, not garbage, fills), confirmed by the heap's usage
 * now, so that a query stopped at the brink does not keep the guard up once its rows are garbage.
 * Only asked at a row set's growth step, never per row.
 */
public final class HeapGuard implements BooleanSupplier {
    private final List<MemoryPoolMXBean> pools;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long heapThreshold;

    private HeapGuard(List<MemoryPoolMXBean> pools, long heapThreshold) {
        this.pools = pools;
        this.heapThreshold = heapThreshold;
    }

    /**
     * Guards at {@code fraction} of every heap pool that has a maximum and supports collection
     * usage thresholds (G1's old generation, ZGC's and Parallel's old pools); sets those thresholds.
     */
    public static HeapGuard atFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the heap guard's fraction is between 0 and 1, was " + fraction);
        }
        List<MemoryPoolMXBean> guarded = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                pool.setCollectionUsageThreshold((long) (max * fraction));
                guarded.add(pool);
            }
        }
        long heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return new HeapGuard(List.copyOf(guarded), heapMax > 0 ? (long) (heapMax * fraction) : Long.MAX_VALUE);
    }

    @Override
    public boolean getAsBoolean() {
        for (MemoryPoolMXBean pool : pools) {
            if (pool.isCollectionUsageThresholdExceeded()) {
                return memory.getHeapMemoryUsage().getUsed() >= heapThreshold;
            }
        }
        return false;
    }
}
