package dev.amelie.vm.program;

/**
 * Another table's primary key as code names it, for a lookup in that table's partition on the
 * same node: its id (plans are made anew when tables change) and its number of key columns.
 */
public record TableKeyRef(long tableId, int width) {}
