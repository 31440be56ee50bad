package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code float8} and {@code float4}. Values are Doubles in Java either way: a float4 parameter
 * is widened exactly, as PostgreSQL's float4-to-float8 cast does.
 *
 * <p>Text output follows PostgreSQL 12+ with extra_float_digits &gt; 0 (the default 1, and the
 * 3 every driver sets): the shortest digits that read back to the same value
 * (float.c float8out_internal, Ryu's d2s), printed like C's %g — exponent form when the decimal
 * exponent is below -4 or at least the type's precision (15 for float8, 6 for float4), with
 * a sign and at least two exponent digits ("1e+20", "1e-05"). Java's Double.toString gives
 * the same shortest digits since JDK 19.
 */
final class FloatCodec implements TypeCodec {
    static final FloatCodec FLOAT8 = new FloatCodec(8, "double precision");
    static final FloatCodec FLOAT4 = new FloatCodec(4, "real");

    /** What strtod accepts for finite decimal numbers (hex floats left out on purpose). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final int width;
    private final String typeName;

    private FloatCodec(int width, String typeName) {
        this.width = width;
        this.typeName = typeName;
    }

    @Override
    public void writeText(ByteBuf out, Object value) {
        double d = ((Number) value).doubleValue();
        ByteBufUtil.writeAscii(out, width == 8 ? format(d) : format4((float) d));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        double d = ((Number) value).doubleValue();
        if (width == 8) {
            out.writeLong(Double.doubleToLongBits(d));
        } else {
            out.writeInt(Float.floatToIntBits((float) d));
        }
    }

    /** float8 text output as PostgreSQL 15 writes it with extra_float_digits &gt; 0. */
    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return special(d);
        }
        return shortest(Double.toString(Math.abs(d)), d < 0, 15, text -> Double.parseDouble(text) == Math.abs(d));
    }

    private static String format4(float f) {
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

    /**
     * float8in/float4in: surrounding whitespace allowed, the special words NaN, Infinity and
     * inf in any case with an optional sign; a finite number that overflows or underflows to
     * zero is 22003 (PostgreSQL checks ERANGE from strtod).
     */
    @Override
    public Object readText(String text) {
        String s = text.strip();
        String word = s.toLowerCase(Locale.ROOT);
        String unsigned = word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word;
        if (unsigned.equals("infinity") || unsigned.equals("inf")) {
            return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (word.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type " + typeName + ": \"" + text + "\"");
        }
        double value;
        if (width == 8) {
            value = Double.parseDouble(s);
        } else {
            value = Float.parseFloat(s);
        }
        if (Double.isInfinite(value) || (value == 0 && !isZero(s))) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type " + typeName);
        }
        return value;
    }

    private static boolean isZero(String decimal) {
        int e = decimal.toLowerCase(Locale.ROOT).indexOf('e');
        String mantissa = e < 0 ? decimal : decimal.substring(0, e);
        for (int i = 0; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != width) {
            return null;
        }
        return width == 8 ? in.readDouble() : (double) in.readFloat();
    }
}
