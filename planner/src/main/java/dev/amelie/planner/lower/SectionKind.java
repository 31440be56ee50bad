package dev.amelie.planner.lower;

/** Which part of a {@link dev.amelie.vm.program.Program} a section lowering builds. */
enum SectionKind {
    /** Runs on the host with no table: VALUES, constant SELECTs, INSERT's input rows. */
    HOST,
    /** Runs on each compute node against its partition, up to the gather boundary. */
    PUSHDOWN,
    /** Runs on the host over the rows gathered from the nodes at the boundary. */
    MERGE
}
