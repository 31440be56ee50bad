package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * {@code int2}, {@code int4} and {@code int8}: the same text rules (PostgreSQL 15's
 * pg_strtoint16/32/64 in numutils.c: optional whitespace, sign, decimal digits, optional
 * whitespace; no underscores, those came in 16) with a different width.
 */
final class IntegerCodec implements TypeCodec {
    static final IntegerCodec INT2 = new IntegerCodec(2, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
    static final IntegerCodec INT4 = new IntegerCodec(4, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    static final IntegerCodec INT8 = new IntegerCodec(8, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);

    private final int width;
    private final String typeName;
    private final long min;
    private final long max;

    private IntegerCodec(int width, String typeName, long min, long max) {
        this.width = width;
        this.typeName = typeName;
        this.min = min;
        this.max = max;
    }

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, Long.toString(((Number) value).longValue()));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        long v = ((Number) value).longValue();
        switch (width) {
            case 2 -> out.writeShort((short) v);
            case 4 -> out.writeInt((int) v);
            default -> out.writeLong(v);
        }
    }

    @Override
    public Object readText(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i == end) {
            throw invalid(text);
        }
        // Accumulate negatively so that the minimum value parses without overflow.
        long value = 0;
        boolean overflow = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text);
            }
            int digit = c - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                overflow = true;
            } else {
                value = value * 10 - digit;
            }
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        if (overflow || value < min || value > max) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type " + typeName);
        }
        return box(value);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != width) {
            return null;
        }
        return switch (width) {
            case 2 -> in.readShort();
            case 4 -> in.readInt();
            default -> in.readLong();
        };
    }

    private Object box(long value) {
        return switch (width) {
            case 2 -> (short) value;
            case 4 -> (int) value;
            default -> value;
        };
    }

    private SqlException invalid(String text) {
        return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** C isspace() in the C locale, which is what numutils.c uses. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
