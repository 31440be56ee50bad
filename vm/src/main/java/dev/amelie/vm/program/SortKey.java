package dev.amelie.vm.program;

/**
 * One ORDER BY key: a column of the rows being sorted, its direction, and where NULLs go
 * (PostgreSQL default: NULLS LAST for ASC, NULLS FIRST for DESC).
 */
public record SortKey(int column, boolean descending, boolean nullsFirst) {}
