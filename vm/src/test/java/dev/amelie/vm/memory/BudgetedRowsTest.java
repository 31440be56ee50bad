package dev.amelie.vm.memory;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetedRowsTest {
    private static Object[] row() {
        return new Object[] {42L, "x".repeat(100)};
    }

    @Test
    void rowsPastTheLimitFailWith53200AtAGrowthStep() {
        long perRow = RowMemory.estimate(row());
        MemoryBudget budget = new MemoryBudget(perRow * BudgetedRows.STEP * 3, () -> false);
        BudgetedRows rows = new BudgetedRows(budget);
        for (int i = 0; i < BudgetedRows.STEP * 3; i++) {
            rows.add(row());
        }
        assertEquals(perRow * BudgetedRows.STEP * 3, budget.used());
        SqlException e = assertThrows(SqlException.class, () -> {
            for (int i = 0; i < BudgetedRows.STEP; i++) {
                rows.add(row());
            }
        });
        assertEquals(SqlState.OUT_OF_MEMORY, e.state());
        assertEquals("out of memory", e.getMessage());
    }

    @Test
    void aClearedRowSetGivesItsBytesBackAndANewStatementStartsFromZero() {
        MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, () -> false);
        BudgetedRows rows = new BudgetedRows(budget);
        for (int i = 0; i < BudgetedRows.STEP * 2; i++) {
            rows.add(row());
        }
        assertTrue(budget.used() > 0);
        rows.clear();
        assertEquals(0, budget.used());
        rows.add(row());
        budget.reset();
        assertEquals(0, budget.used());
    }

    @Test
    void aNearlyFullHeapStopsEveryGrowingStatement() {
        MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, () -> true);
        BudgetedRows rows = new BudgetedRows(budget);
        SqlException e = assertThrows(SqlException.class, () -> {
            for (int i = 0; i < BudgetedRows.STEP; i++) {
                rows.add(row());
            }
        });
        assertEquals(SqlState.OUT_OF_MEMORY, e.state());
        assertEquals(BudgetedRows.STEP - 1, rows.size(), "stopped at the first growth step");
    }

    @Test
    void estimatesGrowWithTheValues() {
        assertTrue(RowMemory.estimate(new Object[] {"x".repeat(1000)}) > RowMemory.estimate(new Object[] {"x"}) + 900);
        assertTrue(RowMemory.estimate(new Object[] {new Object[] {1L, 2L}}) > RowMemory.estimate(new Object[] {1L}));
    }
}
