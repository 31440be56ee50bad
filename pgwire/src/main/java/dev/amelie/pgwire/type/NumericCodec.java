package dev.amelie.pgwire.type;

import dev.amelie.vm.value.TextInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code numeric}, carried as BigDecimal. Text output keeps the value's scale, as PostgreSQL
 * prints its display scale (1.50 stays 1.50). Binary is PostgreSQL's NumericVar layout
 * (numeric.c numeric_send/numeric_recv): ndigits, weight, sign, dscale, then base-10000
 * digits, most significant first, with the decimal point after digit number {@code weight}.
 * NaN and ±Infinity exist in PostgreSQL but not in BigDecimal, so they are refused here.
 */
final class NumericCodec implements TypeCodec {
    static final NumericCodec INSTANCE = new NumericCodec();

    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    /** PostgreSQL's NUMERIC_MAX_DISPLAY_SCALE / digit limits; bounds what a client can make us allocate. */
    private static final int MAX_DSCALE = 0x3FFF;
    private static final int MAX_DIGITS = 0x7FFF;

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, toBigDecimal(value).toPlainString());
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        BigDecimal decimal = toBigDecimal(value);
        int dscale = Math.max(decimal.scale(), 0);
        String plain = decimal.abs().toPlainString();
        int point = plain.indexOf('.');
        String integerPart = point < 0 ? plain : plain.substring(0, point);
        String fractionPart = point < 0 ? "" : plain.substring(point + 1);
        // Pad both parts to whole base-10000 digits around the decimal point.
        int integerPad = (4 - integerPart.length() % 4) % 4;
        int fractionPad = (4 - fractionPart.length() % 4) % 4;
        String digits = "0".repeat(integerPad) + integerPart + fractionPart + "0".repeat(fractionPad);
        int groups = digits.length() / 4;
        int weight = (integerPart.length() + integerPad) / 4 - 1;
        int first = 0;
        int last = groups - 1;
        while (first <= last && group(digits, first) == 0) {
            first++;
        }
        while (last >= first && group(digits, last) == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        out.writeShort(ndigits);
        out.writeShort(ndigits == 0 ? 0 : weight - first);
        out.writeShort(decimal.signum() < 0 ? NEGATIVE : POSITIVE);
        out.writeShort(dscale);
        for (int i = first; i <= last; i++) {
            out.writeShort(group(digits, i));
        }
    }

    private static int group(String digits, int index) {
        return Integer.parseInt(digits, index * 4, index * 4 + 4, 10);
    }

    /** numeric_in, shared with casts: {@link TextInput#parseNumeric}. */
    @Override
    public Object readText(String text) {
        return TextInput.parseNumeric(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() < 8) {
            return null;
        }
        int ndigits = in.readUnsignedShort();
        int weight = in.readShort();
        int sign = in.readUnsignedShort();
        int dscale = in.readUnsignedShort();
        if (ndigits > MAX_DIGITS || dscale > MAX_DSCALE || in.readableBytes() != ndigits * 2) {
            return null;
        }
        if (sign != POSITIVE && sign != NEGATIVE) {
            // NaN (0xC000) and the infinities (0xD000, 0xF000) have no BigDecimal form.
            return null;
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int digit = in.readUnsignedShort();
            if (digit >= 10_000) {
                return null;
            }
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
        }
        // The last digit read has weight (weight - ndigits + 1), i.e. 10000^that.
        BigDecimal value = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        if (sign == NEGATIVE) {
            value = value.negate();
        }
        return value.setScale(dscale, java.math.RoundingMode.DOWN);
    }

    private static BigDecimal toBigDecimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> BigDecimal.valueOf(f);
            case Number n -> BigDecimal.valueOf(n.longValue());
            default -> new BigDecimal(value.toString());
        };
    }
}
