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
        return shortest(Double.toString(Math.abs(d)), d < 0, 15, text -> Double.parseDouble(text) == Math.abs(d));
    }

    /** float4 text output: the same rule with float precision (exponent form from 1e+06). */
    public static String formatReal(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        return shortest(Float.toString(Math.abs(f)), f < 0, 6, text -> Float.parseFloat(text) == Math.abs(f));
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

    private static String shortest(String javaDigits, boolean negative, int exponentThreshold,
                                   Predicate<String> readsBack) {
        BigDecimal decimal = new BigDecimal(javaDigits).stripTrailingZeros();
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
