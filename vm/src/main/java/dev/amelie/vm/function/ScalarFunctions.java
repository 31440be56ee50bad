package dev.amelie.vm.function;

import dev.amelie.vm.program.Function;

/**
 * Entry point for the built-in functions outside the interpreter's core: NULL handling for
 * strict functions, then the implementation for the function's area. Arguments are the
 * registers {@code r[first] … r[first + count - 1]}, already of the types of the PostgreSQL
 * signature the planner chose.
 */
public final class ScalarFunctions {
    private ScalarFunctions() {}

    /** {@code zone}: the session's time zone, for what shows or reads a timestamptz. */
    public static Object call(Function function, Object[] r, int first, int count, java.time.ZoneId zone) {
        if (function.strict()) {
            for (int i = first; i < first + count; i++) {
                if (r[i] == null) {
                    return null;
                }
            }
        }
        return switch (function.area()) {
            case TRIG -> TrigFunctions.call(function, r, first, count);
            case MATH -> MathFunctions.call(function, r, first, count);
            case TEXT -> TextFunctions.call(function, r, first, count, zone);
            case BYTEA -> ByteaFunctions.call(function, r, first, count);
            case REGEX -> RegexFunctions.call(function, r, first, count);
            case JSON -> JsonFunctions.call(function, r, first, count, zone);
            case ARRAY -> ArrayFunctions.call(function, r, first, count, zone);
            case DATETIME -> DateTimeFunctions.call(function, r, first, count, zone);
            case CORE, CATALOG, SESSION -> throw new IllegalArgumentException(function + " runs in the interpreter");
        };
    }
}
