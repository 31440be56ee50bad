package dev.amelie.vm.program;

import dev.amelie.vm.type.SqlType;

import java.util.List;

/**
 * The window functions of one OVER clause, for {@link Opcode#WINDOW}: the partition columns, the
 * order (the row set is sorted on both), and the calls, each appending one column to every row.
 */
public record WindowSpec(int[] partition, SortKey[] order, List<Call> calls) {

    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
        COUNT_STAR, COUNT, SUM, AVG, MIN, MAX }

    /** A frame edge: how far before (negative) or after the current row, or the partition's end. */
    public enum Edge { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /**
     * One window function call.
     *
     * @param argument the argument's column, or -1
     * @param offset LAG/LEAD's offset, NTILE's bucket count
     * @param fallback LAG/LEAD's default value
     * @param rows a ROWS frame (else RANGE: CURRENT ROW means the row and its peers)
     * @param lowerOffset, upperOffset rows before/after for PRECEDING/FOLLOWING edges
     * @param type the result's type, cast to at the end
     */
    public record Call(Kind kind, int argument, long offset, Object fallback, boolean rows, Edge lower, long lowerOffset,
                       Edge upper, long upperOffset, SqlType type) {}
}
