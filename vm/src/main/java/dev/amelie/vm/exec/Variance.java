package dev.amelie.vm.exec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The state of var_pop, var_samp, stddev_pop and stddev_samp over one group, as PostgreSQL 15
 * keeps it: for float8 the Youngs-Cramer sums (float8_accum), for integers and numeric the exact
 * count, sum and sum of squares, the result's scale chosen as numeric division and square root
 * choose theirs (select_div_scale: at least 16 significant digits).
 */
final class Variance {
    static final int VAR_POP = 0;
    static final int VAR_SAMP = 1;
    static final int STDDEV_POP = 2;
    static final int STDDEV_SAMP = 3;

    private long n;
    private final boolean exact;
    private double sx;
    private double sxx;
    private BigDecimal sumX = BigDecimal.ZERO;
    private BigDecimal sumX2 = BigDecimal.ZERO;

    private Variance(boolean exact) {
        this.exact = exact;
    }

    /** Adds a value to the state (creating it at the first); NULLs are skipped by the caller's check. */
    static Variance add(Object state, Object value) {
        if (value == null) {
            return (Variance) state;
        }
        Variance v = state instanceof Variance existing ? existing
                : new Variance(!(value instanceof Double || value instanceof Float));
        v.n++;
        if (v.exact) {
            BigDecimal x = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            v.sumX = v.sumX.add(x);
            v.sumX2 = v.sumX2.add(x.multiply(x));
        } else {
            double x = ((Number) value).doubleValue();
            v.sx += x;
            if (v.n > 1) {
                double tmp = x * v.n - v.sx;
                v.sxx += tmp * tmp / (v.n * (double) (v.n - 1));
            }
        }
        return v;
    }

    static Object result(Object state, int kind) {
        if (!(state instanceof Variance v) || v.n == 0) {
            return null;
        }
        boolean sample = kind == VAR_SAMP || kind == STDDEV_SAMP;
        if (sample && v.n <= 1) {
            return null;
        }
        boolean root = kind == STDDEV_POP || kind == STDDEV_SAMP;
        if (!v.exact) {
            double variance = v.sxx / (sample ? v.n - 1 : v.n);
            return root ? Math.sqrt(variance) : variance;
        }
        BigDecimal count = BigDecimal.valueOf(v.n);
        BigDecimal numerator = count.multiply(v.sumX2).subtract(v.sumX.multiply(v.sumX));
        if (numerator.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal denominator = count.multiply(sample ? BigDecimal.valueOf(v.n - 1) : count);
        int rscale = divScale(numerator, denominator);
        BigDecimal variance = numerator.divide(denominator, rscale, RoundingMode.HALF_UP);
        if (!root) {
            return variance;
        }
        return variance.sqrt(new MathContext(variance.precision() + 10)).setScale(rscale, RoundingMode.HALF_UP);
    }

    /** PostgreSQL's select_div_scale: 16 significant digits, counted in base-10000 groups, at least the inputs' scales. */
    private static int divScale(BigDecimal dividend, BigDecimal divisor) {
        int[] first1 = firstGroup(dividend);
        int[] first2 = firstGroup(divisor);
        int qweight = first1[0] - first2[0];
        if (first1[1] <= first2[1]) {
            qweight--;
        }
        int rscale = 16 - qweight * 4;
        rscale = Math.max(rscale, Math.max(dividend.scale(), 0));
        rscale = Math.max(rscale, Math.max(divisor.scale(), 0));
        return Math.min(rscale, 1000);
    }

    /** {weight, first digit} of a non-zero number in base 10000, as PostgreSQL's numeric stores it. */
    private static int[] firstGroup(BigDecimal value) {
        BigDecimal abs = value.abs().stripTrailingZeros();
        BigInteger integral = abs.toBigInteger();
        if (integral.signum() > 0) {
            String digits = integral.toString();
            int weight = (digits.length() - 1) / 4;
            int firstLength = (digits.length() - 1) % 4 + 1;
            return new int[] {weight, Integer.parseInt(digits.substring(0, firstLength))};
        }
        String fraction = abs.toPlainString().substring(2); // "0.xxxx"
        int weight = -1;
        int at = 0;
        while (at + 4 <= fraction.length() && fraction.startsWith("0000", at)) {
            weight--;
            at += 4;
        }
        String group = (fraction.substring(at) + "0000").substring(0, 4);
        return new int[] {weight, Integer.parseInt(group)};
    }
}
