package dev.amelie.vm.value;

import java.math.BigDecimal;

/**
 * float8out as PostgreSQL 15 prints it with extra_float_digits = 1 (the default since 12):
 * the shortest digits that read back to the same double, in %g-like style: plain notation for
 * decimal exponents -4..14, otherwise d.ddde+XX.
 */
public final class FloatText {
    private FloatText() {}

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        // Java's Double.toString yields the shortest round-trip digits (JDK 19+).
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 15) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + shortest.abs().toPlainString();
    }
}
