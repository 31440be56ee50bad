package dev.amelie.vm.program;

/** Where an {@link Opcode#OPEN} cursor reads from. */
public enum RowSourceKind {
    /** The rows of the table partition this pushdown runs on. */
    PARTITION,
    /** The rows handed to this section: pushdown results gathered by the host, or rows routed to a node. */
    INPUT,
    /** The rows of the statement's source program k (named by the OPEN instruction), on the host. */
    SOURCE,
    /** A scratch row set of this section (a materialized sort), named by the OPEN instruction. */
    SCRATCH,
    /** The rows of a system view (pg_stat_activity, …) as they are now, named by the OPEN instruction; host only. */
    SYSTEM
}
