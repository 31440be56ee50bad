package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Comparison, arithmetic and conversion of run-time values, with PostgreSQL's rules for the
 * errors: integer overflow is 22003, division by zero 22012, bad text input 22P02 with
 * PostgreSQL's exact message. Null handling is the caller's job: these never see SQL NULL.
 */
public final class Values {
    private Values() {}

    /** Total order within comparable values; numbers of different classes compare by value. */
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            if (x instanceof BigDecimal || y instanceof BigDecimal) {
                if (!(isFinite(x) && isFinite(y))) {
                    return Double.compare(x.doubleValue(), y.doubleValue());
                }
                return toBigDecimal(x).compareTo(toBigDecimal(y));
            }
            double u = x.doubleValue();
            double v = y.doubleValue();
            // -0 equals 0 (PostgreSQL float8 comparison); NaN equals NaN and sorts above all.
            return u == v ? 0 : Double.compare(u, v);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (isDateTime(a) && isDateTime(b)) {
            return asInstant(a).compareTo(asInstant(b));
        }
        switch (a) {
            case java.util.UUID x when b instanceof java.util.UUID y -> {
                return Uuids.compare(x, y);
            }
            case Bytes x when b instanceof Bytes y -> {
                return x.compareTo(y);
            }
            case LocalTime x when b instanceof LocalTime y -> {
                return x.compareTo(y);
            }
            case Interval x when b instanceof Interval y -> {
                return x.compareTo(y);
            }
            case Jsonb x when b instanceof Jsonb y -> {
                return x.compareTo(y);
            }
            case SqlArray x when b instanceof SqlArray y -> {
                return x.compareTo(y);
            }
            case RegClass x when b instanceof RegClass y -> {
                return x.compareTo(y);
            }
            case RegClass x when b instanceof Number y -> {
                return Long.compare(x.oid(), y.longValue());
            }
            case Number x when b instanceof RegClass y -> {
                return Long.compare(x.longValue(), y.oid());
            }
            case Json x when b instanceof Json y -> throw new SqlException(SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: json = json", null,
                    "No operator matches the given name and argument types. You might need to add explicit type casts.", 0, null);
            default -> { }
        }
        throw new SqlException(SqlState.DATATYPE_MISMATCH,
                "cannot compare " + typeName(a) + " with " + typeName(b));
    }

    private static boolean isDateTime(Object value) {
        return value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Instant;
    }

    /** Dates and timestamps compare on one time line; those without a zone are in the session's (UTC). */
    private static Instant asInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case LocalDate d -> d.atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> throw new IllegalArgumentException(value.getClass().getName());
        };
    }

    public static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short;
    }

    private static boolean isFinite(Number n) {
        return n instanceof Double d ? Double.isFinite(d) : !(n instanceof Float f) || Float.isFinite(f);
    }

    public static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return BigDecimal.valueOf(n.doubleValue());
    }

    /**
     * Arithmetic in the result type chosen by the planner. op is one of + - * / %; a timestamptz
     * plus or minus an interval counts days and months in the session's {@code zone}.
     */
    public static Object arithmetic(char op, Object a, Object b, SqlType type, ZoneId zone) {
        if (!(a instanceof Number && b instanceof Number)) {
            Object result = DateTimeArithmetic.apply(op, a, b, zone);
            if (result != null) {
                return result;
            }
            throw new SqlException(SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: " + typeName(a) + " " + op + " " + typeName(b));
        }
        Number x = (Number) a;
        Number y = (Number) b;
        return switch (type) {
            case SMALLINT, INTEGER -> {
                long v = longArithmetic(op, x.longValue(), y.longValue());
                if (type == SqlType.SMALLINT ? v != (short) v : v != (int) v) {
                    throw outOfRange(type);
                }
                yield type == SqlType.SMALLINT ? (Object) (short) v : (Object) (int) v;
            }
            case BIGINT -> longArithmetic(op, x.longValue(), y.longValue());
            case DOUBLE -> doubleArithmetic(op, x.doubleValue(), y.doubleValue());
            case REAL -> realArithmetic(op, x.floatValue(), y.floatValue());
            case NUMERIC -> decimalArithmetic(op, toBigDecimal(x), toBigDecimal(y));
            default -> throw new SqlException(SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: " + typeName(a) + " " + op + " " + typeName(b));
        };
    }

    private static long longArithmetic(char op, long x, long y) {
        try {
            return switch (op) {
                case '+' -> Math.addExact(x, y);
                case '-' -> Math.subtractExact(x, y);
                case '*' -> Math.multiplyExact(x, y);
                case '/' -> {
                    if (y == 0) {
                        throw divisionByZero();
                    }
                    yield Math.divideExact(x, y);
                }
                case '%' -> {
                    if (y == 0) {
                        throw divisionByZero();
                    }
                    yield x % y;
                }
                default -> throw new IllegalArgumentException("operator " + op);
            };
        } catch (ArithmeticException overflow) {
            throw outOfRange(SqlType.BIGINT);
        }
    }

    private static double doubleArithmetic(char op, double x, double y) {
        double v = switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> {
                if (y == 0) {
                    throw divisionByZero();
                }
                yield x / y;
            }
            case '%' -> {
                if (y == 0) {
                    throw divisionByZero();
                }
                yield x % y;
            }
            default -> throw new IllegalArgumentException("operator " + op);
        };
        if (Double.isInfinite(v) && Double.isFinite(x) && Double.isFinite(y)) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return v;
    }

    /**
     * float4 arithmetic: the double result rounded to float is the float result (double has more
     * than twice float's precision); overflow and underflow to zero are 22003 (float4pl & co.).
     */
    private static float realArithmetic(char op, float x, float y) {
        double exact = doubleArithmetic(op, x, y);
        float v = (float) exact;
        if (Float.isInfinite(v) && Float.isFinite(x) && Float.isFinite(y)) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (v == 0 && exact != 0) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return v;
    }

    private static BigDecimal decimalArithmetic(char op, BigDecimal x, BigDecimal y) {
        return switch (op) {
            case '+' -> x.add(y);
            case '-' -> x.subtract(y);
            case '*' -> x.multiply(y);
            case '/' -> {
                if (y.signum() == 0) {
                    throw divisionByZero();
                }
                yield x.divide(y, divisionScale(x, y), RoundingMode.HALF_UP);
            }
            case '%' -> {
                if (y.signum() == 0) {
                    throw divisionByZero();
                }
                // mod_var: the remainder is exact, shown with the larger of the two scales.
                yield x.remainder(y, MathContext.UNLIMITED).setScale(Math.max(Math.max(x.scale(), y.scale()), 0));
            }
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    /**
     * The scale of a numeric quotient as PostgreSQL picks it (select_div_scale, numeric.c): at
     * least 16 significant digits, estimated from the weights and first digits of both operands
     * in PostgreSQL's base-10000 digits, and no less than either operand's scale.
     */
    private static int divisionScale(BigDecimal x, BigDecimal y) {
        int quotientWeight = baseWeight(x) - baseWeight(y);
        if (firstBaseDigit(x) <= firstBaseDigit(y)) {
            quotientWeight--;
        }
        int scale = 16 - quotientWeight * 4;
        scale = Math.max(scale, Math.max(x.scale(), 0));
        scale = Math.max(scale, Math.max(y.scale(), 0));
        return Math.min(scale, 1000);
    }

    /** The power of 10000 of a number's first base-10000 digit (0 for zero). */
    private static int baseWeight(BigDecimal v) {
        return v.signum() == 0 ? 0 : Math.floorDiv(v.precision() - v.scale() - 1, 4);
    }

    /** A number's first base-10000 digit (0 for zero). */
    private static int firstBaseDigit(BigDecimal v) {
        return v.signum() == 0 ? 0 : v.abs().movePointLeft(4 * baseWeight(v)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    public static Object negate(Object a) {
        return switch (a) {
            case Integer i -> {
                if (i == Integer.MIN_VALUE) {
                    throw outOfRange(SqlType.INTEGER);
                }
                yield -i;
            }
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    throw outOfRange(SqlType.BIGINT);
                }
                yield -l;
            }
            case Short s -> {
                if (s == Short.MIN_VALUE) {
                    throw outOfRange(SqlType.SMALLINT);
                }
                yield (short) -s;
            }
            case Double d -> -d;
            case Float f -> -f;
            case BigDecimal d -> d.negate();
            case Interval i -> i.negate();
            default -> throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: - " + typeName(a));
        };
    }

    /**
     * Converts a non-null value to the target type, as PostgreSQL's casts do. Casts between
     * timestamptz and the types without a zone (text, timestamp, date, time) read or show the
     * time in the session's {@code zone}.
     */
    public static Object cast(Object value, SqlType target, ZoneId zone) {
        if (target.isArray()) {
            return castArray(value, target.element(), zone);
        }
        return switch (target) {
            case TEXT -> toText(value, zone);
            case BOOLEAN -> switch (value) {
                case Boolean b -> b;
                case String s -> TextInput.parseBoolean(s);
                case Integer i -> i != 0;
                default -> throw cannotCast(value, target);
            };
            case SMALLINT, INTEGER, BIGINT -> castToIntegral(value, target);
            case REAL -> switch (value) {
                case Float f -> f;
                // numeric_float4 reads the number's text as float4in does (and says so when it does not fit)
                case BigDecimal d -> (float) TextInput.parseDouble(d.toPlainString(), true);
                case Number n -> toReal(n.doubleValue());
                case String s -> (float) TextInput.parseDouble(s, true);
                default -> throw cannotCast(value, target);
            };
            case DOUBLE -> switch (value) {
                case Number n -> n.doubleValue();
                case String s -> TextInput.parseDouble(s, false);
                default -> throw cannotCast(value, target);
            };
            case NUMERIC -> switch (value) {
                case BigDecimal d -> d;
                case Float f -> {
                    if (!Float.isFinite(f)) {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert " + f + " to numeric");
                    }
                    // float4_numeric prints with FLT_DIG (6) significant digits, then reads that back.
                    BigDecimal rounded = new BigDecimal(f).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
                    yield rounded.scale() < 0 ? rounded.setScale(0) : rounded;
                }
                case Double d -> {
                    if (!Double.isFinite(d)) {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert " + d + " to numeric");
                    }
                    // float8_numeric prints with DBL_DIG (15) significant digits, then reads that back.
                    BigDecimal rounded = new BigDecimal(d).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
                    yield rounded.scale() < 0 ? rounded.setScale(0) : rounded;
                }
                case Number n -> BigDecimal.valueOf(n.longValue());
                case String s -> TextInput.parseNumeric(s);
                default -> throw cannotCast(value, target);
            };
            case DATE -> switch (value) {
                case LocalDate d -> d;
                case LocalDateTime t -> t.toLocalDate();
                case Instant t -> LocalDate.ofInstant(t, zone);
                case String s -> DateTimeText.parseDate(s);
                default -> throw cannotCast(value, target);
            };
            case TIMESTAMP -> switch (value) {
                case LocalDateTime t -> t;
                case LocalDate d -> d.atStartOfDay();
                case Instant t -> LocalDateTime.ofInstant(t, zone);
                case String s -> DateTimeText.parseTimestamp(s);
                default -> throw cannotCast(value, target);
            };
            case TIMESTAMPTZ -> switch (value) {
                case Instant t -> t;
                case LocalDateTime t -> ZonedTimes.instantOf(t, zone);
                case LocalDate d -> ZonedTimes.instantOf(d.atStartOfDay(), zone);
                case String s -> DateTimeText.parseTimestamptz(s, zone);
                default -> throw cannotCast(value, target);
            };
            case REGCLASS -> switch (value) {
                case RegClass r -> r;
                default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "a cast of " + typeName(value) + " to regclass is taken only for a constant name yet");
            };
            case OID -> switch (value) {
                case RegClass r -> r.oid();
                case Number n when Values.isIntegral(n) -> oid(n.longValue(), value);
                case BigDecimal d -> oid(d.setScale(0, RoundingMode.HALF_UP).longValue(), value);
                case String s -> TextInput.parseOid(s);
                default -> throw cannotCast(value, target);
            };
            case UUID -> switch (value) {
                case java.util.UUID u -> u;
                case String s -> Uuids.parse(s);
                default -> throw cannotCast(value, target);
            };
            case BYTEA -> switch (value) {
                case Bytes b -> b;
                case String s -> Bytes.parse(s);
                default -> throw cannotCast(value, target);
            };
            case TIME -> switch (value) {
                case LocalTime t -> t;
                case LocalDateTime t -> t.toLocalTime();
                case Instant t -> LocalDateTime.ofInstant(t, zone).toLocalTime();
                case Interval i -> LocalTime.ofNanoOfDay(Math.floorMod(i.micros(), Interval.MICROS_PER_DAY) * 1000);
                case String s -> DateTimeText.parseTime(s);
                default -> throw cannotCast(value, target);
            };
            case INTERVAL -> switch (value) {
                case Interval i -> i;
                case LocalTime t -> new Interval(0, 0, t.toNanoOfDay() / 1000);
                case String s -> IntervalText.parse(s);
                default -> throw cannotCast(value, target);
            };
            case JSON -> switch (value) {
                case Json j -> j;
                case Jsonb j -> new Json(j.toString());
                case String s -> Json.parse(s);
                default -> throw cannotCast(value, target);
            };
            case JSONB -> switch (value) {
                case Jsonb j -> j;
                case Json j -> new Jsonb(j.tree());
                case String s -> Jsonb.parse(s);
                default -> throw cannotCast(value, target);
            };
            case UNKNOWN -> value;
            default -> throw cannotCast(value, target);
        };
    }

    private static SqlArray castArray(Object value, SqlType element, ZoneId zone) {
        return switch (value) {
            case SqlArray array -> {
                Object[] cast = new Object[array.length()];
                for (int i = 0; i < cast.length; i++) {
                    Object e = array.elements()[i];
                    cast[i] = e == null ? null : cast(e, element, zone);
                }
                yield new SqlArray(cast);
            }
            case String s -> ArrayText.parse(s, element, zone);
            default -> throw cannotCast(value, element.arrayOf());
        };
    }

    /**
     * int4 and int8 to oid: an int4 is taken as the unsigned number of its bits (-1 is
     * 4294967295, as PostgreSQL's binary-compatible cast); a bigint must fit in 32 unsigned bits.
     */
    private static long oid(long v, Object original) {
        if (original instanceof Integer || original instanceof Short) {
            return v & 0xffffffffL;
        }
        if (v < 0 || v > 0xffffffffL) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "OID out of range");
        }
        return v;
    }

    /** float8 to float4: overflow and underflow are 22003, as float84 / float4in say. */
    private static float toReal(double d) {
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (f == 0 && d != 0) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return f;
    }

    private static Object castToIntegral(Object value, SqlType target) {
        long v;
        switch (value) {
            case Integer i -> v = i;
            case Long l -> v = l;
            case Short s -> v = s;
            case Float f -> {
                double d = f;
                if (Double.isNaN(d) || Double.isInfinite(d) || Math.rint(d) >= 0x1p63 || Math.rint(d) < -0x1p63) {
                    throw outOfRange(target);
                }
                v = (long) Math.rint(d);
            }
            case Double d -> {
                if (Double.isNaN(d) || Double.isInfinite(d) || Math.rint(d) >= 0x1p63 || Math.rint(d) < -0x1p63) {
                    throw outOfRange(target);
                }
                v = (long) Math.rint(d);
            }
            case BigDecimal d -> {
                try {
                    v = d.setScale(0, RoundingMode.HALF_UP).longValueExact();
                } catch (ArithmeticException e) {
                    throw outOfRange(target);
                }
            }
            case Boolean b -> {
                if (target != SqlType.INTEGER) {
                    throw cannotCast(value, target);
                }
                v = b ? 1 : 0;
            }
            case String s -> {
                return TextInput.parseIntegral(s, target);
            }
            default -> throw cannotCast(value, target);
        }
        return narrow(v, target);
    }

    private static Object narrow(long v, SqlType target) {
        switch (target) {
            case SMALLINT -> {
                if (v != (short) v) {
                    throw outOfRange(target);
                }
                return (short) v;
            }
            case INTEGER -> {
                if (v != (int) v) {
                    throw outOfRange(target);
                }
                return (int) v;
            }
            default -> {
                return v;
            }
        }
    }

    /** {@code ||}: bytea with bytea is bytea, jsonb with jsonb is jsonb (jsonb_concat), else text. */
    public static Object concat(Object a, Object b, ZoneId zone) {
        if (a instanceof Bytes x && b instanceof Bytes y) {
            byte[] joined = java.util.Arrays.copyOf(x.bytes(), x.bytes().length + y.bytes().length);
            System.arraycopy(y.bytes(), 0, joined, x.bytes().length, y.bytes().length);
            return new Bytes(joined);
        }
        if (a instanceof Jsonb x && b instanceof Jsonb y) {
            return Jsonb.concat(x, y);
        }
        if (a instanceof SqlArray x) {
            return x.concat(b instanceof SqlArray y ? y : new SqlArray(new Object[] {b}));
        }
        if (b instanceof SqlArray y) {
            return new SqlArray(new Object[] {a}).concat(y);
        }
        return toText(a, zone) + toText(b, zone);
    }

    /** The text form PostgreSQL prints (bool t/f, shortest round-trip floats), a timestamptz in the session's zone. */
    public static String toText(Object value, ZoneId zone) {
        return value instanceof Instant t ? DateTimeText.formatTimestamptz(t, zone) : toText(value);
    }

    /**
     * The text form of a value whose text does not depend on the session: anything but a
     * timestamptz, which {@link #toText(Object, ZoneId)} shows in the session's zone. One that
     * gets here all the same (an error message's failing row) is shown in UTC.
     */
    public static String toText(Object value) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case Double d -> FloatText.format(d);
            case Float f -> FloatText.formatReal(f);
            case BigDecimal d -> d.toPlainString();
            case LocalDate d -> DateTimeText.formatDate(d);
            case LocalDateTime t -> DateTimeText.formatTimestamp(t);
            case Instant t -> DateTimeText.formatTimestamptz(t, ZoneOffset.UTC);
            case LocalTime t -> DateTimeText.formatTime(t);
            default -> value.toString(); // uuid, bytea (hex), interval, json, jsonb print themselves
        };
    }

    /**
     * A value as its type's output function writes it, for the rows and keys an error's detail
     * shows ("Failing row contains (…)", "Key (…)=(…)"): as {@link #toText(Object)}, except that
     * boolout writes t and f where a cast to text writes true and false.
     */
    public static String toOutputText(Object value) {
        return value instanceof Boolean b ? (b ? "t" : "f") : toText(value);
    }

    public static String typeName(Object value) {
        return switch (value) {
            case null -> "unknown";
            case Integer i -> "integer";
            case Long l -> "bigint";
            case Short s -> "smallint";
            case Double d -> "double precision";
            case Float f -> "real";
            case BigDecimal d -> "numeric";
            case String s -> "text";
            case Boolean b -> "boolean";
            case LocalDate d -> "date";
            case LocalDateTime t -> "timestamp without time zone";
            case Instant t -> "timestamp with time zone";
            case LocalTime t -> "time without time zone";
            case java.util.UUID u -> "uuid";
            case Bytes b -> "bytea";
            case Interval i -> "interval";
            case Json j -> "json";
            case Jsonb j -> "jsonb";
            case RegClass r -> "regclass";
            case SqlArray a -> java.util.Arrays.stream(a.elements()).filter(java.util.Objects::nonNull).findFirst()
                    .map(e -> typeName(e) + "[]").orElse("anyarray");
            default -> value.getClass().getSimpleName();
        };
    }

    public static SqlException outOfRange(SqlType type) {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type.sqlName() + " out of range");
    }

    private static SqlException divisionByZero() {
        return new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    private static SqlException cannotCast(Object value, SqlType target) {
        return new SqlException(SqlState.DATATYPE_MISMATCH,
                "cannot cast type " + typeName(value) + " to " + target.sqlName());
    }
}
