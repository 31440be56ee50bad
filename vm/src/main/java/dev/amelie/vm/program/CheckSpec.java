package dev.amelie.vm.program;

/**
 * What a failed {@link Opcode#CHECK} reports: the table and constraint for PostgreSQL's message,
 * and how many row registers its "Failing row contains (…)" detail shows (the table's columns).
 */
public record CheckSpec(String relation, String constraint, int width) {}
