package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * sqrt, exp, ln, log and power on numeric with the result scales PostgreSQL 15 picks (numeric.c:
 * numeric_sqrt, numeric_exp, numeric_ln, log_var, power_var): at least 16 significant digits
 * (NUMERIC_MIN_SIG_DIGITS), never fewer decimals than an argument has, at most 1000. Values are
 * computed with guard digits and rounded half away from zero once, as PostgreSQL's round_var;
 * the estimates that choose the scale are PostgreSQL's own, including its base-10000 digits.
 * The value of a BigDecimal's scale is its display scale (dscale).
 */
final class NumericMath {
    private NumericMath() {}

    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    private static final int MAX_RESULT_SCALE = 2000;
    private static final int GUARD_DIGITS = 12;
    private static final BigDecimal POINT_NINE = new BigDecimal("0.9");
    private static final BigDecimal ONE_POINT_ONE = new BigDecimal("1.1");

    static BigDecimal sqrt(BigDecimal x) {
        if (x.signum() < 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        int sweight = (weight(x) + 1) * 4 / 2 - 1;
        int rscale = resultScale(MIN_SIG_DIGITS - sweight, dscale(x));
        // The exact integer square root of x·10^(2·(rscale+1)), its last digit rounded half up:
        // no double rounding however close the root is to a half.
        int shift = 2 * (rscale + 1) - x.scale();
        BigInteger scaled = shift >= 0 ? x.unscaledValue().multiply(BigInteger.TEN.pow(shift))
                : x.unscaledValue().divide(BigInteger.TEN.pow(-shift)); // only when x has more digits than kept
        BigInteger root = scaled.sqrt();
        BigInteger[] lastDigit = root.divideAndRemainder(BigInteger.TEN);
        BigInteger rounded = lastDigit[1].intValue() >= 5 ? lastDigit[0].add(BigInteger.ONE) : lastDigit[0];
        return new BigDecimal(rounded, rscale);
    }

    static BigDecimal exp(BigDecimal x) {
        double value = x.doubleValue() * 0.434294481903252;
        value = Math.max(-MAX_RESULT_SCALE, Math.min(MAX_RESULT_SCALE, value));
        int rscale = resultScale(MIN_SIG_DIGITS - (int) value, dscale(x));
        return expRounded(x, rscale);
    }

    /** exp_var: e^x rounded to rscale decimals; overflow past e^6000, zero far below 1. */
    private static BigDecimal expRounded(BigDecimal x, int rscale) {
        double value = x.doubleValue();
        if (Math.abs(value) >= MAX_RESULT_SCALE * 3) {
            if (value > 0) {
                throw overflowsNumeric();
            }
            return BigDecimal.ZERO.setScale(rscale);
        }
        int resultDigits = Math.max(0, (int) (value * 0.434294481903252) + 1);
        MathContext precision = new MathContext(resultDigits + rscale + GUARD_DIGITS);
        return exp(x, precision).setScale(rscale, RoundingMode.HALF_UP);
    }

    static BigDecimal ln(BigDecimal x) {
        checkLogArgument(x);
        int rscale = resultScale(MIN_SIG_DIGITS - estimateLnDweight(x), dscale(x));
        return ln(x, new MathContext(rscale + 6 + GUARD_DIGITS)).setScale(rscale, RoundingMode.HALF_UP);
    }

    /** log(base, x) (and log(x) = log(10, x)): log_var. */
    static BigDecimal log(BigDecimal base, BigDecimal x) {
        checkLogArgument(base);
        checkLogArgument(x);
        int lnBaseDweight = estimateLnDweight(base);
        int lnNumDweight = estimateLnDweight(x);
        int resultDweight = lnNumDweight - lnBaseDweight;
        int rscale = MIN_SIG_DIGITS - resultDweight;
        rscale = Math.max(rscale, dscale(base));
        rscale = resultScale(rscale, dscale(x));
        int digits = rscale + Math.max(resultDweight, 0) + GUARD_DIGITS;
        BigDecimal lnBase = ln(base, new MathContext(digits + Math.max(0, lnBaseDweight + 1)));
        if (lnBase.signum() == 0) {
            throw new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        BigDecimal lnNum = ln(x, new MathContext(digits + Math.max(0, lnNumDweight + 1)));
        return lnNum.divide(lnBase, new MathContext(digits + 6)).setScale(rscale, RoundingMode.HALF_UP);
    }

    static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        boolean integral = exponent.signum() == 0 || exponent.stripTrailingZeros().scale() <= 0;
        if (integral && exponent.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && exponent.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return powerInteger(base, exponent.intValueExact(), resultScale(MIN_SIG_DIGITS, dscale(base)));
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(MIN_SIG_DIGITS);
        }
        boolean negative = false;
        if (base.signum() < 0) {
            if (!integral) {
                throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                        "a negative number raised to a non-integer power yields a complex result");
            }
            negative = exponent.toBigInteger().testBit(0);
            base = base.negate();
        }
        // The result's decimal weight from a low-precision exp · ln(base), as power_var estimates it.
        int lnDweight = estimateLnDweight(base);
        int localScale = Math.max(8 - lnDweight, 0);
        BigDecimal roughLn = ln(base, new MathContext(localScale + Math.max(lnDweight, 0) + GUARD_DIGITS))
                .setScale(localScale, RoundingMode.HALF_UP);
        double value = roughLn.multiply(exponent).setScale(localScale, RoundingMode.HALF_UP).doubleValue();
        if (Math.abs(value) > MAX_RESULT_SCALE * 3.01) {
            if (value > 0) {
                throw overflowsNumeric();
            }
            return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
        }
        value *= 0.434294481903252;
        int rscale = MIN_SIG_DIGITS - (int) value;
        rscale = Math.max(rscale, dscale(base));
        rscale = resultScale(rscale, dscale(exponent));
        int digits = rscale + Math.max((int) value, 0) + GUARD_DIGITS;
        int exponentDigits = Math.max(exponent.precision() - exponent.scale(), 0);
        BigDecimal product = ln(base, new MathContext(digits + Math.max(lnDweight, 0) + exponentDigits + 4)).multiply(exponent);
        BigDecimal result = expRounded(product, rscale);
        return negative ? result.negate() : result;
    }

    /** power_var_int: base^n for an int n, rounded to rscale (exact products where they are small). */
    private static BigDecimal powerInteger(BigDecimal base, int n, int rscale) {
        if (n == 0) {
            return BigDecimal.ONE.setScale(rscale);
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        // log10(|result|) estimated from the base's first digits, as power_var_int does.
        double magnitude = n * log10(base.abs());
        if (magnitude > 3 * Short.MAX_VALUE * 4) {
            throw overflowsNumeric();
        }
        if (magnitude + 1 < -rscale || magnitude + 1 < -MAX_DISPLAY_SCALE) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        int significant = Math.max(1 + rscale + (int) magnitude, 1) + GUARD_DIGITS + (int) Math.log10(Math.abs((double) n)) + 1;
        MathContext precision = new MathContext(significant);
        BigDecimal power = (long) Math.abs((long) n) * base.precision() <= 4000
                ? base.pow(Math.abs(n))
                : base.pow(Math.abs(n), precision);
        if (n < 0) {
            return BigDecimal.ONE.divide(power, new MathContext(significant + 2 * Math.max(0, (int) -magnitude)))
                    .setScale(rscale, RoundingMode.HALF_UP);
        }
        return power.setScale(rscale, RoundingMode.HALF_UP);
    }

    /** log10 of a positive x, to double precision, whatever its exponent. */
    private static double log10(BigDecimal x) {
        int exponent = x.precision() - x.scale() - 1;
        double mantissa = new BigDecimal(x.unscaledValue(), x.precision() - 1).doubleValue(); // in [1, 10)
        return exponent + Math.log10(mantissa);
    }

    private static void checkLogArgument(BigDecimal x) {
        if (x.signum() == 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (x.signum() < 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
    }

    /**
     * estimate_ln_dweight: the decimal weight of ln(x). Near 1 it is the weight of x - 1; elsewhere
     * log10(|ln(x)|) from x's first two base-10000 digits.
     */
    static int estimateLnDweight(BigDecimal x) {
        if (x.signum() <= 0) {
            return 0;
        }
        if (x.compareTo(POINT_NINE) >= 0 && x.compareTo(ONE_POINT_ONE) <= 0) {
            BigDecimal difference = x.subtract(BigDecimal.ONE);
            return difference.signum() == 0 ? 0 : difference.precision() - difference.scale() - 1;
        }
        int weight = weight(x);
        BigDecimal shifted = x.movePointLeft(4 * weight); // in [1, 10000)
        BigDecimal first = shifted.setScale(0, RoundingMode.FLOOR);
        BigDecimal rest = shifted.subtract(first);
        long digits = first.longValueExact();
        int dweight = weight * 4;
        if (rest.signum() != 0) {
            digits = digits * 10000 + rest.movePointRight(4).setScale(0, RoundingMode.FLOOR).longValueExact();
            dweight -= 4;
        }
        double lnValue = Math.log((double) digits) + dweight * 2.302585092994046;
        return (int) Math.log10(Math.abs(lnValue));
    }

    /** The power of 10000 of x's first base-10000 digit (0 for zero), PostgreSQL's weight. */
    static int weight(BigDecimal x) {
        return x.signum() == 0 ? 0 : Math.floorDiv(x.precision() - x.scale() - 1, 4);
    }

    static int dscale(BigDecimal x) {
        return Math.max(x.scale(), 0);
    }

    private static int resultScale(int rscale, int argumentScale) {
        return Math.min(Math.max(Math.max(rscale, argumentScale), 0), MAX_DISPLAY_SCALE);
    }

    private static SqlException overflowsNumeric() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    /** e^x to the given precision: halve x below 0.01, Taylor series, square back. */
    static BigDecimal exp(BigDecimal x, MathContext precision) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        int halvings = 0;
        BigDecimal reduced = x;
        while (reduced.abs().compareTo(new BigDecimal("0.01")) > 0) {
            reduced = reduced.divide(BigDecimal.TWO);
            halvings++;
        }
        MathContext working = new MathContext(precision.getPrecision() + halvings / 3 + 6);
        BigDecimal sum = BigDecimal.ONE.add(reduced, working);
        BigDecimal term = reduced;
        for (int k = 2; ; k++) {
            term = term.multiply(reduced, working).divide(BigDecimal.valueOf(k), working);
            if (negligible(term, sum, working)) {
                break;
            }
            sum = sum.add(term, working);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, working);
        }
        return sum.round(precision);
    }

    /** ln(x) for x > 0 to the given precision: x = m·10^k, square roots of m toward 1, atanh series. */
    static BigDecimal ln(BigDecimal x, MathContext precision) {
        int k = x.precision() - x.scale() - 1;
        BigDecimal m = x.movePointLeft(k);
        MathContext working = new MathContext(precision.getPrecision() + 12);
        BigDecimal lnM = lnNearOne(m, working);
        if (k == 0) {
            return lnM.round(precision);
        }
        return lnM.add(lnTen(working).multiply(BigDecimal.valueOf(k), working), working).round(precision);
    }

    private static BigDecimal lnNearOne(BigDecimal m, MathContext working) {
        int roots = 0;
        BigDecimal low = new BigDecimal("0.99");
        BigDecimal high = new BigDecimal("1.01");
        while (m.compareTo(low) < 0 || m.compareTo(high) > 0) {
            m = m.sqrt(working);
            roots++;
        }
        // ln(m) = 2 atanh(z), z = (m - 1) / (m + 1)
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), working);
        BigDecimal square = z.multiply(z, working);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (int n = 3; ; n += 2) {
            power = power.multiply(square, working);
            BigDecimal term = power.divide(BigDecimal.valueOf(n), working);
            if (negligible(term, sum, working)) {
                break;
            }
            sum = sum.add(term, working);
        }
        return sum.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(roots + 1)), working);
    }

    /** Whether a series term no longer changes the sum at the working precision. */
    private static boolean negligible(BigDecimal term, BigDecimal sum, MathContext working) {
        return term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(working.getPrecision() + 1)) < 0;
    }

    private static volatile BigDecimal lnTenCache = BigDecimal.ZERO;

    private static BigDecimal lnTen(MathContext working) {
        BigDecimal cached = lnTenCache;
        if (cached.precision() >= working.getPrecision() + 5) {
            return cached.round(working);
        }
        MathContext more = new MathContext(working.getPrecision() + 20);
        BigDecimal computed = lnNearOne(BigDecimal.TEN, more);
        lnTenCache = computed;
        return computed.round(working);
    }
}
