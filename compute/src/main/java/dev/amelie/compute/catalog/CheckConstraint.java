package dev.amelie.compute.catalog;

/**
 * A CHECK constraint of a table: its name (PostgreSQL's default names: {@code t_c_check},
 * {@code t_check}, then numbered) and its boolean expression as SQL text over the table's
 * column names. Writes that make it FALSE fail with 23514; NULL passes (SQL semantics).
 */
public record CheckConstraint(String name, String expression) {}
