package dev.amelie.compute.executor;

import dev.amelie.compute.log.Change;

import java.util.List;

/**
 * What one node's run of a pushdown section returns to the coordinator; {@code readUpTo}: the
 * LSN that must be durable before anything the section read is shown (PartitionContext).
 */
record PushdownResult(List<Object[]> rows, long affected, List<Change> changes, long readUpTo) {}
