package dev.amelie.vm.memory;

import java.util.ArrayList;

/**
 * A row set that charges its {@link MemoryBudget} as it grows: every {@link #STEP} rows, the
 * step's estimated size (the newest row's estimate times the step). One counter increment per
 * row is all the hot path pays; rows added in bulk ({@code addAll}) were charged where they
 * were made.
 *
 * <p>Confined to the thread running its section, as every row set is.
 */
public final class BudgetedRows extends ArrayList<Object[]> {
    public static final int STEP = 1024;

    private final transient MemoryBudget budget;
    private int sinceCharge;
    private long charged;

    public BudgetedRows(MemoryBudget budget) {
        this.budget = budget;
    }

    @Override
    public boolean add(Object[] row) {
        if (++sinceCharge == STEP) {
            sinceCharge = 0;
            long bytes = STEP * RowMemory.estimate(row);
            charged += bytes;
            budget.charge(bytes);
        }
        return super.add(row);
    }

    @Override
    public void clear() {
        super.clear();
        sinceCharge = 0;
        if (charged != 0) {
            budget.release(charged);
            charged = 0;
        }
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
