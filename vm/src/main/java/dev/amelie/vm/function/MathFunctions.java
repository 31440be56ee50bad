package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's mathematical functions. Most have a double precision and a numeric signature;
 * the planner chose one and cast the arguments, so a Double argument runs float.c's version and
 * a BigDecimal numeric.c's (see {@link NumericMath} for the numeric scales). gcd and lcm also
 * take integer and bigint.
 */
final class MathFunctions {
    private MathFunctions() {}

    /** NUMERIC_MAX_RESULT_SCALE: the bound on round's and trunc's scale argument. */
    private static final int MAX_RESULT_SCALE = 2000;

    static Object call(Function function, Object[] r, int first, int count) {
        Object x = r[first];
        return switch (function) {
            case NUMERIC_TYPMOD -> dev.amelie.vm.value.TypeModifiers.fitNumeric((BigDecimal) x, (Integer) r[first + 1],
                    (Integer) r[first + 2]);
            case CBRT -> Libm.cbrt(asDouble(x));
            case EXP -> x instanceof BigDecimal n ? NumericMath.exp(n) : exp(asDouble(x));
            case LN -> x instanceof BigDecimal n ? NumericMath.ln(n) : logarithm(asDouble(x), Libm.log(asDouble(x)));
            case LOG10 -> x instanceof BigDecimal n ? NumericMath.log(BigDecimal.TEN, n)
                    : logarithm(asDouble(x), Libm.log10(asDouble(x)));
            case LOG -> NumericMath.log((BigDecimal) x, (BigDecimal) r[first + 1]);
            case POWER -> x instanceof BigDecimal n ? NumericMath.power(n, (BigDecimal) r[first + 1])
                    : power(asDouble(x), asDouble(r[first + 1]));
            case SQRT -> x instanceof BigDecimal n ? NumericMath.sqrt(n) : sqrt(asDouble(x));
            case SIGN -> x instanceof BigDecimal n ? BigDecimal.valueOf(n.signum()) : sign(asDouble(x));
            case TRUNC -> count == 2 ? scaled((BigDecimal) x, (Integer) r[first + 1], RoundingMode.DOWN)
                    : x instanceof BigDecimal n ? n.setScale(0, RoundingMode.DOWN) : truncate(asDouble(x));
            case ROUND -> count == 2 ? scaled((BigDecimal) x, (Integer) r[first + 1], RoundingMode.HALF_UP)
                    : x instanceof BigDecimal n ? n.setScale(0, RoundingMode.HALF_UP) : Math.rint(asDouble(x));
            case CEIL -> switch (x) {
                case BigDecimal n -> n.setScale(0, RoundingMode.CEILING);
                case Double d -> Math.ceil(d);
                default -> x; // an integer is its own ceiling
            };
            case FLOOR -> switch (x) {
                case BigDecimal n -> n.setScale(0, RoundingMode.FLOOR);
                case Double d -> Math.floor(d);
                default -> x;
            };
            case DIV -> divide((BigDecimal) x, (BigDecimal) r[first + 1]);
            case GCD -> gcd(x, r[first + 1]);
            case LCM -> lcm(x, r[first + 1]);
            case FACTORIAL -> factorial(((Number) x).longValue());
            case BIT_AND, BIT_OR, BIT_XOR, SHIFT_LEFT, SHIFT_RIGHT -> bitwise(function, (Number) x, (Number) r[first + 1]);
            case BIT_NOT -> switch (x) {
                case Short v -> (short) ~v;
                case Integer v -> ~v;
                default -> ~((Number) x).longValue();
            };
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    /**
     * int2and … int8shr: in the width of the first operand's type. A shift count is taken modulo
     * the width as the C shift PostgreSQL runs does on the machines it runs on.
     */
    private static Object bitwise(Function function, Number a, Number b) {
        long x = a.longValue();
        long y = b.longValue();
        long result = switch (function) {
            case BIT_AND -> x & y;
            case BIT_OR -> x | y;
            case BIT_XOR -> x ^ y;
            case SHIFT_LEFT -> a instanceof Long ? x << y : (int) x << (int) y;
            default -> a instanceof Long ? x >> y : (int) x >> (int) y;
        };
        return switch (a) {
            case Short s -> (short) result;
            case Integer i -> (int) result;
            default -> result;
        };
    }

    private static double asDouble(Object value) {
        return ((Number) value).doubleValue();
    }

    /** dexp: exp(-Infinity) is 0, otherwise an infinite or zero result is an overflow or underflow. */
    private static double exp(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? x : 0;
        }
        double result = Libm.exp(x);
        if (Double.isInfinite(result)) {
            throw FloatChecks.overflow();
        }
        if (result == 0.0) {
            throw FloatChecks.underflow();
        }
        return result;
    }

    /** dlog1, dlog10: 2201E for zero and negative arguments. */
    private static double logarithm(double x, double result) {
        if (x == 0.0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (x < 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
        return FloatChecks.checked(result, Double.isInfinite(x), x == 1);
    }

    private static double sqrt(double x) {
        if (x < 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        return Math.sqrt(x);
    }

    private static double sign(double x) {
        if (x > 0) {
            return 1.0;
        }
        return x < 0 ? -1.0 : 0.0;
    }

    /** dtrunc: toward zero, keeping the sign of zero as C's floor does. */
    private static double truncate(double x) {
        return x >= 0 ? Math.floor(x) : -Math.floor(-x);
    }

    /**
     * dpow (PostgreSQL 13 and later): POSIX's NaN and infinity rules stated explicitly, 2201F for
     * zero to a negative power and a negative number to a non-integer one.
     */
    private static double power(double x, double y) {
        if (Double.isNaN(x)) {
            return Double.isNaN(y) || y != 0.0 ? Double.NaN : 1.0;
        }
        if (Double.isNaN(y)) {
            return x != 1.0 ? Double.NaN : 1.0;
        }
        if (x == 0 && y < 0) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y) {
            throw new SqlException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        double absolute = Math.abs(x);
        if (Double.isInfinite(y)) {
            if (absolute == 1.0) {
                return 1.0;
            }
            if (y > 0) {
                return absolute > 1.0 ? y : 0.0;
            }
            return absolute > 1.0 ? 0.0 : -y;
        }
        if (Double.isInfinite(x)) {
            if (y == 0.0) {
                return 1.0;
            }
            if (x > 0) {
                return y > 0 ? x : 0.0;
            }
            double half = y / 2;
            boolean oddInteger = Math.floor(half) != half;
            if (y > 0) {
                return oddInteger ? x : -x;
            }
            return oddInteger ? -0.0 : 0.0;
        }
        double result = Libm.pow(x, y);
        if (Double.isInfinite(result)) {
            throw FloatChecks.overflow();
        }
        if (result == 0.0 && x != 0.0) {
            throw FloatChecks.underflow();
        }
        return result;
    }

    /** numeric round(x, s) and trunc(x, s): s may be negative (digits before the point); scale ≥ 0. */
    private static BigDecimal scaled(BigDecimal x, int scale, RoundingMode mode) {
        scale = Math.max(-MAX_RESULT_SCALE, Math.min(MAX_RESULT_SCALE, scale));
        BigDecimal result = x.setScale(scale, mode);
        return scale < 0 ? result.setScale(0) : result;
    }

    /** div(x, y): the integral quotient, truncated toward zero. */
    private static BigDecimal divide(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return x.divideToIntegralValue(y).setScale(0, RoundingMode.DOWN);
    }

    private static Object gcd(Object x, Object y) {
        return switch (x) {
            case Integer i -> (int) inRange(BigInteger.valueOf(i).gcd(BigInteger.valueOf((Integer) y)), "integer", 31);
            case Long l -> inRange(BigInteger.valueOf(l).gcd(BigInteger.valueOf((Long) y)), "bigint", 63);
            case BigDecimal n -> {
                BigDecimal m = (BigDecimal) y;
                int scale = Math.max(NumericMath.dscale(n), NumericMath.dscale(m));
                BigInteger g = n.setScale(scale).unscaledValue().gcd(m.setScale(scale).unscaledValue());
                yield new BigDecimal(g, scale);
            }
            default -> throw new IllegalArgumentException(x.getClass().getName());
        };
    }

    /** lcm(x, y) = |x / gcd(x, y) · y|, zero when either is zero. */
    private static Object lcm(Object x, Object y) {
        return switch (x) {
            case Integer i -> (int) inRange(lcm(BigInteger.valueOf(i), BigInteger.valueOf((Integer) y)), "integer", 31);
            case Long l -> inRange(lcm(BigInteger.valueOf(l), BigInteger.valueOf((Long) y)), "bigint", 63);
            case BigDecimal n -> {
                BigDecimal m = (BigDecimal) y;
                int scale = Math.max(NumericMath.dscale(n), NumericMath.dscale(m));
                yield new BigDecimal(lcm(n.setScale(scale).unscaledValue(), m.setScale(scale).unscaledValue()), scale);
            }
            default -> throw new IllegalArgumentException(x.getClass().getName());
        };
    }

    private static BigInteger lcm(BigInteger x, BigInteger y) {
        if (x.signum() == 0 || y.signum() == 0) {
            return BigInteger.ZERO;
        }
        return x.divide(x.gcd(y)).multiply(y).abs();
    }

    private static long inRange(BigInteger value, String type, int bits) {
        if (value.bitLength() > bits) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type + " out of range");
        }
        return value.longValue();
    }

    private static BigDecimal factorial(long n) {
        if (n < 0) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
        }
        if (n > 32177) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        BigInteger result = BigInteger.ONE;
        for (long k = 2; k <= n; k++) {
            result = result.multiply(BigInteger.valueOf(k));
        }
        return new BigDecimal(result);
    }
}
