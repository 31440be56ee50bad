package dev.amelie.vm.memory;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Estimated heap bytes of one row: a ballpark from the JVM's object layout with compressed
 * references (16-byte headers, 4-byte references), enough to tell a statement that fills
 * megabytes from one that fills gigabytes. Values nest at most a few levels (arrays of arrays).
 */
public final class RowMemory {
    private static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;
    private static final int BOXED = 16;
    private static final int OTHER = 32;
    private static final int MAX_DEPTH = 3;

    private RowMemory() {
    }

    public static long estimate(Object[] row) {
        return estimateArray(row, 0);
    }

    private static long estimateArray(Object[] values, int depth) {
        long bytes = ARRAY_HEADER + (long) REFERENCE * values.length;
        for (Object value : values) {
            bytes += estimateValue(value, depth);
        }
        return bytes;
    }

    private static long estimateValue(Object value, int depth) {
        return switch (value) {
            case null -> 0;
            case Long _, Integer _, Double _, Short _, Float _, Boolean _, Byte _ -> BOXED;
            // String: object, then its byte[] (Latin-1 or UTF-16; one byte a char is the usual case)
            case String s -> 24 + ARRAY_HEADER + s.length();
            case byte[] b -> ARRAY_HEADER + b.length;
            case BigDecimal d -> 40 + ARRAY_HEADER + d.precision() / 2;
            case Object[] nested when depth < MAX_DEPTH -> estimateArray(nested, depth + 1);
            case Collection<?> c when depth < MAX_DEPTH -> {
                long bytes = 24 + ARRAY_HEADER + (long) REFERENCE * c.size();
                int counted = 0;
                for (Object element : c) {
                    if (++counted > 16) { // a sample: lists may be long
                        bytes += (bytes / counted) * (c.size() - counted);
                        break;
                    }
                    bytes += estimateValue(element, depth + 1);
                }
                yield bytes;
            }
            default -> OTHER;
        };
    }
}
