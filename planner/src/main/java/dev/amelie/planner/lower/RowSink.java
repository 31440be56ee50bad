package dev.amelie.planner.lower;

/**
 * Where a lowered operator sends each row it produces: the consumer emits code that uses the
 * registers holding the row's fields (push-based code generation, one loop per scan).
 */
@FunctionalInterface
interface RowSink {
    void accept(int[] registers);
}
