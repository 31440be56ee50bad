package dev.amelie.vm.memory;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BooleanSupplier;

/**
 * The memory one statement may fill with rows (query_memory_limit), and the server-wide heap
 * guard: where rows accumulate ({@link BudgetedRows}), each growth step charges its estimated
 * bytes here, and a statement over its limit, or any statement while the heap is nearly full,
 * fails with 53200 "out of memory" instead of taking the JVM down with an OutOfMemoryError
 * (PostgreSQL fails the query alike when palloc cannot get memory; the session goes on).
 *
 * <p>Thread-safe: a statement's sections run on several compute nodes at once and charge the
 * same budget. Charged once per {@link BudgetedRows#STEP} rows, never per row.
 */
public final class MemoryBudget {
    /** For sections whose rows are bounded by construction (a key's lookup) and for tests. */
    public static final MemoryBudget UNLIMITED = new MemoryBudget(Long.MAX_VALUE, () -> false);

    private static final VarHandle USED;

    static {
        try {
            USED = MethodHandles.lookup().findVarHandle(MemoryBudget.class, "used", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long limit;
    private final BooleanSupplier heapLow;
    @SuppressWarnings("unused") // through USED
    private volatile long used;

    /**
     * @param limit   bytes a statement's rows may take
     * @param heapLow true while the server's heap is nearly full ({@link HeapGuard})
     */
    public MemoryBudget(long limit, BooleanSupplier heapLow) {
        if (limit < 1) {
            throw new IllegalArgumentException("a memory limit is at least one byte, was " + limit);
        }
        this.limit = limit;
        this.heapLow = heapLow;
    }

    /** A new statement starts with nothing charged. */
    public void reset() {
        used = 0;
    }

    public long used() {
        return used;
    }

    public long limit() {
        return limit;
    }

    /** Counts {@code bytes} more; throws 53200 when that passes the limit or the heap is nearly full. */
    public void charge(long bytes) {
        long now = (long) USED.getAndAdd(this, bytes) + bytes;
        if (now > limit) {
            throw new SqlException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "The statement's rows need more than query_memory_limit (" + limit + " bytes).", null, 0, null);
        }
        if (heapLow.getAsBoolean()) {
            throw new SqlException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "The server's memory is nearly exhausted; the statement was stopped to protect the others.", null, 0, null);
        }
    }

    /** Gives back what a cleared row set held (a recursive query's working set, turn after turn). */
    public void release(long bytes) {
        USED.getAndAdd(this, -bytes);
    }
}
