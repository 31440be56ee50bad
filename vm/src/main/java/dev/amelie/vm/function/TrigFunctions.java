package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;

/**
 * PostgreSQL's trigonometric and hyperbolic functions on double precision, as float.c
 * (PostgreSQL 15) computes them: NaN in gives NaN out, an infinite argument to sin/cos/tan is
 * 22003 "input is out of range", results are checked for overflow and underflow the way
 * float.c's check_float8_val does. The degree variants return exact values at the special
 * angles (sind(30) = 0.5, tand(45) = 1, …) by scaling against the same function at those
 * angles, as float.c does. sin, cos, asin, … are the C library's ({@link Libm}).
 */
final class TrigFunctions {
    private TrigFunctions() {}

    /** float.h's RADIANS_PER_DEGREE, the literal PostgreSQL uses (not Math.PI / 180). */
    private static final double RADIANS_PER_DEGREE = 0.0174532925199432957692;

    // float.c's init_degree_constants(): the functions at the special angles.
    private static final double SIN_30 = Libm.sin(30.0 * RADIANS_PER_DEGREE);
    private static final double ONE_MINUS_COS_60 = 1.0 - Libm.cos(60.0 * RADIANS_PER_DEGREE);
    private static final double ASIN_0_5 = Libm.asin(0.5);
    private static final double ACOS_0_5 = Libm.acos(0.5);
    private static final double ATAN_1_0 = Libm.atan(1.0);
    private static final double TAN_45 = sindQ1(45.0) / cosdQ1(45.0);
    private static final double COT_45 = cosdQ1(45.0) / sindQ1(45.0);

    static Object call(Function function, Object[] r, int first, int count) {
        if (function == Function.PI) {
            return Math.PI;
        }
        double x = ((Number) r[first]).doubleValue();
        return switch (function) {
            case SIN -> periodic(x, Libm.sin(x), false);
            case COS -> periodic(x, Libm.cos(x), false);
            case TAN -> periodic(x, Libm.tan(x), true);
            case COT -> Double.isNaN(x) ? x : 1.0 / periodic(x, Libm.tan(x), true);
            case ASIN -> Libm.asin(inUnitRange(x));
            case ACOS -> Libm.acos(inUnitRange(x));
            case ATAN -> Libm.atan(x);
            case ATAN2 -> Libm.atan2(x, ((Number) r[first + 1]).doubleValue());
            case SIND -> sind(x);
            case COSD -> cosd(x);
            case TAND -> tand(x);
            case COTD -> cotd(x);
            case ASIND -> asind(x);
            case ACOSD -> acosd(x);
            case ATAND -> Double.isNaN(x) ? x : (Libm.atan(x) / ATAN_1_0) * 45.0;
            case ATAN2D -> atan2d(x, ((Number) r[first + 1]).doubleValue());
            case SINH -> Libm.sinh(x); // overflow is ±Infinity, not an error (dsinh)
            case COSH -> cosh(x);
            case TANH -> Libm.tanh(x);
            case ASINH -> Libm.asinh(x);
            case ACOSH -> {
                if (x < 1.0) {
                    throw outOfRange();
                }
                yield Libm.acosh(x);
            }
            case ATANH -> atanh(x);
            case DEGREES -> checked(x / RADIANS_PER_DEGREE, Double.isInfinite(x), x == 0);
            case RADIANS -> checked(x * RADIANS_PER_DEGREE, Double.isInfinite(x), x == 0);
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    /** sin/cos/tan: an infinite argument is an error (POSIX's domain error), NaN stays NaN. */
    private static double periodic(double x, double result, boolean infinityValid) {
        if (Double.isInfinite(x)) {
            throw outOfRange();
        }
        return checked(result, infinityValid, true);
    }

    private static double inUnitRange(double x) {
        if (x < -1.0 || x > 1.0) {
            throw outOfRange();
        }
        return x;
    }

    private static double cosh(double x) {
        double result = Libm.cosh(x);
        if (result == 0.0) {
            throw FloatChecks.underflow();
        }
        return result;
    }

    private static double atanh(double x) {
        if (x < -1.0 || x > 1.0) {
            throw outOfRange();
        }
        if (x == -1.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        return Libm.atanh(x);
    }

    /** sin of an angle in [0, 30] degrees: exactly 0 at 0 and exactly 0.5 at 30. */
    private static double sind0To30(double x) {
        return (Libm.sin(x * RADIANS_PER_DEGREE) / SIN_30) / 2.0;
    }

    /** cos of an angle in [0, 60] degrees: exactly 1 at 0 and exactly 0.5 at 60. */
    private static double cosd0To60(double x) {
        double oneMinusCos = 1.0 - Libm.cos(x * RADIANS_PER_DEGREE);
        return 1.0 - (oneMinusCos / ONE_MINUS_COS_60) / 2.0;
    }

    private static double sindQ1(double x) {
        return x <= 30.0 ? sind0To30(x) : cosd0To60(90.0 - x);
    }

    private static double cosdQ1(double x) {
        return x <= 60.0 ? cosd0To60(x) : sind0To30(90.0 - x);
    }

    private static double asindQ1(double x) {
        return x <= 0.5 ? (Libm.asin(x) / ASIN_0_5) * 30.0 : 90.0 - (Libm.acos(x) / ACOS_0_5) * 60.0;
    }

    private static double acosdQ1(double x) {
        return x <= 0.5 ? 90.0 - (Libm.asin(x) / ASIN_0_5) * 30.0 : (Libm.acos(x) / ACOS_0_5) * 60.0;
    }

    private static double sind(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double[] reduced = firstQuadrant(x, false); // sin(180 - x) = sin(x)
        return reduced[1] * sindQ1(reduced[0]);
    }

    private static double cosd(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            throw outOfRange();
        }
        int sign = 1;
        x = x % 360.0;
        if (x < 0.0) {
            x = -x;
        }
        if (x > 180.0) {
            x = 360.0 - x;
        }
        if (x > 90.0) {
            x = 180.0 - x;
            sign = -sign;
        }
        return sign * cosdQ1(x);
    }

    private static double tand(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double[] reduced = firstQuadrant(x, true); // tan(180 - x) = -tan(x)
        double result = reduced[1] * ((sindQ1(reduced[0]) / cosdQ1(reduced[0])) / TAN_45);
        return result == 0.0 ? 0.0 : result; // no minus zero, as float.c
    }

    private static double cotd(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double[] reduced = firstQuadrant(x, true);
        double result = reduced[1] * ((cosdQ1(reduced[0]) / sindQ1(reduced[0])) / COT_45);
        return result == 0.0 ? 0.0 : result;
    }

    /**
     * An angle in degrees reduced to [0, 90] for an odd function (sind, tand, cotd), as float.c
     * reduces it: {angle, sign of the result}. {@code flipPastNinety}: whether f(180 - x) is
     * -f(x) (tangent, cotangent) rather than f(x) (sine). Infinity is out of range.
     */
    private static double[] firstQuadrant(double x, boolean flipPastNinety) {
        if (Double.isInfinite(x)) {
            throw outOfRange();
        }
        int sign = 1;
        x = x % 360.0; // C's fmod
        if (x < 0.0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180.0) {
            x = 360.0 - x;
            sign = -sign;
        }
        if (x > 90.0) {
            x = 180.0 - x;
            if (flipPastNinety) {
                sign = -sign;
            }
        }
        return new double[] {x, sign};
    }

    private static double asind(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        inUnitRange(x);
        return x >= 0.0 ? asindQ1(x) : -asindQ1(-x);
    }

    private static double acosd(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        inUnitRange(x);
        return x >= 0.0 ? acosdQ1(x) : 90.0 + asindQ1(-x);
    }

    private static double atan2d(double y, double x) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return Double.NaN;
        }
        return (Libm.atan2(y, x) / ATAN_1_0) * 45.0;
    }

    private static double checked(double result, boolean infinityValid, boolean zeroValid) {
        return FloatChecks.checked(result, infinityValid, zeroValid);
    }

    private static SqlException outOfRange() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
    }
}
