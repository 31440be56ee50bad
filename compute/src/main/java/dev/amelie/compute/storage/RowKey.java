package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.value.Values;

import java.util.Arrays;

/**
 * Builds the map key of a stored row: the primary key value (integral numbers widened to Long so
 * that 5 and 5L are one key), a {@link Composite} for multi-column keys, or the hidden row id.
 */
public final class RowKey {
    private RowKey() {}

    /** A multi-column key with value equality. */
    public record Composite(Object[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Composite c && Arrays.equals(values, c.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    public static Object of(TableDef def, Object[] row) {
        int[] pk = def.primaryKey();
        if (pk.length == 0) {
            return row[def.columns().size()];
        }
        if (pk.length == 1) {
            return normalize(row[pk[0]]);
        }
        Object[] values = new Object[pk.length];
        for (int i = 0; i < pk.length; i++) {
            values[i] = normalize(row[pk[i]]);
        }
        return new Composite(values);
    }

    /** The key from its values in key order (for LOOKUP and log replay). */
    public static Object fromValues(Object[] values) {
        if (values.length == 1) {
            return normalize(values[0]);
        }
        Object[] normalized = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            normalized[i] = normalize(values[i]);
        }
        return new Composite(normalized);
    }

    /** The key's values in key order, for the log. */
    public static Object[] values(Object key) {
        return key instanceof Composite c ? c.values().clone() : new Object[] {key};
    }

    /**
     * One key per value as SQL compares them: 5 and 5L, numeric 1.0 and 1.00, float8 -0 and 0
     * are equal in SQL, so they must be one map key and land in one partition.
     */
    private static Object normalize(Object value) {
        if (value instanceof Number n && Values.isIntegral(n)) {
            return n.longValue();
        }
        if (value instanceof java.math.BigDecimal d) {
            java.math.BigDecimal stripped = d.signum() == 0 ? java.math.BigDecimal.ZERO : d.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        if (value instanceof Double d && d == 0.0) {
            return 0.0;
        }
        if (value instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        return value;
    }
}
