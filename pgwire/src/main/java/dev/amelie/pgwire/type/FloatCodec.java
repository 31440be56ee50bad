package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.FloatText;
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
 * Text output is {@link FloatText}'s, PostgreSQL's shortest round-trip form.
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
        ByteBufUtil.writeAscii(out, width == 8 ? FloatText.format(d) : FloatText.formatReal((float) d));
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
