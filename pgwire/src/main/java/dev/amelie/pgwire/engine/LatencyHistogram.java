package dev.amelie.pgwire.engine;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies counted into fixed buckets (Prometheus' classic histogram shape): recording is two
 * adder increments, safe from any thread, and a scrape reads the counts as they are.
 */
public final class LatencyHistogram {
    /** Upper bounds in seconds: 50 µs to 10 s, about three per decade. */
    private static final double[] BOUNDS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
            0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LongAdder[] counts = new LongAdder[BOUNDS.length + 1];
    private final DoubleAdder sumSeconds = new DoubleAdder();

    public LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void record(long nanos) {
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
        sumSeconds.add(seconds);
    }

    /** Upper bounds of the buckets (the last, +Inf, not included). */
    public static double[] bounds() {
        return BOUNDS.clone();
    }

    /** Counts per bucket, not cumulative; one more than {@link #bounds()} (the +Inf bucket). */
    public long[] counts() {
        long[] values = new long[counts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = counts[i].sum();
        }
        return values;
    }

    public double sumSeconds() {
        return sumSeconds.sum();
    }
}
