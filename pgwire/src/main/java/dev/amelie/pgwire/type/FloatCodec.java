package dev.amelie.pgwire.type;

import dev.amelie.vm.value.FloatText;
import dev.amelie.vm.value.TextInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;


/**
 * {@code float8} (Java Double) and {@code float4} (Java Float). Text output is
 * {@link FloatText}'s, PostgreSQL's shortest round-trip form for the width.
 */
final class FloatCodec implements TypeCodec {
    static final FloatCodec FLOAT8 = new FloatCodec(8, "double precision");
    static final FloatCodec FLOAT4 = new FloatCodec(4, "real");


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

    /** float8in/float4in, shared with casts: {@link TextInput#parseDouble}. */
    @Override
    public Object readText(String text) {
        double value = TextInput.parseDouble(text, width == 4);
        return width == 8 ? (Object) value : (Object) (float) value;
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != width) {
            return null;
        }
        return width == 8 ? (Object) in.readDouble() : (Object) in.readFloat();
    }
}
