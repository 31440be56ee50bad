package dev.amelie.vm.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * float8/float4 text output as PostgreSQL 12+ writes it with extra_float_digits &gt; 0 (the
 * default 1, and the 3 every driver sets): the shortest digits that read back to the same value
 * (float.c float8out_internal, Ryu's d2s), printed like C's %g — exponent form when the decimal
 * exponent is below -4 or at least the type's precision (15 for float8, 6 for float4), with a
 * sign and at least two exponent digits ("1e+20", "1e-05"). Java's Double.toString gives the
 * same shortest digits since JDK 19. Used by casts to text and by the protocol's text format.
 */
public final class FloatText {
    private FloatText() {}

    /** float8 text output as PostgreSQL 15 writes it with extra_float_digits &gt; 0. */
    public static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return special(d);
        }
        double magnitude = Math.abs(d);
        BigDecimal digits = insideBounds(new BigDecimal(Double.toString(magnitude)), magnitude,
                Math.nextDown(magnitude), Math.nextUp(magnitude));
        return shortest(digits, d < 0, 15, text -> Double.parseDouble(text) == magnitude);
    }

    /** float4 text output: the same rule with float precision (exponent form from 1e+06). */
    public static String formatReal(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        float magnitude = Math.abs(f);
        BigDecimal digits = insideBounds(new BigDecimal(Float.toString(magnitude)), magnitude,
                Math.nextDown(magnitude), Math.nextUp(magnitude));
        return shortest(digits, f < 0, 6, text -> Float.parseFloat(text) == magnitude);
    }

    /**
     * Java's shortest digits, unless they lie exactly halfway to a neighbouring value: reading
     * them back rounds to even and gives this value, so Java takes them, but PostgreSQL's Ryu is
     * built without STRICTLY_SHORTEST (d2s.c, acceptBounds = false) and prints the shortest
     * digits strictly inside the interval instead (6018463279492800512 is 6.018463279492801e+18,
     * not 6.0184632794928e+18). Then: the fewest digits whose nearest candidates fall strictly
     * inside, the one nearer the exact value.
     */
    private static BigDecimal insideBounds(BigDecimal java, double value, double previous, double next) {
        if (!mayBeHalfway(java)) {
            return java;
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal below = new BigDecimal(previous);
        // Past the largest value the next one would be as far above as the previous is below.
        BigDecimal above = Double.isInfinite(next) ? exact.add(exact.subtract(below)) : new BigDecimal(next);
        BigDecimal low = exact.add(below).divide(BigDecimal.TWO);
        BigDecimal high = exact.add(above).divide(BigDecimal.TWO);
        if (java.compareTo(low) != 0 && java.compareTo(high) != 0) {
            return java;
        }
        for (int precision = java.stripTrailingZeros().precision(); ; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downInside = down.compareTo(low) > 0;
            boolean upInside = up.compareTo(high) < 0;
            if (downInside && upInside) {
                return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (downInside || upInside) {
                return downInside ? down : up;
            }
        }
    }

    /** 5^k for k = 0 … 27; 5^27 is more than any unscaled value of 17 digits. */
    private static final long[] POWERS_OF_FIVE = new long[28];

    static {
        POWERS_OF_FIVE[0] = 1;
        for (int k = 1; k < POWERS_OF_FIVE.length; k++) {
            POWERS_OF_FIVE[k] = POWERS_OF_FIVE[k - 1] * 5;
        }
    }

    /**
     * A cheap filter before the exact test: a halfway point between doubles is a dyadic
     * fraction, so a decimal n·10^-k with k &gt; 0 can be one only if 5^k divides n. Most outputs
     * (0.1, 0.30000000000000004) fail it and cost nothing more.
     */
    private static boolean mayBeHalfway(BigDecimal decimal) {
        int scale = decimal.scale();
        if (scale <= 0) {
            return true;
        }
        return scale < POWERS_OF_FIVE.length && decimal.unscaledValue().longValue() % POWERS_OF_FIVE[scale] == 0;
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.doubleToRawLongBits(d) == 0 ? "0" : "-0";
    }

    private static String shortest(BigDecimal javaDigits, boolean negative, int exponentThreshold,
                                   Predicate<String> readsBack) {
        BigDecimal decimal = javaDigits.stripTrailingZeros();
        // Java prints at least two digits ("4.9E-324" for the smallest subnormal) where one
        // may do; Ryu, and so PostgreSQL, prints "5e-324".
        if (decimal.precision() == 2) {
            BigDecimal one = decimal.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (readsBack.test(one.toString())) {
                decimal = one.stripTrailingZeros();
            }
        }
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (exponent < -4 || exponent >= exponentThreshold) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                sb.append('0');
            }
            sb.append(magnitude);
        } else {
            sb.append(decimal.toPlainString());
        }
        return sb.toString();
    }

}
