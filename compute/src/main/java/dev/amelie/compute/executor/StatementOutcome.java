package dev.amelie.compute.executor;

import java.util.List;

/** A statement's result rows (queries) and the number of rows it inserted, updated or deleted. */
public record StatementOutcome(List<Object[]> rows, long affected) {}
