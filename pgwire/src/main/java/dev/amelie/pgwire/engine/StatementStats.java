package dev.amelie.pgwire.engine;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * pg_stat_statements' counts: per statement, with its constants taken out (the plan cache's key
 * text), how often it ran, for how long in all and at most, and how many rows it returned or
 * changed. Bounded: once {@link #CAPACITY} statements are known, new ones are counted as
 * {@link #dropped()} only, so a client that never repeats itself cannot grow the map.
 */
public final class StatementStats {
    static final int CAPACITY = 5_000;

    /** One statement's totals. */
    public record Entry(String query, long calls, double totalMillis, double maxMillis, long rows) {
        public double meanMillis() {
            return calls == 0 ? 0 : totalMillis / calls;
        }
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final DoubleAdder totalNanos = new DoubleAdder();
        final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
        final LongAdder rows = new LongAdder();
    }

    private final ConcurrentHashMap<String, Counters> byQuery = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    /** @param query the statement with its constants taken out ({@link PlannedQuery#statsKey()}) */
    void record(String query, long nanos, long rows) {
        Counters counters = byQuery.get(query);
        if (counters == null) {
            if (byQuery.size() >= CAPACITY) {
                dropped.increment();
                return;
            }
            counters = byQuery.computeIfAbsent(query, q -> new Counters());
        }
        counters.calls.increment();
        counters.totalNanos.add(nanos);
        counters.maxNanos.accumulate(nanos);
        counters.rows.add(rows);
    }

    /** Statements not counted because the map was full. */
    public long dropped() {
        return dropped.sum();
    }

    public List<Entry> entries() {
        return byQuery.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue().calls.sum(),
                e.getValue().totalNanos.sum() / 1e6, e.getValue().maxNanos.get() / 1e6, e.getValue().rows.sum())).toList();
    }

    /** The {@code limit} statements with the longest mean time. */
    public List<Entry> slowest(int limit) {
        return entries().stream().sorted(Comparator.comparingDouble(Entry::meanMillis).reversed()).limit(limit).toList();
    }

    /** Rows a command tag reports ("UPDATE 3", "INSERT 0 5", "SELECT 2"), else the rows sent. */
    static long rowsOf(String tag, int rowsSent) {
        // The digits after the last space, read in place: this runs for every statement.
        int space = tag.lastIndexOf(' ');
        if (space <= 0 || space == tag.length() - 1) {
            return rowsSent;
        }
        long count = 0;
        for (int i = space + 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < '0' || c > '9') {
                return rowsSent; // a tag without a count (CREATE TABLE, BEGIN)
            }
            count = count * 10 + (c - '0');
        }
        return count;
    }
}
