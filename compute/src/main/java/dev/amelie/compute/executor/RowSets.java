package dev.amelie.compute.executor;

import dev.amelie.vm.memory.BudgetedRows;
import dev.amelie.vm.memory.MemoryBudget;

import java.util.ArrayList;
import java.util.List;

/**
 * A section's row sets: 0 is its output, 1.. are scratch sets created on first use. Each
 * charges the statement's {@link MemoryBudget} as it grows.
 */
final class RowSets {
    private final MemoryBudget budget;
    private final List<Object[]> output;
    private final List<List<Object[]>> scratch = new ArrayList<>();

    RowSets(MemoryBudget budget) {
        this.budget = budget;
        this.output = new BudgetedRows(budget);
    }

    List<Object[]> output() {
        return output;
    }

    List<Object[]> get(int id) {
        if (id == 0) {
            return output;
        }
        while (scratch.size() < id) {
            scratch.add(new BudgetedRows(budget));
        }
        return scratch.get(id - 1);
    }
}
