package dev.amelie.compute.executor;

import dev.amelie.compute.log.Change;

import java.util.List;

/** What one node's run of a pushdown section returns to the coordinator. */
record PushdownResult(List<Object[]> rows, long affected, List<Change> changes) {}
