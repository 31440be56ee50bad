package dev.amelie.pgwire.type;

import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.TextInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * {@code int2}, {@code int4} and {@code int8}: the same text rules (PostgreSQL 15's
 * pg_strtoint16/32/64 in numutils.c: optional whitespace, sign, decimal digits, optional
 * whitespace; no underscores, those came in 16) with a different width.
 */
final class IntegerCodec implements TypeCodec {
    static final IntegerCodec INT2 = new IntegerCodec(2, SqlType.SMALLINT);
    static final IntegerCodec INT4 = new IntegerCodec(4, SqlType.INTEGER);
    static final IntegerCodec INT8 = new IntegerCodec(8, SqlType.BIGINT);

    private final int width;
    private final SqlType type;

    private IntegerCodec(int width, SqlType type) {
        this.width = width;
        this.type = type;
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

    /** int2in/int4in/int8in, shared with casts: {@link TextInput#parseIntegral}. */
    @Override
    public Object readText(String text) {
        return TextInput.parseIntegral(text, type);
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
}
