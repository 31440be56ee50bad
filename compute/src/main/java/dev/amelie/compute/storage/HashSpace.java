package dev.amelie.compute.storage;

import java.nio.charset.StandardCharsets;

/**
 * The fixed hash space keys are spread over. The compute layout gives each slot to a node, so
 * slots can move between nodes (ALTER COMPUTE) without rehashing rows. The hash must be the same in every
 * process (it decides where replayed rows go), so it is computed here, not by hashCode().
 */
public final class HashSpace {
    public static final int SIZE = 4096;

    private HashSpace() {}

    /** Slot of a key in [0, SIZE). */
    public static int slot(Object key) {
        return (int) ((mix(hash(key)) >>> 1) % SIZE);
    }

    private static long hash(Object key) {
        return switch (key) {
            case null -> 0;
            case Long l -> l;
            case String s -> {
                long h = 1125899906842597L;
                for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                    h = 31 * h + b;
                }
                yield h;
            }
            case Double d -> Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
            case Boolean b -> b ? 1 : 2;
            case RowKey.Composite c -> {
                long h = 17;
                for (Object value : c.values()) {
                    h = h * 31 + mix(hash(value));
                }
                yield h;
            }
            default -> hash(key.toString());
        };
    }

    /** A 64-bit finalizer (splitmix64) so neighbouring integers land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
