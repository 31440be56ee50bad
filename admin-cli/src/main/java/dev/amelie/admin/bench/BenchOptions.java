package dev.amelie.admin.bench;

import java.time.Duration;

/**
 * @param batch transactions per message (tpcb-batched), rows per INSERT / upsert statement
 * @param keys rows of the key-value table (upsert, point-select)
 */
public record BenchOptions(int clients, Duration duration, int batch, int scale, int keys) {}
